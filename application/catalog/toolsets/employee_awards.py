"""Employee awards (`/api/employee-award`): a named award an employee received in a year.

Gauzy has no bulk or statistics routes for awards: the bulk tools run one call per award
with a per-item outcome, and the statistics are a use case over the award list.
"""

from __future__ import annotations

from pydantic import Field, computed_field

from application.catalog.business_fields import DatePair, Year
from application.catalog.enums import OrderDirection
from application.catalog.enums_finance import AwardGrouping, AwardSortField
from application.catalog.fields import IdInput, PageInput, RelationsInput, ToolInput, Uuid
from application.catalog.model import BulkCall, ContextValue, Paging, ResourceCall, Shape, Tenancy, UseCaseCall
from application.catalog.rows import RECORD, delete, read, same, write

TOOLSET = "employee-awards"
BASE = "/api/employee-award"


class AwardData(ToolInput):
    name: str | None = Field(None, min_length=1, description="E.g. 'Employee of the month'.")
    year: Year | None = None


class NewAwardData(AwardData):
    name: str = Field(min_length=1, description="E.g. 'Employee of the month'.")
    year: Year
    employeeId: Uuid | None = Field(None, description="Who received it; defaults to your own employee.")  # noqa: N815


class AwardUpdate(IdInput):
    data: AwardData


class Sorted(PageInput):
    sortBy: AwardSortField | None = None  # noqa: N815
    sortOrder: OrderDirection = Field("DESC", description="ASC or DESC (default).")  # noqa: N815

    # The request builder sorts by `orderBy` / `order` (`order[<field>]=<direction>`).
    @computed_field  # type: ignore[prop-decorator]
    @property
    def orderBy(self) -> str | None:  # noqa: N802
        return None if self.sortBy is None else str(self.sortBy)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def order(self) -> str:
        return str(self.sortOrder)


class GetAwards(Sorted, RelationsInput):
    search: str | None = Field(None, description="Exact award name to find.")
    employeeId: Uuid | None = None  # noqa: N815
    year: Year | None = None


class AwardsByEmployee(Sorted):
    employeeId: Uuid  # noqa: N815
    year: Year | None = None


class AwardsByYear(Sorted, RelationsInput):
    year: Year
    employeeId: Uuid | None = None  # noqa: N815


class CountAwards(ToolInput):
    employeeId: Uuid | None = None  # noqa: N815
    year: Year | None = None
    search: str | None = Field(None, description="Exact award name.")


class AwardStatistics(DatePair):
    employeeId: Uuid | None = None  # noqa: N815
    year: Year | None = None
    groupBy: AwardGrouping = Field("employee", description="Count awards per employee, year or month given.")  # noqa: N815


class CreateAward(ToolInput):
    award_data: NewAwardData


class UpdateAward(IdInput):
    award_data: AwardData


class BulkCreateAwards(ToolInput):
    awards: list[NewAwardData] = Field(min_length=1, max_length=100)


class BulkUpdateAwards(ToolInput):
    awards: list[AwardUpdate] = Field(min_length=1, max_length=100)


class BulkDeleteAwards(ToolInput):
    ids: list[Uuid] = Field(min_length=1, max_length=100)




def listing(**where: str) -> ResourceCall:
    """GET /employee-award (findAll): skip is an offset there."""
    return ResourceCall("GET", BASE, Shape.PAGE, Tenancy.WHERE, where={**same("employeeId", "year"), **where},
                        paging=Paging.OFFSET)


CREATE = ResourceCall("POST", BASE, tenancy=Tenancy.BODY, body_from="award_data",
                      body_defaults={"employeeId": ContextValue.EMPLOYEE_ID})
# UpdateEmployeeAwardDTO requires name and year even to change one of them.
UPDATE = ResourceCall("PUT", f"{BASE}/{{id}}", tenancy=Tenancy.BODY, body_from="data", merge_current=("name", "year"))
DELETE = ResourceCall("DELETE", f"{BASE}/{{id}}")
ALL = ResourceCall("GET", BASE, Shape.PAGE, Tenancy.WHERE, where=same("employeeId", "year"), paging=None)

TOOLS = (
    read("get_employee_awards", "List employee awards",
         "The awards given in the organization.",
         TOOLSET, GetAwards, listing(search="name")),
    read("get_employee_award", "Get an award",
         "One employee award by id: name, year and the employee who received it.",
         TOOLSET, IdInput, ResourceCall("GET", f"{BASE}/{{id}}"), RECORD),
    write("create_employee_award", "Give an award",
          "Record an award given to an employee.",
          TOOLSET, CreateAward, CREATE, output=RECORD),
    write("update_employee_award", "Update an award",
          "Rename an award or change its year.",
          TOOLSET, UpdateAward,
          ResourceCall("PUT", f"{BASE}/{{id}}", tenancy=Tenancy.BODY, body_from="award_data",
                       merge_current=("name", "year")),
          idempotent=True),
    delete("delete_employee_award", "Delete an award",
           "Delete an employee award permanently, e.g. one recorded for the wrong employee.",
           TOOLSET, IdInput, DELETE),
    read("get_employee_awards_by_employee", "Awards of an employee",
         "One employee's awards, optionally of one year.",
         TOOLSET, AwardsByEmployee, listing()),
    read("get_employee_awards_by_year", "Awards of a year",
         "The awards given in one year, optionally to one employee.",
         TOOLSET, AwardsByYear, listing()),
    read("get_employee_awards_count", "Count awards",
         "Count the organization's awards, optionally filtered.",
         TOOLSET, CountAwards,
         ResourceCall("GET", f"{BASE}/count", Shape.COUNT, Tenancy.QUERY, query={**same("employeeId", "year"),
                                                                                 "search": "name"})),
    read("get_employee_awards_statistics", "Award statistics",
         "Count awards per employee, year or month recorded.",
         TOOLSET, AwardStatistics, UseCaseCall("get_employee_awards_statistics", (ALL.route,))),
    write("bulk_create_employee_awards", "Give several awards",
          "Record up to 100 awards one by one, reporting progress.",
          TOOLSET, BulkCreateAwards, BulkCall(CREATE, "awards", item_as="award_data")),
    write("bulk_update_employee_awards", "Update several awards",
          "Update up to 100 awards one by one, reporting progress.",
          TOOLSET, BulkUpdateAwards, BulkCall(UPDATE, "awards"), idempotent=True),
    delete("bulk_delete_employee_awards", "Delete several awards",
           "Delete up to 100 awards by id one by one.",
           TOOLSET, BulkDeleteAwards, BulkCall(DELETE, "ids")),
)
