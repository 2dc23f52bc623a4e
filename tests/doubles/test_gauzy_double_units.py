"""Unit checks of the double's building blocks against the reference facts."""

from __future__ import annotations

import httpx
import pytest

from adapters.outbound.gauzy_model import GauzyDouble
from adapters.outbound.gauzy_model.qs import parse_qs
from adapters.outbound.gauzy_model.reference import load_reference
from adapters.outbound.gauzy_model.routes import RouteTable
from adapters.outbound.gauzy_model.validation import UNKNOWN_VALUE, Validator
from adapters.outbound.gauzy_model.validators import Context
from tests.doubles.support import tenant_headers

ORG = "9b3a1a4e-3f2b-4c55-9d2e-1b2c3d4e5f60"


@pytest.fixture(scope="module")
def table() -> RouteTable:
    return RouteTable(load_reference())


def test_qs_bracket_syntax() -> None:
    parsed = parse_qs("where[status]=open&where[project][id]=p1&relations[]=a&relations[]=b&order[createdAt]=DESC")
    assert parsed == {
        "where": {"status": "open", "project": {"id": "p1"}},
        "relations": ["a", "b"],
        "order": {"createdAt": "DESC"},
    }
    assert parse_qs("relations[1]=b&relations[0]=a&x=1&x=2&q=a+b%20c") == {
        "relations": ["a", "b"],
        "x": ["1", "2"],
        "q": "a b c",
    }
    assert parse_qs("data=%7B%22findInput%22%3A%7B%7D%7D") == {"data": '{"findInput":{}}'}


def test_route_table_is_complete_and_matches_like_express(table: RouteTable) -> None:
    assert len(table.routes) == 1666
    found = table.match("GET", "/api/tasks/statistics")
    assert found is not None
    assert (found[0].path, found[1]) == ("/api/tasks/:id", {"id": "statistics"})
    assert found[0].param_pipes == {"id": "uuid"}
    time_log = table.match("GET", "/api/timesheet/time-log")
    assert time_log is not None and time_log[0].controller == "TimeLogController"
    assert table.match("GET", "/api/does-not-exist") is None
    create = table.find("POST", "/api/tasks")
    assert create is not None and create.success_status == 202 and create.tenant_guarded


def test_class_validator_order_and_conditionals() -> None:
    reference = load_reference()
    validator = Validator(reference.dtos)
    ctx = Context(tenant_id="t", user_id="u", organization_ids=frozenset({ORG}), enums=reference.enums)
    messages, _ = validator.validate("CreateTaskDTO", {"title": "t"}, ctx)
    assert messages.index("status must be a string") < messages.index("status should not be empty")
    assert {"organizationId must be a UUID", "organization must be an object"} <= set(messages)
    ok, _ = validator.validate("CreateTaskDTO", {"title": "t", "status": "open", "organization": {"id": ORG}}, ctx)
    assert ok == []
    foreign, _ = validator.validate("CreateTaskDTO", {"title": "t", "status": "x", "tenantId": ORG}, ctx)
    assert f'The user is not associated with the requested tenant. Received tenant details: "{ORG}"' in foreign
    assert validator.validate("CreateTaskDTO", [1], ctx)[0] == [UNKNOWN_VALUE]


def test_whitelist_keeps_only_decorated_fields() -> None:
    reference = load_reference()
    validator = Validator(reference.dtos)
    ctx = Context(tenant_id="t", user_id="u", organization_ids=frozenset({ORG}), enums=reference.enums)
    payload = {"title": "t", "status": "open", "organizationId": ORG, "prefix": "X", "junk": True}
    messages, cleaned = validator.validate("CreateTaskDTO", payload, ctx, whitelist=True)
    assert messages == []
    assert cleaned == {"title": "t", "status": "open", "organizationId": ORG}


def test_take_is_bounded(gauzy_client: httpx.Client, gauzy_double: GauzyDouble) -> None:
    headers = tenant_headers(gauzy_client, gauzy_double)
    params = {"where[organizationId]": gauzy_double.seed.organization_id, "take": "101"}
    response = gauzy_client.get("/api/tasks", headers=headers, params=params)
    assert response.json()["message"] == ["take must not be greater than 100"]
