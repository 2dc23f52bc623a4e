"""Defects found on a real Gauzy API whose cause was ours, pinned where they are decided: the
request a tool builds, its input schema, its description, the error wording."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import httpx
import pytest

from adapters.outbound.gauzy_http.errors import defect, error_for, failed_inside
from application.catalog import full_catalog
from application.catalog.model import ResourceCall
from application.catalog.toolsets.invoices import CREATE as NEW_INVOICE
from application.requests import build_request
from application.results import check_deleted
from application.validation import validate_arguments
from domain.errors import GauzyDefectError, InvalidInputError, NotFoundError
from domain.gauzy import GauzyRequest
from domain.principal import GauzyCredential

CREDENTIAL = GauzyCredential(access_token="a", refresh_token="r", tenant_id="t-1", organization_id="o-1",
                             user_id="u-1", employee_id="e-1", expires_at=datetime(2030, 1, 1, tzinfo=UTC))
CATALOG = full_catalog()
ID = "11111111-1111-4111-8111-111111111111"
LAST_MS = "2026-04-26T23:59:59.999Z"


def request(tool: str, arguments: dict[str, Any]) -> GauzyRequest:
    spec = CATALOG.get(tool)
    assert isinstance(spec.operation, ResourceCall)
    values = validate_arguments(spec.input_model, arguments).model_dump(exclude_none=True)
    return build_request(spec.operation, values, CREDENTIAL)


def refusal(tool: str, arguments: dict[str, Any]) -> str:
    with pytest.raises(InvalidInputError) as caught:
        validate_arguments(CATALOG.get(tool).input_model, arguments)
    return str(caught.value)


WEEK = {"startDate": "2026-04-20", "endDate": "2026-04-26"}


@pytest.mark.parametrize(("tool", "extra", "where"), [
    ("get_project_statistics", {}, lambda r: r.query),
    ("get_employee_statistics", {"employeeId": ID}, lambda r: r.query),
    ("get_task_statistics", {}, lambda r: r.body),
    ("get_expenses", {}, lambda r: r.query["where"]["valueDate"]),
    ("get_payments", {}, lambda r: r.query["where"]["paymentDate"]),
])
def test_a_date_only_end_of_range_means_the_whole_day(tool: str, extra: dict[str, Any], where: Any) -> None:
    sent = where(request(tool, {**WEEK, **extra}))
    assert (sent["startDate"], sent["endDate"]) == ("2026-04-20T00:00:00Z", LAST_MS)


def test_a_date_time_end_is_kept_as_given() -> None:
    sent = request("get_project_statistics", {"startDate": "2026-04-20", "endDate": "2026-04-26T12:00:00Z"})
    assert sent.query["endDate"] == "2026-04-26T12:00:00Z"


def test_the_working_employees_range_ends_with_its_last_day() -> None:
    sent = request("get_working_employees", {"forRange": {"start": "2026-04-01", "end": "2026-04-30"}})
    assert sent.query["findInput"]["forRange"]["endDate"] == "2026-04-30T23:59:59.999Z"


def test_tasks_can_be_filtered_on_the_closed_status_gauzy_stores() -> None:
    assert request("get_tasks", {"status": "closed"}).query["where"]["status"] == "closed"
    assert request("get_task_count", {"status": "CLOSED"}).query["status"] == "closed"


@pytest.mark.parametrize("tool", ["add_comment_to_task", "add_comment_to_project", "create_comment"])
def test_comments_are_written_as_the_signed_in_employee(tool: str) -> None:
    arguments = {"comment_data": {"comment": "Hi", "entity": "Task", "entityId": ID}} if tool == "create_comment" \
        else {"taskId": ID, "projectId": ID, "comment": "Hi"}
    if tool != "create_comment":
        arguments = {k: v for k, v in arguments.items() if k in CATALOG.get(tool).input_model.model_fields}
    assert request(tool, arguments).body["employeeId"] == "e-1"


def test_the_timer_refusal_for_disabled_tracking_names_the_employee_flag_and_the_fix() -> None:
    answer = httpx.Response(403, json={"statusCode": 403, "message": (
        "The time tracking functionality has been disabled for you.")},
        request=httpx.Request("POST", "http://gauzy/api/timesheet/timer/start"))
    hint = error_for(answer, "http://gauzy").hint
    assert "isTrackingEnabled" in hint and "update_employee_profile" in hint
    assert "ask a Gauzy admin for the permission" not in hint


def test_tracking_can_be_switched_on_through_a_field_the_profile_schema_shows() -> None:
    data = CATALOG.get("update_employee_profile").input_model.model_json_schema()["$defs"]["EmployeeData"]
    assert "isTrackingEnabled" in data["properties"]
    assert request("update_employee_profile", {"employee_data": {"isTrackingEnabled": True}}).body[
        "isTrackingEnabled"] is True


@pytest.mark.parametrize("tool", ["update_task", "update_employee", "update_employee_profile"])
def test_updates_whose_gauzy_answer_lacks_stored_fields_answer_with_the_stored_record(tool: str) -> None:
    operation = CATALOG.get(tool).operation
    assert isinstance(operation, ResourceCall) and operation.answer_stored


def test_employees_are_listed_with_their_users_by_default() -> None:
    assert request("get_employees", {}).query["relations"] == ["user"]
    assert request("get_employees", {"relations": ["tags"]}).query["relations"] == ["tags"]


def test_project_statistics_say_gauzy_returns_five_projects_at_most() -> None:
    assert "5 projects" in CATALOG.get("get_project_statistics").description


def test_a_delete_answered_without_a_body_says_what_was_deleted() -> None:
    assert check_deleted("DELETE", f"/api/organization-projects/{ID}", None) == {
        "deleted": True, "id": ID, "path": f"/api/organization-projects/{ID}"}
    with pytest.raises(NotFoundError):
        check_deleted("DELETE", f"/api/deals/{ID}", {"raw": [], "affected": 0})


@pytest.mark.parametrize(("tool", "arguments", "explained"), [
    ("create_income", {"income_data": {"amount": 5}}, "get_organization_contacts"),
    ("create_candidate", {"candidate_data": {}}, "email"),
    ("create_comment", {"comment_data": {"comment": "Hi", "entityId": ID}}, "kind of record"),
    ("update_estimate_status", {"id": ID, "data": {}}, "accepted"),
])
def test_a_missing_required_field_is_explained(tool: str, arguments: dict[str, Any], explained: str) -> None:
    text = refusal(tool, arguments)
    assert ": required (" in text and explained in text.lower(), text


def test_contact_fields_are_accepted_by_update_organization_contact_by_employee() -> None:
    model = CATALOG.get("update_organization_contact_by_employee").input_model
    parsed = validate_arguments(model, {"id": ID, "organizationId": ID, "contact_data": {"name": "Acme"}})
    assert parsed.model_dump(exclude_none=True)["contact_data"] == {"name": "Acme"}


def test_an_unknown_nested_field_lists_the_fields_of_its_own_object() -> None:
    nested = refusal("update_comment", {"id": ID, "comment_data": {"nonsense": 1}})
    assert "allowed: comment, parentId" in nested, nested


@pytest.mark.parametrize(("tool", "arguments", "columns"), [
    ("create_goal", {"goal_data": {"name": "G", "deadline": "Q4", "level": "ORGANIZATION"}},
     {"description": "", "progress": 0}),
    ("create_key_result", {"key_result_data": {"name": "K", "goalId": ID, "deadline": "No Custom Deadline"}},
     {"description": ""}),
    ("create_equipment", {"equipment_data": {"name": "Laptop"}},
     {"type": "", "serialNumber": "", "autoApproveShare": False}),
    ("create_skill", {"skill_data": {"name": "Go"}}, {"color": "#6b7280"}),
])
def test_creates_fill_the_not_null_columns_the_dto_leaves_optional(tool: str, arguments: dict[str, Any],
                                                                   columns: dict[str, Any]) -> None:
    body = request(tool, arguments).body
    assert {key: body.get(key) for key in columns} == columns


def test_given_values_win_over_the_not_null_fillers() -> None:
    body = request("create_equipment", {"equipment_data": {"name": "Laptop", "type": "Laptop"}}).body
    assert body["type"] == "Laptop"


def test_new_invoices_fill_the_not_null_discount_and_terms() -> None:
    body = build_request(NEW_INVOICE, {"invoice_data": {}}, CREDENTIAL).body
    assert (body["discountValue"], body["terms"]) == (0, "")


def merchant_answer(status: int, body: object, method: str = "GET") -> httpx.Response:
    return httpx.Response(status, json=body, request=httpx.Request(method, "http://gauzy/api/merchants/pagination"))


def test_a_success_status_carrying_only_an_error_message_is_a_gauzy_failure() -> None:
    assert failed_inside({"message": "Cannot read properties of undefined (reading 'metadata')"})
    assert not failed_inside({"message": "ok", "items": []})
    assert not failed_inside({"items": [], "total": 0})


def test_merchant_failures_say_this_gauzy_version_cannot_serve_merchants() -> None:
    error = defect("GET", "/api/merchants/pagination", "Cannot read properties of undefined (reading 'metadata')")
    assert isinstance(error, GauzyDefectError) and "cannot serve merchants" in error.hint
    refused = error_for(merchant_answer(400, {}), "http://gauzy")
    assert isinstance(refused, GauzyDefectError) and "cannot serve merchants" in refused.hint


@pytest.mark.parametrize(("tool", "arguments"), [
    ("add_product_gallery_images", {"productId": ID, "images": [{"name": "front.png"}]}),
    ("set_product_featured_image", {"productId": ID, "image": {"name": "front.png"}}),
])
def test_a_new_image_without_url_is_refused_before_the_database_refuses_it(tool: str,
                                                                          arguments: dict[str, Any]) -> None:
    assert "give id or give url" in refusal(tool, arguments)


SQLITE_NOT_NULL = {"query": 'INSERT INTO "invoice"("id", "currency", "discountValue", "terms", "createdAt") '
                            "VALUES (?, ?, NULL, NULL, datetime('now'))",
                   "parameters": ["i-1", "USD"], "driverError": {"code": "SQLITE_CONSTRAINT_NOTNULL"},
                   "code": "SQLITE_CONSTRAINT_NOTNULL"}


def test_a_not_null_failure_names_the_columns_that_went_empty() -> None:
    said = str(error_for(httpx.Response(400, json=SQLITE_NOT_NULL, request=httpx.Request(
        "POST", "http://gauzy/api/invoices")), "http://gauzy"))
    assert "invoice columns sent empty: discountValue, terms" in said and "USD" not in said and "i-1" not in said
    postgres = {"code": "23502", "table": "invoice", "column": "discountValue", "detail": "Failing row contains"}
    said = str(error_for(httpx.Response(400, json=postgres, request=httpx.Request(
        "POST", "http://gauzy/api/invoices")), "http://gauzy"))
    assert "invoice.discountValue" in said


def test_create_invoice_no_longer_promises_that_everything_is_optional() -> None:
    assert "Everything is optional" not in CATALOG.get("create_invoice").description
