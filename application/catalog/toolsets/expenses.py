"""Expenses (`/api/expense`) and their categories (`/api/expense-categories`).

Lists use the paginated route: it is the one that knows value-date ranges and text search;
`GET /api/expense` only takes a single month.
"""

from __future__ import annotations

from pydantic import ConfigDict, Field

from application.catalog.business_fields import Amount, DatePair, PagedList
from application.catalog.enums import Currency
from application.catalog.enums_finance import ExpenseStatus
from application.catalog.fields import IdInput, IsoDate, PageInput, ToolInput, Uuid
from application.catalog.model import ContextValue, ResourceCall, Shape, Tenancy
from application.catalog.rows import RECORD, delete, read, same, write

TOOLSET = "expenses"
BASE = "/api/expense"
DEFAULT_CURRENCY = "USD"


class ExpenseData(ToolInput):
    """Fields of CreateExpenseDTO / UpdateExpenseDTO; other DTO fields are passed through."""

    model_config = ConfigDict(extra="allow")
    amount: Amount | None = None
    currency: Currency | None = Field(None, description=f"New expenses default to {DEFAULT_CURRENCY}.")
    valueDate: IsoDate | None = Field(None, description="When the expense was incurred.")  # noqa: N815
    status: ExpenseStatus | None = None
    categoryId: Uuid | None = Field(None, description="See get_expense_categories.")  # noqa: N815
    employeeId: Uuid | None = Field(None, description="The employee who spent it (only when creating).")  # noqa: N815
    projectId: Uuid | None = None  # noqa: N815
    organizationContactId: Uuid | None = Field(None, description="The client it is billed to.")  # noqa: N815
    vendorId: Uuid | None = None  # noqa: N815
    notes: str | None = None
    purpose: str | None = None
    typeOfExpense: str | None = None  # noqa: N815
    reference: str | None = None
    taxType: str | None = None  # noqa: N815
    taxLabel: str | None = None  # noqa: N815
    rateValue: float | None = None  # noqa: N815
    receipt: str | None = None
    splitExpense: bool | None = Field(None, description="Split among the organization's employees.")  # noqa: N815


class NewExpenseData(ExpenseData):
    amount: Amount


class ExpenseFilters(ToolInput):
    categoryId: Uuid | None = None  # noqa: N815
    status: ExpenseStatus | None = None


class GetExpenses(PagedList, ExpenseFilters, DatePair):
    search: str | None = Field(None, description="Text contained in the expense's notes.")
    employeeId: Uuid | None = None  # noqa: N815
    projectId: Uuid | None = None  # noqa: N815
    currency: Currency | None = None


class CountExpenses(ExpenseFilters, DatePair):
    employeeId: Uuid | None = None  # noqa: N815


class CreateExpense(ToolInput):
    expense_data: NewExpenseData


class UpdateExpense(IdInput):
    expense_data: ExpenseData


class DeleteExpense(IdInput):
    employeeId: Uuid | None = Field(  # noqa: N815
        None, description="The expense's employee, so Gauzy also updates their statistics.")


class Categories(PageInput):
    search: str | None = Field(None, description="Exact category name to find.")


class ExpensesByEmployee(PageInput, ExpenseFilters, DatePair):
    employeeId: Uuid  # noqa: N815


class MyExpenses(PageInput, ExpenseFilters, DatePair):
    employeeId: Uuid | None = Field(None, description="Defaults to your own employee record.")  # noqa: N815


DATES = {"startDate": "valueDate.startDate", "endDate": "valueDate.endDate"}
FILTERS = {**same(*ExpenseFilters.model_fields), **DATES}
PAGE = f"{BASE}/pagination"


def listing(**where: str) -> ResourceCall:
    return ResourceCall("GET", PAGE, Shape.PAGE, Tenancy.WHERE, where={**FILTERS, **where})


TOOLS = (
    read("get_expenses", "List expenses",
         "The organization's expenses, e.g. of a project.",
         TOOLSET, GetExpenses,
         listing(**same("employeeId", "projectId", "currency"), search="notes")),
    read("get_expense_count", "Count expenses",
         "Count the organization's expenses, optionally filtered.",
         TOOLSET, CountExpenses,
         ResourceCall("GET", PAGE, Shape.COUNT, Tenancy.WHERE, where={**FILTERS, **same("employeeId")},
                      defaults={"limit": 1})),
    read("get_expense", "Get an expense",
         "One expense by id: amount, currency, date, status, category, employee, project, notes.",
         TOOLSET, IdInput, ResourceCall("GET", f"{BASE}/{{id}}"), RECORD),
    write("create_expense", "Record an expense",
          "Record an expense; only expense_data.amount is required.",
          TOOLSET, CreateExpense,
          ResourceCall("POST", BASE, tenancy=Tenancy.BODY, body_from="expense_data",
                       body_defaults={"currency": DEFAULT_CURRENCY}),
          output=RECORD),
    write("update_expense", "Update an expense",
          "Change the given fields of an expense.",
          TOOLSET, UpdateExpense,
          ResourceCall("PUT", f"{BASE}/{{id}}", tenancy=Tenancy.BODY, body_from="expense_data",
                       merge_current=("amount", "currency")),
          idempotent=True, output=RECORD),
    delete("delete_expense", "Delete an expense",
           "Delete an expense permanently; pass its employeeId so Gauzy corrects their totals.",
           TOOLSET, DeleteExpense,
           ResourceCall("DELETE", f"{BASE}/{{id}}", tenancy=Tenancy.QUERY, query=same("employeeId"))),
    read("get_expense_categories", "Expense categories",
         "The organization's expense categories, to find a categoryId.",
         TOOLSET, Categories,
         ResourceCall("GET", "/api/expense-categories/pagination", Shape.PAGE, Tenancy.WHERE,
                      where={"search": "name"})),
    read("get_expenses_by_employee", "Expenses of an employee",
         "The expenses of one employee.",
         TOOLSET, ExpensesByEmployee, listing(employeeId="employeeId")),
    read("get_my_expenses", "My expenses",
         "The signed-in user's own expenses.",
         TOOLSET, MyExpenses,
         ResourceCall("GET", PAGE, Shape.PAGE, Tenancy.WHERE, where={**FILTERS, "employeeId": "employeeId"},
                      defaults={"employeeId": ContextValue.EMPLOYEE_ID})),
)
