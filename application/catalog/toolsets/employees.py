"""Employees (`/api/employee`). The reference's `/employee/me` and `/employee/statistics`
are captured by `/employee/:id` in the real API; they map to the caller's own id and to
the timesheet statistics instead."""

from __future__ import annotations

from typing import Any

from pydantic import ConfigDict, Field

from application.catalog.fields import (
    DateRangeInput,
    IdInput,
    IsoDate,
    IsoEndDate,
    PageInput,
    RelationsInput,
    ToolInput,
    Uuid,
)
from application.catalog.model import BulkCall, ContextValue, ResourceCall, Shape, Tenancy
from application.catalog.rows import RECORD, delete, read, write
from domain.gauzy import QueryStyle

TOOLSET = "employees"
BASE = "/api/employee"
FOR_RANGE = {"forRange": "findInput.forRange"}  # the working routes read data.findInput only


class EmployeeData(ToolInput):
    """Fields of CreateEmployeeDTO / UpdateEmployeeDTO; other DTO fields are passed through."""

    model_config = ConfigDict(extra="allow")
    user: dict[str, Any] | None = Field(
        None, description="New user for the employee: {firstName, lastName, email}. Give this or userId."
    )
    userId: Uuid | None = None  # noqa: N815
    password: str | None = Field(None, description="For a new `user`.")
    short_description: str | None = Field(None, max_length=200)
    description: str | None = None
    employeeLevel: str | None = Field(None, max_length=500)  # noqa: N815
    startedWorkOn: IsoDate | None = None  # noqa: N815
    endWork: IsoDate | None = None  # noqa: N815
    billRateValue: float | None = Field(None, ge=0)  # noqa: N815
    billRateCurrency: str | None = None  # noqa: N815
    isActive: bool | None = None  # noqa: N815
    isTrackingEnabled: bool | None = Field(  # noqa: N815
        None, description="The timer refuses to start while false."
    )


class EmployeeList(PageInput, RelationsInput):
    search: str | None = Field(None, description="Exact first name to match.")
    where: dict[str, Any] | None = Field(None, description="Extra equality filters, e.g. {'isActive': true}.")


class CountEmployees(ToolInput):
    where: dict[str, Any] | None = None


class DateRange(ToolInput):
    """Gauzy's IDateRangePicker, sent as `findInput.forRange` {startDate, endDate}."""

    model_config = ConfigDict(serialize_by_alias=True)
    start: IsoDate = Field(serialization_alias="startDate")
    end: IsoEndDate = Field(serialization_alias="endDate")


class WorkingEmployees(ToolInput):
    forRange: DateRange | None = Field(None, description="Only employees working in this range.")  # noqa: N815


class Members(PageInput):
    organizationTeamId: Uuid | None = None  # noqa: N815
    organizationProjectId: Uuid | None = None  # noqa: N815


class GetEmployee(IdInput, RelationsInput):
    pass


class EmployeeStatistics(DateRangeInput):
    employeeId: Uuid  # noqa: N815


class CurrentEmployee(RelationsInput):
    pass


class CreateEmployee(ToolInput):
    employee_data: EmployeeData


class UpdateEmployee(IdInput):
    employee_data: EmployeeData


class UpdateOwnProfile(ToolInput):
    employee_data: EmployeeData


class BulkCreateEmployees(ToolInput):
    employees: list[EmployeeData] = Field(min_length=1, max_length=100)


# Gauzy sends an employee's name only with its user: lists ask for it unless the model chose relations.
LIST = ResourceCall("GET", f"{BASE}/pagination", Shape.PAGE, Tenancy.WHERE,
                    where={"search": "user.firstName", "where": "*"}, defaults={"relations": ["user"]})
CREATE = ResourceCall("POST", BASE, tenancy=Tenancy.BODY, body_from="employee_data")
ME = {"employeeId": ContextValue.EMPLOYEE_ID}

TOOLS = (
    read("get_employees", "List employees",
         "The organization's employees with their user (name, email; relations replaces that). Use to find an "
         "employee's id.",
         TOOLSET, EmployeeList, LIST),
    read("get_employee_count", "Count employees", "Count the organization's employees, optionally with filters.",
         TOOLSET, CountEmployees,
         ResourceCall("GET", f"{BASE}/count", Shape.COUNT, Tenancy.QUERY, query={"where": "*"})),
    read("get_employees_pagination", "Page through employees",
         "Page through the organization's employees.", TOOLSET, EmployeeList, LIST),
    read("get_working_employees", "Working employees",
         "Employees currently employed, optionally in a date range.",
         TOOLSET, WorkingEmployees,
         ResourceCall("GET", f"{BASE}/working", Shape.PAGE, Tenancy.DATA, query=FOR_RANGE,
                      query_style=QueryStyle.DATA_JSON, paging=None)),
    read("get_working_employees_count", "Count working employees",
         "Count employees currently employed, optionally in a date range.",
         TOOLSET, WorkingEmployees,
         ResourceCall("GET", f"{BASE}/working/count", Shape.COUNT, Tenancy.DATA, query=FOR_RANGE,
                      query_style=QueryStyle.DATA_JSON, paging=None)),
    read("get_organization_members", "Organization members",
         "The organization's members, optionally of one team or project.",
         TOOLSET, Members,
         ResourceCall("GET", f"{BASE}/members", Shape.PAGE, Tenancy.QUERY,
                      query={"organizationTeamId": "organizationTeamId",
                             "organizationProjectId": "organizationProjectId"}, paging=None)),
    read("get_employee", "Get an employee", "One employee by id with their user (name, email); other relations on "
                                            "request.", TOOLSET, GetEmployee,
         ResourceCall("GET", f"{BASE}/{{id}}", tenancy=Tenancy.WHERE, defaults={"relations": ["user"]}), RECORD),
    read("get_employee_statistics", "Employee time statistics",
         "Tracked time, activity and counts of one employee in a date range.",
         TOOLSET, EmployeeStatistics,
         ResourceCall("GET", "/api/timesheet/statistics/counts", Shape.RAW, Tenancy.QUERY,
                      query={"employeeId": "employeeIds[]", "startDate": "startDate", "endDate": "endDate"})),
    read("get_current_employee", "My employee record",
         "The signed-in user's own employee record.",
         TOOLSET, CurrentEmployee,
         ResourceCall("GET", f"{BASE}/{{employeeId}}", tenancy=Tenancy.WHERE, defaults=ME), RECORD),
    write("create_employee", "Create an employee",
          "Add an employee for a new user (employee_data.user and password) or an existing userId.",
          TOOLSET, CreateEmployee, CREATE, output=RECORD),
    write("update_employee", "Update an employee", "Change the given fields of an employee.",
          TOOLSET, UpdateEmployee,
          ResourceCall("PUT", f"{BASE}/{{id}}", tenancy=Tenancy.BODY, body_from="employee_data", answer_stored=True),
          idempotent=True),
    write("update_employee_profile", "Update my employee profile",
          "Change the given fields of the signed-in user's own employee record.",
          TOOLSET, UpdateOwnProfile,
          ResourceCall("PUT", f"{BASE}/{{employeeId}}", tenancy=Tenancy.BODY, body_from="employee_data",
                       defaults=ME, answer_stored=True),
          idempotent=True),
    delete("soft_delete_employee", "Archive an employee",
           "Soft-delete an employee; restore_employee brings them back.",
           TOOLSET, IdInput, ResourceCall("DELETE", f"{BASE}/{{id}}/soft", tenancy=Tenancy.QUERY)),
    write("restore_employee", "Restore an employee", "Bring a soft-deleted employee back.",
          TOOLSET, IdInput, ResourceCall("PUT", f"{BASE}/{{id}}/recover", tenancy=Tenancy.BODY), idempotent=True),
    write("bulk_create_employees", "Create several employees",
          "Create up to 100 employees one by one, reporting progress.",
          TOOLSET, BulkCreateEmployees, BulkCall(CREATE, "employees", item_as="employee_data")),
)
