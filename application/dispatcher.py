"""Turn a tool call into a use-case run: validate → check scope → run → result."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from application.catalog.catalog import Catalog
from application.catalog.checking import checking_tool
from application.catalog.model import BulkCall, ResourceCall, ToolSpec
from application.credentials import CredentialKeeper
from application.invocation import Invocation, UseCase
from application.requests import build_request, current_record_request, merge_missing
from application.results import check_deleted, shape_result
from application.validation import validate_arguments
from domain.errors import DomainError, InsufficientScopeError, OutcomeUnknownError


@dataclass(frozen=True)
class ToolOutcome:
    """A tool's answer: structured content (when the tool has an output schema), compact
    JSON text for every client, and whether it is an error the model should read."""

    text: str
    structured: dict[str, Any] | None = None
    is_error: bool = False

    @classmethod
    def of(cls, value: Any, tool: ToolSpec) -> ToolOutcome:
        structured = value if tool.output_model is not None and isinstance(value, dict) else None
        return cls(text=compact_json(value), structured=structured)

    @classmethod
    def failure(cls, error: DomainError) -> ToolOutcome:
        return cls(text=f"Error ({error.code}): {error}", is_error=True)


def compact_json(value: Any) -> str:
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False, default=str)


class ToolDispatcher:
    def __init__(self, catalog: Catalog, keeper: CredentialKeeper, use_cases: Mapping[str, UseCase]) -> None:
        self.catalog = catalog
        self._keeper = keeper
        self._use_cases = use_cases
        self._checks: dict[str, str | None] = {}

    async def call(self, name: str, arguments: Mapping[str, Any] | None, invocation: Invocation) -> ToolOutcome:
        try:
            tool = self.catalog.get(name)
            if tool.scope.value not in invocation.caller.scopes:
                raise InsufficientScopeError(tool.scope.value)
            validated = validate_arguments(tool.input_model, arguments)
            return ToolOutcome.of(await self._run(tool, validated, invocation), tool)
        except OutcomeUnknownError as error:
            return ToolOutcome.failure(self._how_to_check(tool, error))
        except DomainError as error:
            return ToolOutcome.failure(error)

    def _how_to_check(self, tool: ToolSpec, error: OutcomeUnknownError) -> OutcomeUnknownError:
        """Name the read tool that shows whether the lost change happened (never "try again")."""
        if tool.name not in self._checks:
            self._checks[tool.name] = checking_tool(tool, self.catalog)
        reader = self._checks[tool.name]
        if reader is not None:
            error.hint = (f"Do not repeat {tool.name} blindly: call {reader} first to see whether the change "
                          "was applied, and repeat it only if it was not.")
        return error

    async def _run(self, tool: ToolSpec, arguments: BaseModel, invocation: Invocation) -> Any:
        op = tool.operation
        if isinstance(op, ResourceCall):
            return await self._send(tool, op, arguments.model_dump(exclude_none=True), invocation)
        if isinstance(op, BulkCall):
            return await self._bulk(tool, op, arguments, invocation)
        return await self._use_cases[op.name](arguments, invocation)

    async def _send(self, tool: ToolSpec, call: ResourceCall, values: Mapping[str, Any], invocation: Invocation) -> Any:
        credential = await self._keeper.current(invocation.caller)
        request = build_request(call, values, credential, idempotent=tool.idempotent or None)
        if call.merge_current:
            current = await self._keeper.send(invocation.caller, current_record_request(request, credential))
            request = merge_missing(request, current, call.merge_current)
        answer = await self._keeper.send(invocation.caller, request)
        answer = check_deleted(request.method, request.path, answer)
        if call.answer_stored:
            answer = await self._keeper.send(invocation.caller, current_record_request(request, credential))
        return shape_result(call.shape, answer)

    async def _bulk(self, tool: ToolSpec, bulk: BulkCall, arguments: BaseModel, invocation: Invocation) -> Any:
        items = getattr(arguments, bulk.items_field)
        results: list[dict[str, Any]] = []
        for index, item in enumerate(items):
            values = item.model_dump(exclude_none=True) if isinstance(item, BaseModel) else {"id": item}
            if bulk.item_as is not None:
                values = {bulk.item_as: values}
            try:
                answer = await self._send(tool, bulk.item, values, invocation)
                record_id = (answer.get("id") if isinstance(answer, dict) else None) or values.get("id")
                results.append({"index": index, "ok": True, "id": record_id})
            except DomainError as error:
                if isinstance(error, OutcomeUnknownError):
                    self._how_to_check(tool, error)
                results.append({"index": index, "ok": False, "id": values.get("id"), "error": str(error)})
            await invocation.progress(index + 1, len(items), f"{index + 1} of {len(items)} done")
        succeeded = sum(1 for r in results if r["ok"])
        return {"succeeded": succeeded, "failed": len(results) - succeeded, "results": results}
