"""Building GauzyRequests from rows: placement of fields, tenancy, paging, defaults."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from application.catalog.model import ContextValue, Paging, ResourceCall, Shape, Tenancy
from application.requests import build_request, merge_missing
from domain.errors import InvalidInputError
from domain.gauzy import GauzyRequest
from domain.principal import GauzyCredential

CREDENTIAL = GauzyCredential(access_token="a", refresh_token="r", tenant_id="t-1", organization_id="o-1",
                             user_id="u-1", employee_id="e-1", expires_at=datetime(2030, 1, 1, tzinfo=UTC))


def test_where_fields_tenancy_and_page_number_paging() -> None:
    call = ResourceCall("GET", "/api/tasks/pagination", Shape.PAGE, Tenancy.WHERE,
                        where={"status": "status", "employeeId": "members.id"})
    request = build_request(call, {"status": "open", "employeeId": "e-9", "page": 3, "limit": 20}, CREDENTIAL)
    assert request.query == {"where": {"status": "open", "members": {"id": "e-9"}, "tenantId": "t-1",
                                       "organizationId": "o-1"}, "take": 20, "skip": 3}
    assert request.body is None


def test_offset_paging_for_find_all_routes() -> None:
    call = ResourceCall("GET", "/api/tasks", Shape.PAGE, Tenancy.WHERE, paging=Paging.OFFSET)
    assert build_request(call, {"page": 3, "limit": 20}, CREDENTIAL).query["skip"] == 40


def test_body_from_an_object_with_defaults_and_body_tenancy() -> None:
    call = ResourceCall("POST", "/api/tasks", tenancy=Tenancy.BODY, body_from="task_data",
                        body_defaults={"status": "open", "creatorId": ContextValue.EMPLOYEE_ID})
    request = build_request(call, {"task_data": {"title": "Write tests"}}, CREDENTIAL)
    assert request.body == {"title": "Write tests", "status": "open", "creatorId": "e-1",
                            "tenantId": "t-1", "organizationId": "o-1"}


def test_body_from_a_list_is_a_bare_json_array() -> None:
    """Routes behind BulkBodyLoadTransformPipe wrap the body as {list: <body>}, so the list goes as it is."""
    call = ResourceCall("POST", "/api/invoice-item/bulk/{invoiceId}", tenancy=Tenancy.BODY, body_from="items")
    lines = [{"price": 1, "quantity": 2, "totalValue": 2, "invoiceId": "i-1"}]
    request = build_request(call, {"invoiceId": "i-1", "items": lines}, CREDENTIAL)
    assert (request.path, request.body) == ("/api/invoice-item/bulk/i-1", lines)


def test_path_placeholders_from_input_or_the_callers_own_ids() -> None:
    call = ResourceCall("GET", "/api/employee/{employeeId}", defaults={"employeeId": ContextValue.EMPLOYEE_ID})
    assert build_request(call, {}, CREDENTIAL).path == "/api/employee/e-1"
    assert build_request(call, {"employeeId": "e-2"}, CREDENTIAL).path == "/api/employee/e-2"


def test_a_missing_context_value_is_a_clear_input_error() -> None:
    call = ResourceCall("GET", "/api/employee/{employeeId}", defaults={"employeeId": ContextValue.EMPLOYEE_ID})
    not_employee = GauzyCredential(access_token="a", refresh_token=None, tenant_id="t", organization_id="o",
                                   user_id="u")
    with pytest.raises(InvalidInputError, match="employee_id"):
        build_request(call, {}, not_employee)


def test_list_suffix_wraps_and_star_merges() -> None:
    call = ResourceCall("PUT", "/api/organization-projects/employee", tenancy=Tenancy.NONE,
                        body={"projectId": "addedProjectIds[]", "extra": "*"})
    request = build_request(call, {"projectId": "p-1", "extra": {"a": 1}}, CREDENTIAL)
    assert request.body == {"addedProjectIds": ["p-1"], "a": 1}


def test_merge_missing_fills_only_absent_required_fields() -> None:
    update = GauzyRequest("PUT", "/api/tasks/x", body={"status": "done"})
    merged = merge_missing(update, {"title": "Old", "status": "open", "other": 1}, ("title", "status"))
    assert merged.body == {"status": "done", "title": "Old"}


def test_safe_to_repeat_follows_method_unless_marked() -> None:
    assert GauzyRequest("GET", "/x").safe_to_repeat
    assert not GauzyRequest("POST", "/x").safe_to_repeat
    assert GauzyRequest("POST", "/x", idempotent=True).safe_to_repeat
