"""update_organization_contact_by_employee, both ways the reference's `contact_data` is used:
membership changes ({addedEntityIds, removedEntityIds}: `id` is the employee, sent to
`PUT /organization-contact/employee`) or a contact's own fields ({name, primaryEmail, ...}:
`id` is the contact, updated like update_organization_contact)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from application.catalog.model import ResourceCall
from application.credentials import CredentialKeeper
from application.invocation import Invocation
from application.requests import build_request, current_record_request, merge_missing
from application.use_cases.declared import declared
from domain.errors import InvalidInputError

MEMBERSHIP = ("addedEntityIds", "removedEntityIds")


class UpdateContactByEmployee:
    """The input model declares both calls: `membership` and `contact_update` (ResourceCalls)."""

    def __init__(self, keeper: CredentialKeeper) -> None:
        self._keeper = keeper

    async def __call__(self, arguments: BaseModel, invocation: Invocation) -> Any:
        values = arguments.model_dump(exclude_none=True)
        data = values["contact_data"]
        fields = [key for key in data if key not in MEMBERSHIP]
        moves = [key for key in MEMBERSHIP if data.get(key)]
        if fields and moves:
            raise InvalidInputError([f"contact_data: give either {' / '.join(MEMBERSHIP)} (id is the employee) "
                                     f"or a contact's fields (id is the contact), not both; got {', '.join(data)}"])
        credential = await self._keeper.current(invocation.caller)
        if not fields:
            call = declared(arguments, "membership", ResourceCall)
            return await self._keeper.send(invocation.caller, build_request(call, values, credential))
        call = declared(arguments, "contact_update", ResourceCall)
        request = build_request(call, {**values, "contact_data": {key: data[key] for key in fields}}, credential)
        current = await self._keeper.send(invocation.caller, current_record_request(request, credential))
        return await self._keeper.send(invocation.caller, merge_missing(request, current, call.merge_current))
