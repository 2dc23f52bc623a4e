"""Income (`/api/income`). `filterDate` is a date: Gauzy returns the incomes of its month."""

from __future__ import annotations

from typing import Any

from pydantic import ConfigDict, Field

from application.catalog.business_fields import Amount
from application.catalog.enums import Currency
from application.catalog.fields import IdInput, IsoDate, PageInput, RelationsInput, ToolInput, Uuid
from application.catalog.model import ResourceCall, Shape, Tenancy
from application.catalog.rows import RECORD, delete, read, same, write
from domain.gauzy import QueryStyle

TOOLSET = "incomes"
BASE = "/api/income"
DEFAULT_CURRENCY = "USD"
# UpdateIncomeDTO requires these even to change one field, so a PUT copies them from the record.
REQUIRED_ON_UPDATE = ("clientId", "amount", "currency")


class IncomeData(ToolInput):
    """Fields of CreateIncomeDTO / UpdateIncomeDTO; other DTO fields are passed through."""

    model_config = ConfigDict(extra="allow")
    clientId: Uuid | None = Field(  # noqa: N815
        None, description="The client (organization contact) it came from; see get_organization_contacts.")
    amount: Amount | None = None
    currency: Currency | None = Field(None, description=f"New incomes default to {DEFAULT_CURRENCY}.")
    valueDate: IsoDate | None = Field(None, description="When the money came in.")  # noqa: N815
    employeeId: Uuid | None = Field(None, description="The employee it is credited to (only when creating).")  # noqa: N815
    isBonus: bool | None = None  # noqa: N815
    notes: str | None = None
    reference: str | None = None


class NewIncomeData(IncomeData):
    clientId: Uuid = Field(  # noqa: N815
        description="The client (organization contact) it came from; see get_organization_contacts.")
    amount: Amount


class MonthList(RelationsInput):
    findInput: dict[str, Any] | None = Field(  # noqa: N815
        None, description="Equality filters, e.g. {'employeeId': '...', 'currency': 'EUR', 'isBonus': true}.")
    filterDate: IsoDate | None = Field(  # noqa: N815
        None, description="Any date of the month to list; without it, all months.")


class CountIncomes(ToolInput):
    employeeId: Uuid | None = None  # noqa: N815
    currency: Currency | None = None
    amount: float | None = Field(None, description="Exact amount to match.")
    valueDate: IsoDate | None = Field(None, description="Exact value date to match.")  # noqa: N815


class IncomePage(PageInput, RelationsInput):
    where: dict[str, Any] | None = Field(None, description="Equality filters, e.g. {'clientId': '...'}.")


class CreateIncome(ToolInput):
    income_data: NewIncomeData


class UpdateIncome(IdInput):
    income_data: IncomeData


class DeleteIncome(IdInput):
    employeeId: Uuid | None = Field(  # noqa: N815
        None, description="The income's employee, so Gauzy also updates their statistics.")


def month_list(path: str) -> ResourceCall:
    return ResourceCall("GET", path, Shape.PAGE, Tenancy.DATA, query=same("findInput", "filterDate"),
                        query_style=QueryStyle.DATA_JSON, paging=None)


TOOLS = (
    read("get_my_incomes", "My incomes",
         "The incomes credited to the signed-in employee, optionally of one month.",
         TOOLSET, MonthList, month_list(f"{BASE}/me")),
    read("get_income_count", "Count incomes",
         "Count the organization's incomes, optionally filtered.",
         TOOLSET, CountIncomes,
         ResourceCall("GET", f"{BASE}/count", Shape.COUNT, Tenancy.QUERY,
                      query=same("employeeId", "currency", "amount", "valueDate"))),
    read("get_incomes_pagination", "Page through incomes",
         "Page through the organization's incomes with equality filters.",
         TOOLSET, IncomePage,
         ResourceCall("GET", f"{BASE}/pagination", Shape.PAGE, Tenancy.WHERE, where={"where": "*"})),
    read("get_incomes", "List incomes",
         "The organization's incomes, optionally of one month (filterDate).",
         TOOLSET, MonthList, month_list(BASE)),
    read("get_income", "Get an income",
         "One income by id: amount, currency, value date, client, employee and notes.",
         TOOLSET, IdInput, ResourceCall("GET", f"{BASE}/{{id}}"), RECORD),
    write("create_income", "Record an income",
          "Record money earned from a client; income_data.clientId and amount are required.",
          TOOLSET, CreateIncome,
          ResourceCall("POST", BASE, tenancy=Tenancy.BODY, body_from="income_data",
                       body_defaults={"currency": DEFAULT_CURRENCY}),
          output=RECORD),
    write("update_income", "Update an income",
          "Change the given fields of an income.",
          TOOLSET, UpdateIncome,
          ResourceCall("PUT", f"{BASE}/{{id}}", tenancy=Tenancy.BODY, body_from="income_data",
                       merge_current=REQUIRED_ON_UPDATE),
          idempotent=True, output=RECORD),
    delete("delete_income", "Delete an income",
           "Delete an income permanently; pass its employeeId so Gauzy corrects their totals.",
           TOOLSET, DeleteIncome,
           ResourceCall("DELETE", f"{BASE}/{{id}}", tenancy=Tenancy.QUERY, query=same("employeeId"))),
)
