"""Invoice, payment, expense and income routes with behaviour of their own: date ranges and
text search in paginated lists, `?data=` lists, the highest invoice number, invoice
actions, public links, email and bulk invoice lines, complete (unpaged) lists."""

from __future__ import annotations

import secrets
from collections.abc import Callable, Mapping
from datetime import UTC, datetime, timedelta
from typing import Any

from adapters.outbound.in_memory_gauzy.resources import Handler
from adapters.outbound.in_memory_gauzy.store import Caller, Store, check_organization, page, require, scoped_where
from domain.errors import GauzyValidationError, NotFoundError

ACTION_FIELDS = ("status", "isEstimate", "internalNote", "isArchived", "paid", "alreadyPaid", "amountDue")


def instant(value: Any) -> datetime | None:
    try:
        parsed = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def month_of(moment: datetime) -> tuple[datetime, datetime]:
    start = moment.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    following = (start + timedelta(days=32)).replace(day=1)
    return start, following - timedelta(microseconds=1)


def within(rows: list[dict[str, Any]], field: str, start: datetime, end: datetime) -> list[dict[str, Any]]:
    return [row for row in rows if (at := instant(row.get(field))) is not None and start <= at <= end]


def span_of(value: Any, caller: Caller) -> tuple[datetime, datetime]:
    """`where[field][startDate|endDate]`: Gauzy falls back to the current month when an end is missing."""
    start, end = (instant(value.get(k)) for k in ("startDate", "endDate"))
    if start is None or end is None:
        return month_of(caller.now)
    return start, end


def ranged_page(collection: str, date_field: str, like: tuple[str, ...] = ()) -> Handler:
    """A paginated list whose service turns `where[date][startDate|endDate]` into BETWEEN and
    `like` fields into case-insensitive `%text%` matches."""

    def handle(store: Store, caller: Caller, params: Mapping[str, str], query: Mapping[str, Any], body: Any) -> Any:
        where = scoped_where(query, caller)
        span = where.pop(date_field, None)
        texts = {field: str(where.pop(field)).lower() for field in like if field in where}
        rows = store.find(collection, caller, where)
        if isinstance(span, Mapping):
            rows = within(rows, date_field, *span_of(span, caller))
        for field, text in texts.items():
            rows = [row for row in rows if text in str(row.get(field) or "").lower()]
        return page(rows, query, skip_is_page=True)

    return handle


def data_list(collection: str, *, mine: bool = False) -> Handler:
    """`GET ...?data={findInput, relations, filterDate}`: equality filters, and the month of filterDate."""

    def handle(store: Store, caller: Caller, params: Mapping[str, str], query: Mapping[str, Any], body: Any) -> Any:
        where = dict(query.get("findInput") or {})
        if where.get("organizationId"):
            check_organization(str(where["organizationId"]), caller)
        if mine:
            if caller.credential.employee_id is None:
                raise NotFoundError("The requested record was not found")  # Gauzy: no employee for this user
            where["employeeId"] = caller.credential.employee_id
        rows = store.find(collection, caller, where)
        if query.get("filterDate") and (moment := instant(query["filterDate"])) is not None:
            rows = within(rows, "valueDate", *month_of(moment))
        return {"items": rows, "total": len(rows)}

    return handle


def highest_invoice(store: Store, caller: Caller, params: Mapping[str, str], query: Mapping[str, Any],
                    body: Any) -> Any:
    numbers = [int(row.get("invoiceNumber") or 0) for row in store.rows("invoices", caller)]
    return {"max": max(numbers, default=0)}


def invoice_update(fields: Callable[[Mapping[str, Any]], dict[str, Any]]) -> Handler:
    def handle(store: Store, caller: Caller, params: Mapping[str, str], query: Mapping[str, Any], body: Any) -> Any:
        return store.update("invoices", caller, params["id"], fields(dict(body or {})))

    return handle


def action_fields(body: Mapping[str, Any]) -> dict[str, Any]:
    """UpdateInvoiceActionDTO with whitelist: other fields are stripped."""
    return {key: body[key] for key in ACTION_FIELDS if key in body}


def estimate_fields(body: Mapping[str, Any]) -> dict[str, Any]:
    if not isinstance(body.get("isAccepted"), bool):
        raise GauzyValidationError(["isAccepted must be a boolean value", "isAccepted should not be empty"])
    return {"isAccepted": body["isAccepted"]}


def _invoice_or_bad_request(store: Store, caller: Caller, invoice_id: Any) -> dict[str, Any]:
    try:
        return store.get("invoices", caller, str(invoice_id))
    except (NotFoundError, GauzyValidationError):
        raise GauzyValidationError(["Invalid invoice"]) from None  # InvoiceErrors.INVALID_INVOICE


def email_invoice(store: Store, caller: Caller, params: Mapping[str, str], query: Mapping[str, Any],
                  body: Any) -> Any:
    details = dict((body or {}).get("params") or {})
    invoice = _invoice_or_bad_request(store, caller, details.get("invoiceId"))
    store.insert("estimate-email", caller, {"invoiceId": invoice["id"], "email": params["email"],
                                            "organizationId": invoice["organizationId"],
                                            "token": secrets.token_urlsafe(16)})
    return None  # the handler sends in the background and answers with nothing


def generate_link(store: Store, caller: Caller, params: Mapping[str, str], query: Mapping[str, Any],
                  body: Any) -> Any:
    invoice = _invoice_or_bad_request(store, caller, params["uuid"])
    return store.update("invoices", caller, invoice["id"], {"token": secrets.token_urlsafe(32)})


def bulk_items(store: Store, caller: Caller, params: Mapping[str, str], query: Mapping[str, Any], body: Any) -> Any:
    """POST /invoice-item/bulk/:invoiceId: the invoice's lines become the given list. The body
    is a bare JSON array (BulkBodyLoadTransformPipe wraps it as `{list: <body>}`)."""
    store.get("invoices", caller, params["invoiceId"])
    lines = body
    if not isinstance(lines, list):
        raise GauzyValidationError(["list must be an array"])
    for line in lines:
        require(line, "price", "quantity", "totalValue", "invoiceId")
    for old in store.find("invoice-item", caller, {"invoiceId": params["invoiceId"]}):
        store.remove("invoice-item", caller, old["id"])
    return [store.insert("invoice-item", caller, {**line, "invoiceId": params["invoiceId"]}) for line in lines]


def find_all(collection: str) -> Handler:
    """CrudService.findAll: every matching row when no `take` is given (the generic demo
    handler pages by ten), an offset page otherwise."""

    def handle(store: Store, caller: Caller, params: Mapping[str, str], query: Mapping[str, Any], body: Any) -> Any:
        rows = store.find(collection, caller, scoped_where(query, caller))
        if query.get("take") is None:
            return {"items": rows, "total": len(rows)}
        return page(rows, query, skip_is_page=False)

    return handle


SPECIAL: dict[tuple[str, str], Handler] = {
    ("GET", "/api/invoices/pagination"): ranged_page("invoices", "invoiceDate"),
    ("GET", "/api/invoices/highest"): highest_invoice,
    ("PUT", "/api/invoices/:id/action"): invoice_update(action_fields),
    ("PUT", "/api/invoices/:id/estimate"): invoice_update(estimate_fields),
    ("PUT", "/api/invoices/email/:email"): email_invoice,
    ("PUT", "/api/invoices/generate/:uuid"): generate_link,
    ("GET", "/api/invoice-item"): data_list("invoice-item"),
    ("POST", "/api/invoice-item/bulk/:invoiceId"): bulk_items,
    ("GET", "/api/payments/pagination"): ranged_page("payments", "paymentDate", like=("note",)),
    ("GET", "/api/payments"): find_all("payments"),
    ("GET", "/api/expense/pagination"): ranged_page("expense", "valueDate", like=("notes", "purpose")),
    ("GET", "/api/income"): data_list("income"),
    ("GET", "/api/income/me"): data_list("income", mine=True),
}
