"""Invoices, payments, expenses and incomes: the exact Gauzy requests their rows build."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from application.catalog.model import ResourceCall, ToolSpec, UseCaseCall
from application.catalog.toolsets import expenses, incomes, invoices, payments
from application.requests import build_request
from application.use_cases.payments import totals
from application.validation import validate_arguments
from domain.gauzy import GauzyRequest, QueryStyle
from domain.principal import GauzyCredential

CREDENTIAL = GauzyCredential(access_token="a", refresh_token="r", tenant_id="t-1", organization_id="o-1",
                             user_id="u-1", employee_id="e-1", expires_at=datetime(2030, 1, 1, tzinfo=UTC))
SCOPE = {"tenantId": "t-1", "organizationId": "o-1"}
TOOLS = {tool.name: tool for module in (invoices, payments, expenses, incomes) for tool in module.TOOLS}
ID = "0b6f5c1e-3a2d-4c8b-9e7f-1a2b3c4d5e6f"


def request_for(name: str, arguments: dict[str, Any]) -> GauzyRequest:
    """What the dispatcher sends: validated arguments (defaults applied) through the tool's row."""
    tool: ToolSpec = TOOLS[name]
    assert isinstance(tool.operation, ResourceCall)
    values = validate_arguments(tool.input_model, arguments).model_dump(exclude_none=True)
    return build_request(tool.operation, values, CREDENTIAL)


def test_invoice_list_filters_and_invoice_date_range_go_into_where() -> None:
    request = request_for("get_invoices", {"status": "paid", "startDate": "2026-01-01", "endDate": "2026-01-31",
                                           "page": 2, "limit": 5})
    assert (request.method, request.path) == ("GET", "/api/invoices/pagination")
    assert request.query == {"where": {"status": "FULLY_PAID", **SCOPE,
                                       "invoiceDate": {"startDate": "2026-01-01T00:00:00Z",
                                                       "endDate": "2026-01-31T23:59:59.999Z"}},
                             "take": 5, "skip": 2}


def test_invoice_count_is_the_total_of_a_one_item_page() -> None:
    request = request_for("get_invoice_count", {"isEstimate": False})
    assert request.path == "/api/invoices/pagination"
    assert request.query == {"where": {"isEstimate": False, **SCOPE}, "take": 1, "skip": 1}


def test_one_invoice_is_read_with_a_data_json_query() -> None:
    request = request_for("get_invoice", {"id": ID, "relations": ["invoiceItems"]})
    assert request.path == f"/api/invoices/{ID}"
    assert request.query_style is QueryStyle.DATA_JSON
    assert request.query == {"findInput": SCOPE, "relations": ["invoiceItems"]}


def test_invoice_create_row_fills_status_currency_and_sender() -> None:
    request = build_request(invoices.CREATE, {"invoice_data": {"invoiceNumber": 7}}, CREDENTIAL)
    assert (request.method, request.path) == ("POST", "/api/invoices")
    assert request.body == {"invoiceNumber": 7, "status": "DRAFT", "currency": "USD", "fromOrganizationId": "o-1",
                            "discountValue": 0, "terms": "", **SCOPE}


def test_invoice_update_copies_the_required_fields_from_the_record() -> None:
    call = TOOLS["update_invoice"].operation
    assert isinstance(call, ResourceCall)
    assert call.merge_current == ("invoiceNumber", "invoiceDate", "dueDate", "status", "currency")
    assert request_for("update_invoice", {"id": ID, "invoice_data": {"terms": "Net 15"}}).body == {
        "terms": "Net 15", **SCOPE}


def test_invoice_action_sends_only_the_action_fields() -> None:
    request = request_for("update_invoice_action", {"id": ID, "status": "sent"})
    assert (request.method, request.path, request.body) == ("PUT", f"/api/invoices/{ID}/action", {"status": "SENT"})


def test_invoice_lines_are_found_by_invoice_in_find_input() -> None:
    request = request_for("get_invoice_items", {"invoiceId": ID})
    assert (request.path, request.query_style) == ("/api/invoice-item", QueryStyle.DATA_JSON)
    assert request.query == {"findInput": {"invoiceId": ID}}


def test_payment_search_and_payment_date_range() -> None:
    request = request_for("get_payments", {"search": "retainer", "paymentMethod": "check",
                                           "startDate": "2026-02-01", "endDate": "2026-02-28"})
    assert request.path == "/api/payments/pagination"
    assert request.query["where"] == {"note": "retainer", "paymentMethod": "CHEQUE", **SCOPE,
                                      "paymentDate": {"startDate": "2026-02-01T00:00:00Z",
                                                      "endDate": "2026-02-28T23:59:59.999Z"}}


def test_payment_create_defaults_currency_and_method() -> None:
    request = request_for("create_payment", {"payment_data": {"amount": 10}})
    assert request.body == {"amount": 10.0, "currency": "USD", "paymentMethod": "BANK_TRANSFER", **SCOPE}


def test_payment_statistics_read_every_matching_payment() -> None:
    """The report route drops client filters and sums currencies together, so the totals
    are computed from GET /api/payments without paging."""
    tool = TOOLS["get_payment_statistics"]
    assert isinstance(tool.operation, UseCaseCall) and tool.operation.routes == ("GET /api/payments",)
    request = build_request(payments.ALL, {"currency": "EUR", "groupBy": "client"}, CREDENTIAL)
    assert (request.path, request.query) == ("/api/payments", {"where": {"currency": "EUR", **SCOPE}})


def test_payment_totals_are_kept_per_currency() -> None:
    rows = [{"amount": 10, "currency": "USD"}, {"amount": "2.5", "currency": "USD"}, {"amount": 3, "currency": "EUR"}]
    assert totals(rows) == {"EUR": 3.0, "USD": 12.5}


def test_expense_list_uses_pagination_with_notes_search_and_value_date_range() -> None:
    request = request_for("get_expenses", {"search": "taxi", "status": "PAID", "startDate": "2026-03-01",
                                           "endDate": "2026-03-31"})
    assert request.path == "/api/expense/pagination"
    assert request.query["where"] == {"status": "PAID", "notes": "taxi", **SCOPE,
                                      "valueDate": {"startDate": "2026-03-01T00:00:00Z",
                                                    "endDate": "2026-03-31T23:59:59.999Z"}}


def test_my_expenses_are_the_signed_in_employees() -> None:
    assert request_for("get_my_expenses", {}).query["where"] == {"employeeId": "e-1", **SCOPE}


def test_expense_delete_sends_organization_and_employee_in_the_query() -> None:
    request = request_for("delete_expense", {"id": ID, "employeeId": ID})
    assert (request.method, request.path, request.query) == ("DELETE", f"/api/expense/{ID}",
                                                            {"employeeId": ID, **SCOPE})


def test_incomes_of_a_month_use_data_json() -> None:
    request = request_for("get_incomes", {"filterDate": "2026-04-15", "findInput": {"isBonus": True}})
    assert (request.path, request.query_style) == ("/api/income", QueryStyle.DATA_JSON)
    assert request.query == {"findInput": {"isBonus": True, **SCOPE}, "filterDate": "2026-04-15T00:00:00Z"}


def test_income_create_requires_client_and_defaults_currency() -> None:
    request = request_for("create_income", {"income_data": {"clientId": ID, "amount": 5}})
    assert request.body == {"clientId": ID, "amount": 5.0, "currency": "USD", **SCOPE}
