"""Invoices, payments, expenses and incomes: each write tool's effect shows through the
matching read tool, over MCP on the demo Gauzy and on the Gauzy API double."""

from __future__ import annotations

import pytest
from mcp import Client

from tests.e2e.conftest import BackendClient
from tests.e2e.tool_calls import ok, refused

pytestmark = [pytest.mark.e2e, pytest.mark.anyio]





async def new_invoice(client: Client) -> str:
    """An invoice of the test's own, so that no test depends on seed data or on another test."""
    invoice = await ok(client, "create_invoice", {"invoice_data": {"invoiceItems": [{"price": 250}]}})
    return str(invoice["id"])


async def new_contact(client: Client, name: str) -> str:
    return str((await ok(client, "create_organization_contact", {"contact_data": {"name": name}}))["id"])


async def test_invoice_lifecycle_shows_in_get_invoice(backend_client: BackendClient) -> None:
    async with backend_client() as client:
        highest = (await ok(client, "get_highest_invoice_number", {}))
        created = await ok(client, "create_invoice", {"invoice_data": {"invoiceItems": [
            {"description": "Consulting", "price": 100, "quantity": 3}]}})
        invoice_id = created["id"]
        assert created["invoiceNumber"] == highest["max"] + 1
        assert (created["status"], created["currency"], created["totalValue"]) == ("DRAFT", "USD", 300)
        lines = await ok(client, "get_invoice_items", {"invoiceId": invoice_id})
        assert [(line["description"], line["totalValue"]) for line in lines["items"]] == [("Consulting", 300)]

        await ok(client, "update_invoice", {"id": invoice_id, "invoice_data": {"terms": "Net 15"}})
        await ok(client, "update_invoice_action", {"id": invoice_id, "status": "SENT"})
        await ok(client, "update_estimate_status", {"id": invoice_id, "data": {"isAccepted": True}})
        await ok(client, "generate_invoice_link", {"id": invoice_id})
        shown = await ok(client, "get_invoice", {"id": invoice_id})
        assert (shown["terms"], shown["status"], shown["isAccepted"]) == ("Net 15", "SENT", True)
        assert shown["token"] and shown["invoiceNumber"] == created["invoiceNumber"]

        await ok(client, "delete_invoice", {"id": invoice_id})
        assert "not found" in (await refused(client, "get_invoice", {"id": invoice_id})).lower()


async def test_invoice_email_names_the_invoice_and_refuses_an_unknown_one(backend_client: BackendClient) -> None:
    async with backend_client() as client:
        invoice_id = await new_invoice(client)
        sent = await ok(client, "send_invoice_email", {"email": "a@example.com", "params": {"invoiceId": invoice_id}})
        assert sent["sent"] and sent["invoiceId"] == invoice_id and sent["invoiceNumber"] is not None
        unknown = "0b6f5c1e-3a2d-4c8b-9e7f-1a2b3c4d5e6f"
        assert await refused(client, "send_invoice_email", {"email": "a@example.com",
                                                            "params": {"invoiceId": unknown}})


async def test_payment_lifecycle_shows_in_get_payment_and_lists(backend_client: BackendClient) -> None:
    async with backend_client() as client:
        invoice_id = await new_invoice(client)
        created = await ok(client, "create_payment", {"payment_data": {"amount": 75, "invoiceId": invoice_id,
                                                                       "note": "Deposit for the audit"}})
        assert (created["currency"], created["paymentMethod"]) == ("USD", "BANK_TRANSFER")
        found = await ok(client, "search_payments", {"query": "deposit for"})
        assert created["id"] in [p["id"] for p in found["items"]]
        by_invoice = await ok(client, "get_payments_by_invoice", {"invoiceId": invoice_id})
        assert created["id"] in [p["id"] for p in by_invoice["items"]]

        await ok(client, "update_payment", {"id": created["id"], "payment_data": {"paymentMethod": "cash"}})
        shown = await ok(client, "get_payment", {"id": created["id"]})
        assert (shown["paymentMethod"], shown["amount"]) == ("CASH", 75)

        await ok(client, "delete_payment", {"id": created["id"]})
        assert await refused(client, "get_payment", {"id": created["id"]})


async def test_expense_lifecycle_shows_in_get_expense_and_my_expenses(backend_client: BackendClient) -> None:
    async with backend_client() as client:
        created = await ok(client, "create_expense", {"expense_data": {"amount": 12.5, "notes": "Parking"}})
        assert created["currency"] == "USD"
        await ok(client, "update_expense", {"id": created["id"], "expense_data": {"status": "PAID"}})
        shown = await ok(client, "get_expense", {"id": created["id"]})
        assert (shown["status"], shown["amount"], shown["notes"]) == ("PAID", 12.5, "Parking")
        listed = await ok(client, "get_expenses", {"search": "parking"})
        assert [e["id"] for e in listed["items"]] == [created["id"]]

        await ok(client, "delete_expense", {"id": created["id"]})
        assert await refused(client, "get_expense", {"id": created["id"]})


async def test_income_lifecycle_shows_in_get_income(backend_client: BackendClient) -> None:
    async with backend_client() as client:
        client_id = await new_contact(client, "Income client")
        created = await ok(client, "create_income", {"income_data": {"clientId": client_id, "amount": 900}})
        await ok(client, "update_income", {"id": created["id"], "income_data": {"notes": "Phase 2"}})
        shown = await ok(client, "get_income", {"id": created["id"]})
        assert (shown["notes"], shown["amount"], shown["clientId"]) == ("Phase 2", 900, client_id)

        await ok(client, "delete_income", {"id": created["id"]})
        assert await refused(client, "get_income", {"id": created["id"]})


async def test_a_lone_range_end_is_refused_with_a_clear_message(backend_client: BackendClient) -> None:
    async with backend_client() as client:
        message = await refused(client, "get_invoices", {"startDate": "2026-01-01"})
        assert "both startDate and endDate" in message
