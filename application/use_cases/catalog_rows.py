"""Run catalog rows from a use case: the same request building and result shaping a
tool row gets, for use cases that chain several Gauzy calls."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from pydantic import BaseModel

from application.catalog.model import ResourceCall
from application.credentials import CredentialKeeper
from application.invocation import Invocation
from application.requests import build_request
from application.results import shape_result
from application.use_cases.time_off_requests import fetch_requests
from domain.principal import GauzyCredential

Input = TypeVar("Input", bound=BaseModel)


def arguments_as(kind: type[Input], arguments: BaseModel) -> Input:
    """The validated input of the tool a use case serves, with its real type."""
    if not isinstance(arguments, kind):
        raise TypeError(f"expected {kind.__name__} arguments, got {type(arguments).__name__}")
    return arguments


class RowRunner:
    def __init__(self, keeper: CredentialKeeper) -> None:
        self._keeper = keeper

    async def credential(self, invocation: Invocation) -> GauzyCredential:
        return await self._keeper.current(invocation.caller)

    async def run(self, call: ResourceCall, values: Mapping[str, Any], invocation: Invocation) -> Any:
        credential = await self._keeper.current(invocation.caller)
        request = build_request(call, values, credential, idempotent=call.method in ("GET", "PUT") or None)
        return shape_result(call.shape, await self._keeper.send(invocation.caller, request))

    async def time_off_requests(self, invocation: Invocation) -> list[Any]:
        """Every time-off request of the caller's organization (Gauzy's own filters fail, see there)."""
        return await fetch_requests(self._keeper, invocation.caller)

    async def all_items(self, call: ResourceCall, values: Mapping[str, Any], invocation: Invocation) -> list[Any]:
        """The items of a list answer (`{items, total}` or a bare list)."""
        answer = await self.run(call, values, invocation)
        items = answer.get("items") if isinstance(answer, dict) else answer
        return [item for item in items or [] if isinstance(item, dict)]
