"""Invoices and estimates (`/api/invoices`, `/api/invoice-item`).

The PDF downloads are left out (see REMOVED below): those routes stream a
PDF, and the Gauzy port carries JSON only.
"""

from __future__ import annotations

from pydantic import ConfigDict, Field

from application.catalog.business_fields import Amount, DatePair, PagedList
from application.catalog.enums import Currency
from application.catalog.enums_finance import DiscountTaxType, InvoiceStatus, InvoiceType
from application.catalog.fields import IdInput, IsoDate, RelationsInput, ToolInput, Uuid
from application.catalog.model import ContextValue, ResourceCall, Shape, Tenancy, UseCaseCall
from application.catalog.rows import RECORD, delete, read, same, write
from domain.gauzy import QueryStyle

TOOLSET = "invoices"
BASE = "/api/invoices"
# UpdateInvoiceDTO requires these even to change one field, so a PUT copies them from the record.
REQUIRED_ON_UPDATE = ("invoiceNumber", "invoiceDate", "dueDate", "status", "currency")
DEFAULT_CURRENCY = "USD"
DEFAULT_STATUS = "DRAFT"
# Columns of the invoice table that are NOT NULL without a default though CreateInvoiceDTO
# leaves them optional: an insert without them fails in the database.
NOT_NULL = {"discountValue": 0, "terms": ""}
DAYS_TO_PAY = 30


class InvoiceItemData(ToolInput):
    """One line of an invoice (CreateInvoiceItemDTO)."""

    description: str | None = None
    price: float = Field(description="Unit price.")
    quantity: float = Field(1, gt=0)
    totalValue: float | None = Field(None, description="Defaults to price x quantity.")  # noqa: N815
    taskId: Uuid | None = None  # noqa: N815
    projectId: Uuid | None = None  # noqa: N815
    employeeId: Uuid | None = None  # noqa: N815
    productId: Uuid | None = None  # noqa: N815
    expenseId: Uuid | None = None  # noqa: N815
    applyTax: bool | None = None  # noqa: N815
    applyDiscount: bool | None = None  # noqa: N815


class InvoiceData(ToolInput):
    """Fields of CreateInvoiceDTO / UpdateInvoiceDTO; other DTO fields are passed through."""

    model_config = ConfigDict(extra="allow")
    invoiceNumber: int | None = Field(None, ge=1, description="New invoices default to the next free number.")  # noqa: N815
    invoiceDate: IsoDate | None = Field(None, description="New invoices default to today.")  # noqa: N815
    dueDate: IsoDate | None = Field(None, description=f"New invoices default to {DAYS_TO_PAY} days after invoiceDate.")  # noqa: N815
    status: InvoiceStatus | None = Field(None, description=f"New invoices default to {DEFAULT_STATUS}.")
    currency: Currency | None = Field(None, description=f"New invoices default to {DEFAULT_CURRENCY}.")
    isEstimate: bool | None = Field(None, description="True for an estimate (quote) instead of an invoice.")  # noqa: N815
    invoiceType: InvoiceType | None = None  # noqa: N815
    toContactId: Uuid | None = Field(None, description="The client (organization contact) billed.")  # noqa: N815
    totalValue: Amount | None = Field(None, description="New invoices default to the sum of their items.")  # noqa: N815
    paid: bool | None = None
    terms: str | None = None
    internalNote: str | None = None  # noqa: N815
    tax: float | None = None
    taxType: DiscountTaxType | None = None  # noqa: N815
    tax2: float | None = None
    tax2Type: DiscountTaxType | None = None  # noqa: N815
    discountValue: float | None = None  # noqa: N815
    discountType: DiscountTaxType | None = None  # noqa: N815
    alreadyPaid: float | None = None  # noqa: N815
    amountDue: float | None = None  # noqa: N815


class NewInvoiceData(InvoiceData):
    fromOrganizationId: Uuid | None = Field(None, description="Sender; defaults to your organization.")  # noqa: N815
    invoiceItems: list[InvoiceItemData] | None = Field(  # noqa: N815
        None, max_length=100, description="Lines of the invoice, added right after it is created.")


class InvoiceFilters(ToolInput):
    status: InvoiceStatus | None = None
    invoiceType: InvoiceType | None = None  # noqa: N815
    paid: bool | None = None
    isEstimate: bool | None = Field(None, description="True: only estimates; false: only invoices.")  # noqa: N815
    toContactId: Uuid | None = None  # noqa: N815


class GetInvoices(PagedList, InvoiceFilters, DatePair):
    search: str | None = Field(None, description="Exact invoice number to find.")


class CountInvoices(InvoiceFilters, DatePair):
    pass


class GetInvoice(IdInput, RelationsInput):
    pass


class CreateInvoice(ToolInput):
    invoice_data: NewInvoiceData


class UpdateInvoice(IdInput):
    invoice_data: InvoiceData


class InvoiceAction(IdInput):
    status: InvoiceStatus | None = None
    isEstimate: bool | None = None  # noqa: N815
    paid: bool | None = None
    alreadyPaid: float | None = None  # noqa: N815
    amountDue: float | None = None  # noqa: N815
    internalNote: str | None = None  # noqa: N815
    isArchived: bool | None = None  # noqa: N815


class EstimateDecision(ToolInput):
    isAccepted: bool = Field(description="True when the client accepted the estimate, false when declined.")  # noqa: N815


class EstimateStatus(IdInput):
    data: EstimateDecision


class InvoiceItems(RelationsInput):
    invoiceId: Uuid  # noqa: N815


class EmailParams(ToolInput):
    invoiceId: Uuid  # noqa: N815
    invoiceNumber: int | None = Field(None, description="Defaults to the invoice's own number.")  # noqa: N815
    isEstimate: bool | None = Field(None, description="Defaults to the invoice's own kind.")  # noqa: N815


class SendInvoiceEmail(ToolInput):
    email: str = Field(pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$", description="Recipient's email address.")
    params: EmailParams


class NoInput(ToolInput):
    pass


DATES = {"startDate": "invoiceDate.startDate", "endDate": "invoiceDate.endDate"}
FILTERS = {**same(*InvoiceFilters.model_fields), **DATES}
LIST = ResourceCall("GET", f"{BASE}/pagination", Shape.PAGE, Tenancy.WHERE,
                    where={**FILTERS, "search": "invoiceNumber"})
# The count route takes only equality filters; the paginated list also knows date ranges,
# so the count is that list's total with a page of one.
COUNT = ResourceCall("GET", f"{BASE}/pagination", Shape.COUNT, Tenancy.WHERE, where=FILTERS, defaults={"limit": 1})
GET = ResourceCall("GET", f"{BASE}/{{id}}", tenancy=Tenancy.DATA, query_style=QueryStyle.DATA_JSON)
CREATE = ResourceCall("POST", BASE, tenancy=Tenancy.BODY, body_from="invoice_data",
                      body_defaults={"status": DEFAULT_STATUS, "currency": DEFAULT_CURRENCY,
                                     "fromOrganizationId": ContextValue.ORGANIZATION_ID, **NOT_NULL})
# BulkBodyLoadTransformPipe wraps the body as {list: <body>}: the lines go as a bare JSON array.
ADD_ITEMS = ResourceCall("POST", "/api/invoice-item/bulk/{invoiceId}", body_from="items")
HIGHEST = ResourceCall("GET", f"{BASE}/highest")
EMAIL = ResourceCall("PUT", f"{BASE}/email/{{email}}", body=same("params"))
ITEMS = ResourceCall("GET", "/api/invoice-item", Shape.PAGE, query={"invoiceId": "findInput.invoiceId"},
                     query_style=QueryStyle.DATA_JSON, paging=None)

TOOLS = (
    read("get_invoices", "List invoices",
         "The organization's invoices and estimates.",
         TOOLSET, GetInvoices, LIST),
    read("get_invoice_count", "Count invoices",
         "Count the organization's invoices, optionally filtered.",
         TOOLSET, CountInvoices, COUNT),
    read("get_invoice", "Get an invoice",
         "One invoice by id; relations e.g. 'invoiceItems', 'toContact', 'payments'.",
         TOOLSET, GetInvoice, GET, RECORD),
    write("create_invoice", "Create an invoice",
          "Create an invoice, or an estimate with isEstimate; no field is required. invoiceItems become its lines.",
          TOOLSET, CreateInvoice,
          UseCaseCall("create_invoice", (HIGHEST.route, CREATE.route, ADD_ITEMS.route)), output=RECORD),
    write("update_invoice", "Update an invoice",
          "Change the given fields of an invoice or estimate.",
          TOOLSET, UpdateInvoice,
          ResourceCall("PUT", f"{BASE}/{{id}}", tenancy=Tenancy.BODY, body_from="invoice_data",
                       merge_current=REQUIRED_ON_UPDATE),
          idempotent=True, output=RECORD),
    write("update_invoice_action", "Change an invoice's status",
          "Move an invoice or estimate along its workflow, set paid amounts or archive it, leaving its other "
          "fields.",
          TOOLSET, InvoiceAction,
          ResourceCall("PUT", f"{BASE}/{{id}}/action",
                       body=same("status", "isEstimate", "paid", "alreadyPaid", "amountDue", "internalNote",
                                 "isArchived")),
          idempotent=True),
    write("update_estimate_status", "Accept or decline an estimate",
          "Record the client's answer to an estimate (accepted or declined).",
          TOOLSET, EstimateStatus,
          ResourceCall("PUT", f"{BASE}/{{id}}/estimate", body_from="data"), idempotent=True),
    delete("delete_invoice", "Delete an invoice",
           "Delete an invoice or estimate permanently, with its lines; to stop it but keep it, set status VOID with "
           "update_invoice_action.",
           TOOLSET, IdInput, ResourceCall("DELETE", f"{BASE}/{{id}}")),
    read("get_invoice_items", "Lines of an invoice",
         "The lines of one invoice; relations e.g. 'product', 'task'.",
         TOOLSET, InvoiceItems, ITEMS),
    write("send_invoice_email", "Email an invoice",
          "Email an invoice or estimate as a PDF. Gauzy sends it in the background, so a delivery failure is not "
          "reported here.",
          TOOLSET, SendInvoiceEmail,
          UseCaseCall("send_invoice_email", (GET.route, EMAIL.route))),
    read("get_highest_invoice_number", "Highest invoice number",
         "The highest invoice number used so far, as {max}; the next takes max + 1.",
         TOOLSET, NoInput, UseCaseCall("get_highest_invoice_number", (HIGHEST.route,))),
    write("generate_invoice_link", "Make a public invoice link",
          "Create (or renew) the token that lets a client open the invoice without signing in.",
          TOOLSET, IdInput, ResourceCall("PUT", f"{BASE}/generate/{{id}}"), idempotent=True, output=RECORD),
)

REMOVED = {
    "download_invoice_pdf": "GET /api/invoices/download/:uuid streams a PDF, and the server's Gauzy port carries "
                            "JSON only. Email the PDF with send_invoice_email, or share generate_invoice_link.",
    "download_invoice_payment_pdf": "GET /api/invoices/payment/download/:uuid streams a PDF, and the server's "
                                    "Gauzy port carries JSON only. List the payments with get_payments_by_invoice.",
}
