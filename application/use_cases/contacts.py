"""Create merchants and warehouses with what a model knows: Gauzy requires a code and a
contact email for both, so the code is derived from the name and the email is the
signed-in user's unless given. The input model names its create route in `creates`
(a ResourceCall whose `body_from` is the data field) or, for bulk tools, `bulk_creates`."""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel

from application.catalog.model import BulkCall, ResourceCall
from application.credentials import CredentialKeeper
from application.invocation import Invocation
from application.requests import build_request
from application.use_cases.declared import declared
from domain.errors import DomainError, InvalidInputError
from domain.principal import GauzyCredential

CODE_LENGTH = 24


def code_from(name: str) -> str:
    """'Acme Supplies, Ltd.' -> 'ACME-SUPPLIES-LTD'."""
    words = re.findall(r"[A-Za-z0-9]+", name)
    return "-".join(words).upper()[:CODE_LENGTH].strip("-") or "CODE"


def completed(data: dict[str, Any], credential: GauzyCredential) -> dict[str, Any]:
    filled = dict(data)
    if not filled.get("code"):
        filled["code"] = code_from(str(filled.get("name", "")))
    if not filled.get("email"):
        if not credential.email:
            raise InvalidInputError(["email: required (the signed-in Gauzy user has no email to default to)"])
        filled["email"] = credential.email
    return filled


class CreateWithContact:
    def __init__(self, keeper: CredentialKeeper) -> None:
        self._keeper = keeper

    async def __call__(self, arguments: BaseModel, invocation: Invocation) -> Any:
        call = declared(arguments, "creates", ResourceCall)
        data = arguments.model_dump(exclude_none=True)[str(call.body_from)]
        return await create(self._keeper, call, data, invocation)


class BulkCreateWithContact:
    """One create per item, with progress and a per-item outcome (Gauzy has no bulk route)."""

    def __init__(self, keeper: CredentialKeeper) -> None:
        self._keeper = keeper

    async def __call__(self, arguments: BaseModel, invocation: Invocation) -> Any:
        bulk = declared(arguments, "bulk_creates", BulkCall)
        items = arguments.model_dump(exclude_none=True)[bulk.items_field]
        results: list[dict[str, Any]] = []
        for index, item in enumerate(items):
            try:
                answer = await create(self._keeper, bulk.item, item, invocation)
                record_id = answer.get("id") if isinstance(answer, dict) else None
                results.append({"index": index, "ok": True, "id": record_id})
            except DomainError as error:
                results.append({"index": index, "ok": False, "id": None, "error": str(error)})
            await invocation.progress(index + 1, len(items), f"{index + 1} of {len(items)} done")
        succeeded = sum(1 for result in results if result["ok"])
        return {"succeeded": succeeded, "failed": len(results) - succeeded, "results": results}


async def create(keeper: CredentialKeeper, call: ResourceCall, data: dict[str, Any], invocation: Invocation) -> Any:
    credential = await keeper.current(invocation.caller)
    request = build_request(call, {str(call.body_from): completed(data, credential)}, credential)
    return await keeper.send(invocation.caller, request)
