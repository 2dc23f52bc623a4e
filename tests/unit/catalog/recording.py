"""Helpers for the inventory and goals mapping tests: the request a row builds, and a
credential keeper that records what a use case sends and answers from a table."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from typing import Any

from application.catalog import full_catalog
from application.catalog.client_query import ClientQuery
from application.catalog.model import ResourceCall, ToolSpec
from application.invocation import Invocation
from application.requests import build_request
from application.validation import validate_arguments
from domain.gauzy import GauzyRequest
from domain.principal import CallerContext, GauzyCredential

CREDENTIAL = GauzyCredential(access_token="a", refresh_token="r", tenant_id="t-1", organization_id="o-1",
                             user_id="u-1", employee_id="e-1", email="me@example.com",
                             expires_at=datetime(2030, 1, 1, tzinfo=UTC))
SCOPE = {"tenantId": "t-1", "organizationId": "o-1"}
CATALOG = full_catalog()
Answer = Any | Callable[[GauzyRequest], Any]


def tool(name: str) -> ToolSpec:
    return CATALOG.get(name)


def request_for(name: str, arguments: dict[str, Any]) -> GauzyRequest:
    """What the dispatcher sends for a ResourceCall row (validated arguments, defaults applied)."""
    spec = tool(name)
    assert isinstance(spec.operation, ResourceCall), f"{name} is not a ResourceCall row"
    values = validate_arguments(spec.input_model, arguments).model_dump(exclude_none=True)
    return build_request(spec.operation, values, CREDENTIAL)


def query_request_for(name: str, arguments: dict[str, Any]) -> GauzyRequest:
    """The request a ClientQuery tool fetches its rows with."""
    spec = tool(name)
    query = spec.input_model.client_query  # type: ignore[attr-defined]
    assert isinstance(query, ClientQuery)
    values = validate_arguments(spec.input_model, arguments).model_dump(exclude_none=True)
    return build_request(query.call, {k: v for k, v in values.items() if k not in query.consumed}, CREDENTIAL)


class RecordingKeeper:
    """Stands in for CredentialKeeper: answers `(method, path)` from `answers`, records every request."""

    def __init__(self, answers: Mapping[tuple[str, str], Answer] | None = None) -> None:
        self.answers = dict(answers or {})
        self.sent: list[GauzyRequest] = []

    async def current(self, caller: CallerContext) -> GauzyCredential:
        return CREDENTIAL

    async def send(self, caller: CallerContext, request: GauzyRequest) -> Any:
        self.sent.append(request)
        answer = self.answers.get((request.method, request.path), {"id": "new-id"})
        return answer(request) if callable(answer) else answer


def run(use_case: Any, name: str, arguments: dict[str, Any]) -> Any:
    """Run a use case as the dispatcher would: arguments validated by the tool's input model."""
    validated = validate_arguments(tool(name).input_model, arguments)
    return asyncio.run(use_case(validated, Invocation(CallerContext(session_key="test"))))
