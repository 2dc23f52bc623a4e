"""Payments received (`/api/payments`).

Gauzy's payments have no status: a payment is the record of money received. So the
reference's status filters are gone, and its status/process/refund tools are left out
(see REMOVED below). Statistics are a use case over the payment list: the
report route ignores clients and currencies, and sums different currencies together.
"""

from __future__ import annotations

from pydantic import ConfigDict, Field

from application.catalog.business_fields import Amount, DatePair, PagedList
from application.catalog.enums import Currency
from application.catalog.enums_finance import PaymentMethod, PaymentReportGroup
from application.catalog.fields import IdInput, IsoDate, PageInput, ToolInput, Uuid
from application.catalog.model import ResourceCall, Shape, Tenancy, UseCaseCall
from application.catalog.rows import RECORD, delete, read, same, write

TOOLSET = "payments"
BASE = "/api/payments"
DEFAULT_CURRENCY = "USD"
DEFAULT_METHOD = "BANK_TRANSFER"


class PaymentData(ToolInput):
    """Fields of CreatePaymentDTO / UpdatePaymentDTO; other DTO fields are passed through."""

    model_config = ConfigDict(extra="allow")
    amount: Amount | None = None
    currency: Currency | None = Field(None, description=f"New payments default to {DEFAULT_CURRENCY}.")
    paymentMethod: PaymentMethod | None = Field(  # noqa: N815
        None, description=f"New payments default to {DEFAULT_METHOD}.")
    paymentDate: IsoDate | None = None  # noqa: N815
    note: str | None = None
    invoiceId: Uuid | None = None  # noqa: N815
    organizationContactId: Uuid | None = None  # noqa: N815
    projectId: Uuid | None = None  # noqa: N815
    employeeId: Uuid | None = Field(None, description="Only when creating; Gauzy ignores it on update.")  # noqa: N815
    overdue: bool | None = None


class NewPaymentData(PaymentData):
    amount: Amount


class PaymentFilters(ToolInput):
    paymentMethod: PaymentMethod | None = None  # noqa: N815
    currency: Currency | None = None
    overdue: bool | None = None
    projectId: Uuid | None = None  # noqa: N815


class GetPayments(PagedList, PaymentFilters, DatePair):
    search: str | None = Field(None, description="Text contained in the payment's note.")
    invoiceId: Uuid | None = None  # noqa: N815
    organizationContactId: Uuid | None = None  # noqa: N815
    employeeId: Uuid | None = None  # noqa: N815


class CountPayments(PaymentFilters, DatePair):
    pass


class GetPayment(IdInput):
    pass


class CreatePayment(ToolInput):
    payment_data: NewPaymentData


class UpdatePayment(IdInput):
    payment_data: PaymentData


class PaymentsByInvoice(PagedList):
    invoiceId: Uuid  # noqa: N815


class PaymentsByClient(PagedList):
    organizationContactId: Uuid  # noqa: N815
    currency: Currency | None = None


class PaymentStatistics(DatePair):
    organizationContactId: Uuid | None = None  # noqa: N815
    projectId: Uuid | None = None  # noqa: N815
    currency: Currency | None = None
    groupBy: PaymentReportGroup = Field("date", description="Group totals by date, client or project.")  # noqa: N815


class OverduePayments(PagedList):
    currency: Currency | None = None
    overdue: bool = Field(True, description="True (default): overdue payments; false: the ones on time.")


class SearchPayments(PageInput):
    query: str = Field(min_length=1, description="Text contained in the payment's note.")
    paymentMethod: PaymentMethod | None = None  # noqa: N815
    currency: Currency | None = None


DATES = {"startDate": "paymentDate.startDate", "endDate": "paymentDate.endDate"}
FILTERS = {**same(*PaymentFilters.model_fields), **DATES}
PAGE = f"{BASE}/pagination"
# Every payment matching the filters (findAll without take), for the statistics.
ALL = ResourceCall("GET", BASE, Shape.PAGE, Tenancy.WHERE, where=same("organizationContactId", "projectId", "currency"),
                   paging=None)
CREATE = ResourceCall("POST", BASE, tenancy=Tenancy.BODY, body_from="payment_data",
                      body_defaults={"currency": DEFAULT_CURRENCY, "paymentMethod": DEFAULT_METHOD})


def listing(**where: str) -> ResourceCall:
    return ResourceCall("GET", PAGE, Shape.PAGE, Tenancy.WHERE, where=where)


TOOLS = (
    read("get_payments", "List payments",
         "The payments the organization received.",
         TOOLSET, GetPayments,
         listing(**FILTERS, **same("invoiceId", "organizationContactId", "employeeId"), search="note")),
    read("get_payment_count", "Count payments",
         "Count the organization's payments, optionally filtered.",
         TOOLSET, CountPayments,
         ResourceCall("GET", PAGE, Shape.COUNT, Tenancy.WHERE, where=FILTERS, defaults={"limit": 1})),
    read("get_payment", "Get a payment",
         "One payment by id: amount, currency, method, date, note, invoice, client and project.",
         TOOLSET, GetPayment, ResourceCall("GET", f"{BASE}/{{id}}"), RECORD),
    write("create_payment", "Record a payment",
          "Record money received; only payment_data.amount is required.",
          TOOLSET, CreatePayment, CREATE, output=RECORD),
    write("update_payment", "Update a payment",
          "Change the given fields of a payment.",
          TOOLSET, UpdatePayment,
          ResourceCall("PUT", f"{BASE}/{{id}}", tenancy=Tenancy.BODY, body_from="payment_data",
                       merge_current=("amount",)),
          idempotent=True, output=RECORD),
    delete("delete_payment", "Delete a payment",
           "Delete a payment record permanently, e.g. one recorded by mistake.",
           TOOLSET, IdInput, ResourceCall("DELETE", f"{BASE}/{{id}}")),
    read("get_payments_by_invoice", "Payments of an invoice",
         "The payments recorded against one invoice.",
         TOOLSET, PaymentsByInvoice, listing(invoiceId="invoiceId")),
    read("get_payments_by_client", "Payments from a client",
         "The payments received from one client, optionally in one currency.",
         TOOLSET, PaymentsByClient, listing(organizationContactId="organizationContactId", currency="currency")),
    read("get_payment_statistics", "Payment totals",
         "Count and sum payments per day, client or project; sums are per currency.",
         TOOLSET, PaymentStatistics, UseCaseCall("get_payment_statistics", (ALL.route,))),
    read("get_overdue_payments", "Overdue payments",
         "Payments flagged as overdue, optionally in one currency.",
         TOOLSET, OverduePayments,
         listing(currency="currency", overdue="overdue")),
    read("search_payments", "Search payments",
         "Payments whose note contains some text.",
         TOOLSET, SearchPayments, listing(query="note", paymentMethod="paymentMethod", currency="currency")),
)

REMOVED = {
    "update_payment_status": "Gauzy payments have no status (a payment is the record of money received) and "
                             "there is no PUT /api/payments/:id/status route.",
    "process_payment": "Gauzy has no payment processing step and no PUT /api/payments/:id/process route; record "
                       "a payment's date with update_payment.",
    "refund_payment": "Gauzy has no refunds and no PUT /api/payments/:id/refund route; correct or delete the "
                      "payment with update_payment or delete_payment.",
}
