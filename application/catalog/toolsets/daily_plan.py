"""Daily plans (`/api/daily-plan`): an employee's plan for one day in one team, with tasks.

Gauzy's list routes return every matching plan at once (no paging), and creating a plan
needs a team: it defaults to the employee's first team, looked up by a use case.
"""

from __future__ import annotations

from pydantic import Field

from application.catalog.enums_teamwork import DailyPlanStatus
from application.catalog.fields import DateRangeInput, IdInput, IsoDate, RelationsInput, ToolInput, Uuid
from application.catalog.model import BulkCall, ResourceCall, Shape, Tenancy, UseCaseCall
from application.catalog.outputs import BulkOutput
from application.catalog.rows import RECORD, delete, read, same, write

TOOLSET = "daily-plan"
BASE = "/api/daily-plan"
CREATE_ROUTES = ("GET /api/organization-team", f"POST {BASE}")
PLAN_FIELDS = ("date", "workTimePlanned", "status", "employeeId", "organizationTeamId")


class Unpaged(ToolInput):
    # Accepted for the reference's callers; Gauzy returns every matching plan. Not worth words on 10 tools.
    page: int = Field(1, ge=1)
    limit: int = Field(10, ge=1, le=100)


class PlanFilters(Unpaged, RelationsInput):
    date: IsoDate | None = Field(None, description="The plan's day (as stored, midnight UTC).")
    status: DailyPlanStatus | None = None


class GetPlans(PlanFilters):
    employeeId: Uuid | None = None  # noqa: N815
    organizationTeamId: Uuid | None = None  # noqa: N815


class MyPlans(PlanFilters):
    organizationTeamId: Uuid | None = None  # noqa: N815


class EmployeePlans(PlanFilters):
    employeeId: Uuid  # noqa: N815


class TaskPlans(Unpaged, RelationsInput):
    taskId: Uuid  # noqa: N815


class CountPlans(ToolInput):
    employeeId: Uuid | None = None  # noqa: N815
    organizationTeamId: Uuid | None = None  # noqa: N815
    date: IsoDate | None = None
    status: DailyPlanStatus | None = None


class PlanData(ToolInput):
    """Fields of UpdateDailyPlanDTO."""

    date: IsoDate | None = None
    workTimePlanned: float | None = Field(None, ge=0, description="Hours planned for the day.")  # noqa: N815
    status: DailyPlanStatus | None = None
    employeeId: Uuid | None = Field(None, description="Defaults to you.")  # noqa: N815
    organizationTeamId: Uuid | None = Field(  # noqa: N815
        None, description="Defaults to the employee's first team."
    )


class NewPlanData(PlanData):
    date: IsoDate
    workTimePlanned: float = Field(ge=0, description="Hours planned for the day.")  # noqa: N815
    status: DailyPlanStatus = Field("open", description="Plan status; default 'open'.")
    taskId: Uuid | None = Field(None, description="A first task to put on the plan.")  # noqa: N815


class CreatePlan(ToolInput):
    daily_plan_data: NewPlanData


class UpdatePlan(IdInput):
    plan_data: PlanData


class PlanTask(ToolInput):
    planId: Uuid  # noqa: N815
    taskId: Uuid  # noqa: N815
    employeeId: Uuid  # noqa: N815


class TaskFromPlans(ToolInput):
    taskId: Uuid  # noqa: N815
    employeeId: Uuid  # noqa: N815


class PlanStatistics(DateRangeInput):
    employeeId: Uuid | None = None  # noqa: N815
    organizationTeamId: Uuid | None = None  # noqa: N815


class PlanUpdate(PlanData):
    id: Uuid


class BulkCreatePlans(ToolInput):
    plans: list[NewPlanData] = Field(min_length=1, max_length=100)


class BulkUpdatePlans(ToolInput):
    plans: list[PlanUpdate] = Field(min_length=1, max_length=100)


class BulkDeletePlans(ToolInput):
    ids: list[Uuid] = Field(min_length=1, max_length=100)


def listing(path: str, model: type[ToolInput]) -> ResourceCall:
    where = same(*(f for f in ("employeeId", "organizationTeamId", "date", "status") if f in model.model_fields))
    return ResourceCall("GET", path, Shape.PAGE, Tenancy.WHERE, where=where, paging=None)


DELETE = ResourceCall("DELETE", f"{BASE}/{{id}}")
PLAN_TASK = {"taskId": "taskId", "employeeId": "employeeId"}

TOOLS = (
    read("get_daily_plans", "List daily plans",
         "The organization's daily plans; relations e.g. 'tasks', 'employee'.",
         TOOLSET, GetPlans, listing(BASE, GetPlans)),
    read("get_my_daily_plans", "My daily plans",
         "The signed-in employee's daily plans.",
         TOOLSET, MyPlans, listing(f"{BASE}/me", MyPlans)),
    read("get_team_daily_plans", "Daily plans of a team",
         "The daily plans of a team's members (all teams if none given).",
         TOOLSET, MyPlans, listing(f"{BASE}/team", MyPlans)),
    read("get_employee_daily_plans", "Daily plans of an employee",
         "One employee's daily plans, optionally for a day or status.",
         TOOLSET, EmployeePlans,
         ResourceCall("GET", f"{BASE}/employee/{{employeeId}}", Shape.PAGE, Tenancy.WHERE,
                      where=same("date", "status"), paging=None)),
    read("get_daily_plans_for_task", "Daily plans containing a task",
         "The daily plans a task is on, with their employees.",
         TOOLSET, TaskPlans,
         ResourceCall("GET", f"{BASE}/task/{{taskId}}", Shape.PAGE, Tenancy.WHERE, paging=None)),
    read("get_daily_plan", "Get a daily plan", "One daily plan by id: day, hours planned, status.",
         TOOLSET, IdInput, ResourceCall("GET", f"{BASE}/{{id}}"), RECORD),
    write("create_daily_plan", "Create a daily plan",
          "Plan a day (date and hours planned). If the employee already has a plan for the day in that team, Gauzy "
          "adds to it.",
          TOOLSET, CreatePlan, UseCaseCall("create_daily_plan", CREATE_ROUTES), output=RECORD),
    write("update_daily_plan", "Update a daily plan",
          "Change the given fields of a daily plan.",
          TOOLSET, UpdatePlan,
          ResourceCall("PUT", f"{BASE}/{{id}}", tenancy=Tenancy.BODY, body_from="plan_data"),
          idempotent=True, output=RECORD),
    delete("delete_daily_plan", "Delete a daily plan", "Delete a daily plan permanently (its tasks stay).",
           TOOLSET, IdInput, DELETE),
    write("add_task_to_daily_plan", "Add a task to a daily plan",
          "Put a task on a daily plan; employeeId must be the plan's employee.",
          TOOLSET, PlanTask,
          ResourceCall("POST", f"{BASE}/{{planId}}/task", tenancy=Tenancy.BODY, body=PLAN_TASK), output=RECORD),
    write("remove_task_from_daily_plan", "Remove a task from a daily plan",
          "Take a task off a daily plan; employeeId must be the plan's employee.",
          TOOLSET, PlanTask,
          ResourceCall("PUT", f"{BASE}/{{planId}}/task", tenancy=Tenancy.BODY, body=PLAN_TASK),
          idempotent=True, output=RECORD),
    write("remove_task_from_many_daily_plans", "Remove a task from an employee's plans",
          "Take a task off every daily plan of an employee dated today or later.",
          TOOLSET, TaskFromPlans,
          UseCaseCall("remove_task_from_daily_plans", (f"GET {BASE}/task/:id", f"PUT {BASE}/:taskId/remove")),
          idempotent=True),
    read("get_daily_plan_count", "Count daily plans",
         "Count the organization's daily plans, optionally filtered.",
         TOOLSET, CountPlans,
         ResourceCall("GET", f"{BASE}/count", Shape.COUNT, Tenancy.QUERY,
                      query=same("employeeId", "organizationTeamId", "date", "status"))),
    read("get_daily_plan_statistics", "Daily plan statistics",
         "Plans, hours and tasks planned per status in a date range (default: all).",
         TOOLSET, PlanStatistics, UseCaseCall("daily_plan_statistics", (f"GET {BASE}",))),
    write("bulk_create_daily_plans", "Create several daily plans",
          "Create up to 100 daily plans one by one, reporting progress.",
          TOOLSET, BulkCreatePlans, UseCaseCall("bulk_create_daily_plans", CREATE_ROUTES), output=BulkOutput),
    write("bulk_update_daily_plans", "Update several daily plans",
          "Update up to 100 daily plans one by one, reporting progress.",
          TOOLSET, BulkUpdatePlans,
          BulkCall(ResourceCall("PUT", f"{BASE}/{{id}}", tenancy=Tenancy.BODY, body=same(*PLAN_FIELDS)), "plans"),
          idempotent=True),
    delete("bulk_delete_daily_plans", "Delete several daily plans",
           "Delete up to 100 daily plans by id one by one.",
           TOOLSET, BulkDeletePlans, BulkCall(DELETE, "ids")),
)
