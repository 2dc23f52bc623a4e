"""Demo records for invoices, payments, expenses and incomes, plus the client they concern,
so the list and get tools of those toolsets have something to show."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from typing import Any

NAMESPACE = uuid.UUID("0d6b8a52-9f0e-4c5e-8a53-2f1c7e4b9d20")
CLIENT_NAME = "Acme Corp"
INVOICE_STATUSES = ("DRAFT", "SENT", "FULLY_PAID", "PARTIALLY_PAID", "SENT")
EXPENSE_STATUSES = ("UNINVOICED", "INVOICED", "PAID", "NOT_BILLABLE")
CATEGORIES = ("Software", "Travel", "Office")
METHODS = ("BANK_TRANSFER", "CREDIT_CARD", "ONLINE", "CASH")


def record_id(*parts: object) -> str:
    return str(uuid.uuid5(NAMESPACE, "/".join(str(p) for p in parts)))


class Records:
    """Builds rows of one tenant and organization, stamped relative to `now`."""

    def __init__(self, data: dict[str, Any], now: datetime) -> None:
        self.tenant_id = data["tenant"]["id"]
        self.organization_id = data["organizations"][0]["id"]
        self.collections: dict[str, list[dict[str, Any]]] = data["collections"]
        self.now = now

    def row(self, kind: str, n: object, days_ago: float = 0, **fields: Any) -> dict[str, Any]:
        stamp = (self.now - timedelta(days=days_ago)).isoformat()
        return {"id": record_id(kind, n), "tenantId": self.tenant_id, "organizationId": self.organization_id,
                "createdAt": stamp, "updatedAt": stamp, "deletedAt": None, "isActive": True, "isArchived": False,
                **fields}

    def add(self, collection: str, rows: list[dict[str, Any]]) -> None:
        """Append, so other toolsets' demo rows in the same collection stay."""
        self.collections.setdefault(collection, []).extend(rows)

    def when(self, days_ago: float) -> str:
        return (self.now - timedelta(days=days_ago)).isoformat()

    def ids(self, collection: str) -> list[str]:
        return [row["id"] for row in self.collections.get(collection, [])]


def seed_finance(data: dict[str, Any], now: datetime) -> None:
    demo = Records(data, now)
    client = demo.row("contact", 0, 120, name=CLIENT_NAME, contactType="CLIENT",
                      primaryEmail="billing@acme.example", currency="USD")
    demo.add("organization-contact", [client])
    _invoices(demo, client["id"])
    _expenses(demo)
    _incomes(demo, client["id"])


def _invoices(demo: Records, client_id: str) -> None:
    projects = demo.ids("organization-projects")
    invoices, items, payments = [], [], []
    for i, status in enumerate(INVOICE_STATUSES):
        issued = 40 - 8 * i
        lines = [(f"Development, week {i + 1}", 80.0, 10.0), ("Hosting", 120.0, 1.0)]
        total = sum(price * quantity for _, price, quantity in lines)
        invoice = demo.row("invoice", i, issued, invoiceNumber=i + 1, invoiceDate=demo.when(issued),
                           dueDate=demo.when(issued - 30), status=status, currency="USD", totalValue=total,
                           paid=status == "FULLY_PAID", isEstimate=i == 4, isAccepted=False, toContactId=client_id,
                           fromOrganizationId=demo.organization_id, invoiceType="DETAILED_ITEMS",
                           alreadyPaid=total if status == "FULLY_PAID" else 0, terms="Net 30", token=None)
        invoices.append(invoice)
        for n, (description, price, quantity) in enumerate(lines):
            items.append(demo.row("invoice-item", f"{i}/{n}", issued, invoiceId=invoice["id"],
                                  description=description, price=price, quantity=quantity,
                                  totalValue=price * quantity, projectId=projects[i % len(projects)]))
        if status in ("FULLY_PAID", "PARTIALLY_PAID"):
            payments.append(demo.row("payment", i, issued - 5, amount=total if invoice["paid"] else total / 2,
                                     currency="USD", paymentDate=demo.when(issued - 5),
                                     paymentMethod=METHODS[i % len(METHODS)], invoiceId=invoice["id"],
                                     organizationContactId=client_id, projectId=projects[i % len(projects)],
                                     overdue=False, note=f"Payment for invoice {i + 1}"))
    payments.append(demo.row("payment", "late", 2, amount=300.0, currency="EUR", paymentDate=demo.when(2),
                             paymentMethod="ONLINE", organizationContactId=client_id, overdue=True,
                             note="Late retainer payment"))
    demo.add("invoices", invoices)
    demo.add("invoice-item", items)
    demo.add("payments", payments)


def _expenses(demo: Records) -> None:
    employees, projects = demo.ids("employee"), demo.ids("organization-projects")
    categories = [demo.row("expense-category", n, 100, name=name) for n, name in enumerate(CATEGORIES)]
    expenses = [
        demo.row("expense", i, 30 - 5 * i, amount=25.0 * (i + 1), currency="USD", valueDate=demo.when(30 - 5 * i),
                 status=EXPENSE_STATUSES[i % len(EXPENSE_STATUSES)], categoryId=categories[i % 3]["id"],
                 employeeId=employees[i % 3], projectId=projects[i % len(projects)],
                 notes=f"{CATEGORIES[i % 3]} expense {i + 1}", purpose="Demo", typeOfExpense="Billable to Contact",
                 splitExpense=False)
        for i in range(6)
    ]
    demo.add("expense-categories", categories)
    demo.add("expense", expenses)


def _incomes(demo: Records, client_id: str) -> None:
    employees = demo.ids("employee")
    incomes = [
        demo.row("income", i, 25 - 6 * i, amount=1000.0 + 250 * i, currency="USD", valueDate=demo.when(25 - 6 * i),
                 clientId=client_id, employeeId=employees[i % 2], isBonus=i == 3, notes=f"Milestone {i + 1}",
                 reference=f"INC-{i + 1:03d}")
        for i in range(4)
    ]
    demo.add("income", incomes)
