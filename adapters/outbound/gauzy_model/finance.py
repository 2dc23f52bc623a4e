"""Invoice, payment and expense routes whose services do more than the generic CRUD list.

Facts (ever-gauzy ``packages/core/src/lib``):

* ``invoice/invoice.controller.ts`` ``GET /invoices/highest`` -> ``InvoiceService.getHighestInvoiceNumber``:
  ``SELECT COALESCE(MAX(invoiceNumber), 0) AS max`` over the whole table (no tenant condition), answered
  with ``getRawOne()`` as ``{max}``. The column is ``numeric``, which PostgreSQL's driver hands back as text
  (``{"max": "3"}``).
* ``PUT /invoices/:id/action`` (UpdateInvoiceActionDTO) and ``PUT /invoices/:id/estimate``
  (UpdateEstimateInvoiceDTO ``{isAccepted}``), both validated with ``whitelist``, run ``InvoiceUpdateCommand({id,
  ...body})``: ``InvoiceService.create`` - a TypeORM ``save`` of those fields alone (an id of no row inserts
  one) - answered with the saved object (202).
* ``PUT /invoices/generate/:uuid`` -> ``InvoiceService.generateLink``: the tenant's invoice (else the
  NotFoundException wrapped in a BadRequestException: 400), then ``save({id, token})`` where the token is
  ``jsonwebtoken.sign({id, organizationId, tenantId}, JWT_SECRET)``; answers ``{id, token}`` (202).
* ``invoice-item/invoice-item.controller.ts`` ``POST /invoice-item/bulk/:invoiceId`` (body wrapped as ``{list}``
  by BulkBodyLoadTransformPipe and validated as CreateInvoiceItemDTO rows) -> ``InvoiceItemService.createBulk``:
  deletes the tenant's items of the path's invoice, then ``saveMany(list)``: each line as sent (its own
  ``invoiceId``), answered as the saved array (201).
* ``InvoiceService.pagination``: ``where[invoiceDate]`` / ``where[dueDate]`` ``{startDate, endDate}`` become
  ``Between(start, end)`` (``YYYY-MM-DD HH:mm:ss`` UTC); with either end missing, the current month.
* ``payment/payment.service.ts`` ``pagination``: a truthy ``where[note]`` becomes ``note LIKE %note%``
  (``LIKE_OPERATOR``: ILIKE on PostgreSQL, LIKE - ASCII case-insensitive - on SQLite);
  ``where[paymentDate]`` becomes Between, a missing end falling back to the start / end of this month.
* ``expense/expense.service.ts`` ``pagination``: ``where[notes]`` / ``where[purpose]`` (when present) become
  ``ILike(%text%)``; ``where[valueDate]`` becomes Between, the current month unless both ends are given.

Then ``CrudService.paginate`` (page semantics: ``take`` default 10, ``skip`` a 1-based page).
"""

from __future__ import annotations

import secrets
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

import jwt

from . import errors
from .call import Call, Reply, present
from .handlers import find_options
from .store import apply_order, paginate, parse_iso, select, to_int
from .validators import js_truthy

if TYPE_CHECKING:
    from .api import Api

Handler = Callable[[Call, "Api"], Reply]
LINK_SECRET = secrets.token_hex(32)  # Gauzy's JWT_SECRET


def highest_invoice_number(call: Call, api: Api) -> Reply:
    """GET /api/invoices/highest: ``{max}`` over every invoice (the raw query has no tenant condition)."""
    numbers = [to_int(row.get("invoiceNumber")) for row in call.store.rows(call.route.collection)]
    return Reply(call.route.success_status, {"max": str(max((n for n in numbers if n is not None), default=0))})


def save_invoice_fields(call: Call, api: Api) -> Reply:
    """PUT /api/invoices/:id/action and /:id/estimate: ``save({id, ...body})``."""
    table, invoice_id = call.route.collection, str(call.params.get("id"))
    fields = {k: v for k, v in call.body_dict().items() if k not in ("id", "tenantId", "tenant", "createdAt")}
    if call.store.get(table, invoice_id, call.tenant_id) is None:
        call.store.insert(table, {**fields, "id": invoice_id, "tenantId": call.tenant_id})
    saved = call.store.update(table, invoice_id, fields) or {}
    answer = {"id": invoice_id, **fields, "tenantId": call.tenant_id, "updatedAt": saved.get("updatedAt")}
    return Reply(call.route.success_status, answer)


def generate_invoice_link(call: Call, api: Api) -> Reply:
    """PUT /api/invoices/generate/:uuid: a signed token that opens the invoice without signing in."""
    table = call.route.collection
    invoice = call.store.get(table, call.params.get("uuid"), call.tenant_id)
    if invoice is None:
        raise errors.plain(400, "The requested record was not found")  # NotFound wrapped in BadRequestException
    claims = {"id": invoice["id"], "organizationId": invoice.get("organizationId"),
              "tenantId": invoice.get("tenantId"), "iat": int(time.time())}
    token = jwt.encode(claims, LINK_SECRET, algorithm="HS256")
    saved = call.store.update(table, str(invoice["id"]), {"token": token}) or {}
    return Reply(call.route.success_status, {"id": invoice["id"], "token": token, "updatedAt": saved.get("updatedAt")})


def bulk_invoice_items(call: Call, api: Api) -> Reply:
    """POST /api/invoice-item/bulk/:invoiceId: the invoice's lines become the given list."""
    table = call.route.collection
    for row in select(call.store.rows(table), call.tenant_id, {"invoiceId": call.params.get("invoiceId")}):
        call.store.delete(table, str(row["id"]))
    lines = call.body if isinstance(call.body, list) else []
    saved = [call.store.insert(table, {**line, "tenantId": call.tenant_id}) for line in lines if isinstance(line, dict)]
    return Reply(call.route.success_status, [present(call.store, row) for row in saved])


def _month(now: datetime) -> tuple[datetime, datetime]:
    start = now.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    following = (start + timedelta(days=32)).replace(day=1)
    return start, following - timedelta(seconds=1)


def _seconds(moment: datetime) -> datetime:
    """``moment.utc(...).format('YYYY-MM-DD HH:mm:ss')``: whole seconds."""
    return moment.astimezone(UTC).replace(microsecond=0)


def _span(value: Any, *, each_end_falls_back: bool) -> tuple[datetime, datetime]:
    """The Between bounds of ``{startDate, endDate}``. Payments replace a missing end alone by
    the month's; invoices and expenses use the whole current month unless both ends are given."""
    range_ = value if isinstance(value, dict) else {}
    start, end = parse_iso(range_.get("startDate")), parse_iso(range_.get("endDate"))
    month_start, month_end = _month(datetime.now(UTC))
    if each_end_falls_back:
        return _seconds(start or month_start), _seconds(end or month_end)
    if start is None or end is None:
        return month_start, month_end
    return _seconds(start), _seconds(end)


def _within(row: dict[str, Any], column: str, bounds: tuple[datetime, datetime]) -> bool:
    moment = parse_iso(row.get(column))
    return moment is not None and bounds[0] <= _seconds(moment) <= bounds[1]


def _contains(row: dict[str, Any], column: str, text: Any) -> bool:
    return str(text).lower() in str(row.get(column) or "").lower()


def ranged_page(dates: tuple[str, ...], likes: tuple[str, ...], *, truthy_like: bool,
                each_end_falls_back: bool) -> Handler:
    """A ``pagination`` whose service turns ``dates`` into Between and ``likes`` into LIKE filters."""

    def handle(call: Call, api: Api) -> Reply:
        options = find_options(call)
        where = dict(options["where"])
        spans = {column: _span(where.pop(column), each_end_falls_back=each_end_falls_back)
                 for column in dates if column in where}
        texts = {column: where.pop(column) for column in likes if column in where}
        texts = {column: text for column, text in texts.items() if js_truthy(text) or not truthy_like}
        rows = select(call.store.rows(call.route.collection), call.tenant_id, where, options["withDeleted"])
        rows = [row for row in rows if all(_within(row, column, span) for column, span in spans.items())
                and all(_contains(row, column, text) for column, text in texts.items())]
        rows = apply_order(rows, options["order"])
        items, total = paginate(rows, options["take"], options["skip"], page=True)
        body = {"items": [present(call.store, row, options["relations"]) for row in items], "total": total}
        return Reply(call.route.success_status, body)

    return handle


FINANCE: dict[str, Handler] = {
    "GET /api/invoices/highest": highest_invoice_number,
    "PUT /api/invoices/:id/action": save_invoice_fields,
    "PUT /api/invoices/:id/estimate": save_invoice_fields,
    "PUT /api/invoices/generate/:uuid": generate_invoice_link,
    "POST /api/invoice-item/bulk/:invoiceId": bulk_invoice_items,
    "GET /api/invoices/pagination": ranged_page(("invoiceDate", "dueDate"), (), truthy_like=True,
                                                each_end_falls_back=False),
    "GET /api/payments/pagination": ranged_page(("paymentDate",), ("note",), truthy_like=True,
                                                each_end_falls_back=True),
    "GET /api/expense/pagination": ranged_page(("valueDate",), ("notes", "purpose"), truthy_like=False,
                                               each_end_falls_back=False),
}
