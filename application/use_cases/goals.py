"""Align a goal under another. Gauzy links goals through key results: a goal supports its
parent by being aligned to one of the parent's key results (`alignedKeyResultId`)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from application.credentials import CredentialKeeper
from application.invocation import Invocation
from application.use_cases.client_query import items_of
from domain.errors import InvalidInputError
from domain.gauzy import GauzyRequest

GOALS = "/api/goals"
KEY_RESULTS = "/api/key-results"


class AlignGoals:
    def __init__(self, keeper: CredentialKeeper) -> None:
        self._keeper = keeper

    async def __call__(self, arguments: BaseModel, invocation: Invocation) -> Any:
        values = arguments.model_dump()
        parent, child = str(values["parentGoalId"]), str(values["childGoalId"])
        if parent == child:
            raise InvalidInputError(["childGoalId: a goal cannot be aligned under itself"])
        key_result = await self._parent_key_result(parent, values.get("keyResultId"), invocation)
        credential = await self._keeper.current(invocation.caller)
        scope = {"tenantId": credential.tenant_id, "organizationId": credential.organization_id}
        goal = await self._keeper.send(invocation.caller, GauzyRequest("GET", f"{GOALS}/{child}"))
        # UpdateGoalDTO requires the name; everything not sent is kept.
        body = {"name": goal.get("name"), "alignedKeyResultId": key_result} | scope
        return await self._keeper.send(invocation.caller, GauzyRequest("PUT", f"{GOALS}/{child}", body=body))

    async def _parent_key_result(self, parent: str, wanted: str | None, invocation: Invocation) -> str:
        # GET /key-results takes no filters (and /pagination is shadowed): read all, keep the parent's.
        rows = items_of(await self._keeper.send(invocation.caller, GauzyRequest("GET", KEY_RESULTS)))
        own = [str(row["id"]) for row in rows if str(row.get("goalId")) == parent]
        if wanted is not None:
            if wanted not in own:
                raise InvalidInputError([f"keyResultId: {wanted} is not a key result of goal {parent}"])
            return wanted
        if not own:
            raise InvalidInputError([f"parentGoalId: goal {parent} has no key results to align under; "
                                     "create one with create_key_result first"])
        return own[0]
