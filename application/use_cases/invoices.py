"""Invoices: create one with the defaults Gauzy does not fill in (next number, dates) and its
lines; email one with the facts Gauzy's email route expects in `params`."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from pydantic import BaseModel

from application.catalog.toolsets import invoices as rows
from application.catalog.toolsets.invoices import ADD_ITEMS, CREATE, DAYS_TO_PAY, EMAIL, GET, HIGHEST
from application.invocation import Invocation
from application.use_cases.catalog_rows import RowRunner, arguments_as
from domain.ports import Clock


def next_number(highest: Any) -> int:
    """GET /invoices/highest answers `{max}`; the database may hand the number back as text."""
    raw = highest.get("max") if isinstance(highest, dict) else None
    try:
        return int(float(raw or 0)) + 1
    except (TypeError, ValueError):
        return 1


def _due(invoice_date: str) -> str:
    start = datetime.fromisoformat(invoice_date.replace("Z", "+00:00"))
    return (start + timedelta(days=DAYS_TO_PAY)).isoformat().replace("+00:00", "Z")


def item_lines(items: list[dict[str, Any]], invoice: dict[str, Any]) -> list[dict[str, Any]]:
    """CreateInvoiceItemDTO rows: each line names its invoice and organization; its total
    defaults to price x quantity."""
    scope = {key: invoice.get(key) for key in ("invoiceId", "organizationId", "tenantId")}
    return [{"totalValue": item["price"] * item.get("quantity", 1), **item, **scope} for item in items]


class HighestInvoiceNumber:
    """GET /invoices/highest answers the raw `{max}` row, which PostgreSQL gives as text for the
    numeric column: the tool answers a number."""

    def __init__(self, runner: RowRunner) -> None:
        self._runner = runner

    async def __call__(self, arguments: BaseModel, invocation: Invocation) -> Any:
        return {"max": next_number(await self._runner.run(HIGHEST, {}, invocation)) - 1}


class CreateInvoice:
    def __init__(self, runner: RowRunner, clock: Clock) -> None:
        self._runner = runner
        self._clock = clock

    async def __call__(self, arguments: BaseModel, invocation: Invocation) -> Any:
        data = arguments_as(rows.CreateInvoice, arguments).invoice_data.model_dump(exclude_none=True)
        items = data.pop("invoiceItems", [])
        if data.get("invoiceNumber") is None:
            data["invoiceNumber"] = next_number(await self._runner.run(HIGHEST, {}, invocation))
        data.setdefault("invoiceDate", self._clock.now().isoformat().replace("+00:00", "Z"))
        data.setdefault("dueDate", _due(data["invoiceDate"]))
        if items and data.get("totalValue") is None:
            data["totalValue"] = sum(line["totalValue"] for line in item_lines(items, {}))
        invoice = await self._runner.run(CREATE, {"invoice_data": data}, invocation)
        if items and isinstance(invoice, dict):
            lines = item_lines(items, {**invoice, "invoiceId": invoice["id"]})
            await self._runner.run(ADD_ITEMS, {"invoiceId": invoice["id"], "items": lines}, invocation)
            invoice = await self._runner.run(GET, {"id": invoice["id"], "relations": ["invoiceItems"]}, invocation)
        return invoice


class SendInvoiceEmail:
    """PUT /invoices/email/:email reads params.invoiceId, invoiceNumber, isEstimate and
    organizationId; the missing ones come from the invoice itself."""

    def __init__(self, runner: RowRunner) -> None:
        self._runner = runner

    async def __call__(self, arguments: BaseModel, invocation: Invocation) -> Any:
        request = arguments_as(rows.SendInvoiceEmail, arguments)
        email, params = request.email, request.params.model_dump(exclude_none=True)
        invoice = await self._runner.run(GET, {"id": params["invoiceId"]}, invocation)
        credential = await self._runner.credential(invocation)
        params.setdefault("invoiceNumber", invoice.get("invoiceNumber"))
        params.setdefault("isEstimate", bool(invoice.get("isEstimate")))
        params |= {"organizationId": invoice.get("organizationId") or credential.organization_id,
                   "tenantId": credential.tenant_id}
        await self._runner.run(EMAIL, {"email": email, "params": params}, invocation)
        return {"sent": True, "email": email, "invoiceId": params["invoiceId"],
                "invoiceNumber": params["invoiceNumber"], "isEstimate": params["isEstimate"]}
