"""The real API's enums for invoices, payments, expenses, candidates, awards and reports
(gauzy-contracts `enums`), with the reference server's spellings accepted as aliases."""

from __future__ import annotations

from application.catalog.fields import api_enum

# IsEnum(Object.assign({}, InvoiceStatusTypesEnum, EstimateStatusTypesEnum)): one status field for both.
INVOICE_STATUSES = ("DRAFT", "SENT", "VIEWED", "FULLY_PAID", "PARTIALLY_PAID", "OVERPAID", "VOID",
                    "ACCEPTED", "REJECTED")
InvoiceStatus = api_enum(INVOICE_STATUSES, {"PAID": "FULLY_PAID", "CANCELLED": "VOID", "CANCELED": "VOID"},
                         what="invoice status")
InvoiceType = api_enum(
    ("BY_EMPLOYEE_HOURS", "BY_PROJECT_HOURS", "BY_TASK_HOURS", "BY_PRODUCTS", "BY_EXPENSES", "DETAILED_ITEMS"),
    {"DETAILS_INVOICE_ITEMS": "DETAILED_ITEMS"},
    what="invoice type",
)
DiscountTaxType = api_enum(("PERCENT", "FLAT"), {"FLAT_VALUE": "FLAT"}, what="discount or tax type")
PaymentMethod = api_enum(
    ("BANK_TRANSFER", "CASH", "CHEQUE", "CREDIT_CARD", "DEBIT", "ONLINE"),
    {"CHECK": "CHEQUE", "DEBIT_CARD": "DEBIT", "PAYPAL": "ONLINE", "STRIPE": "ONLINE"},
    what="payment method",
)
ExpenseStatus = api_enum(("INVOICED", "UNINVOICED", "PAID", "NOT_BILLABLE"), what="expense status")
CandidateStatus = api_enum(("APPLIED", "REJECTED", "HIRED"), what="candidate status")
PayPeriod = api_enum(("NONE", "BI_WEEKLY", "WEEKLY", "TWICE_PER_MONTH", "MONTHLY"), what="pay period")
# ReportGroupFilterEnum values the payment report actually answers (employee yields an empty list).
PaymentReportGroup = api_enum(("date", "client", "project"), {"contact": "client"}, what="grouping")
AwardSortField = api_enum(("name", "year", "createdAt", "updatedAt"), what="sort field")
AwardGrouping = api_enum(("employee", "year", "month"), what="grouping")
