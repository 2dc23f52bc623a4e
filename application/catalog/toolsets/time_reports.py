"""Time reports, each one call: a period's time logs grouped by day, employee, project or task,
with names beside ids and hours beside seconds, and who is tracking time right now."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from application.catalog.fields import ToolInput, Uuid
from application.catalog.model import ToolSpec, UseCaseCall
from application.catalog.outputs_time import ActiveTimersOutput, TimeReportOutput
from application.catalog.rows import read
from application.catalog.toolsets.time_logs import LIST_LOGS, LogSelection

TOOLSET = "time_reports"
LOGS = LIST_LOGS.route
TIMERS = "GET /api/timesheet/timer/status/worked"
TEAMS = "GET /api/organization-team"


class TopByHours(LogSelection):
    rankBy: Literal["employee", "project", "task"] = Field("employee", description="What to rank.")  # noqa: N815
    limit: int = Field(5, ge=1, le=100, description="How many to return.")


class ActiveTimers(ToolInput):
    teamId: Uuid | None = Field(None, description="Only this team's members.")  # noqa: N815


SCOPE = ("Pick the period with startDate/endDate (resolve 'this week' or 'last sprint' first, e.g. with "
         "get_sprints) and optionally employeeIds, teamIds (time tracked for those teams), projectIds or taskIds.")
ROWS = "seconds, hours, logs}], totalSeconds, totalHours}"


def report(name: str, title: str, what: str, model: type[LogSelection] = LogSelection) -> ToolSpec:
    return read(name, title, f"{what} {SCOPE} Returns {{startDate, endDate, groupedBy, rows: [{{...{ROWS}.",
                TOOLSET, model, UseCaseCall(name, (LOGS,)), TimeReportOutput)


TOOLS = (
    report("daily_time_report", "Daily time report",
           "Hours per day and employee in a period: rows of {date, employeeId, employeeName, ...}."),
    report("weekly_time_report", "Weekly timesheet report",
           "Hours per employee in a period (typically Monday to Sunday) with hours per day in `days`: the "
           "weekly timesheet of all employees, a team or chosen people."),
    report("time_per_employee", "Time per employee",
           "Hours each employee logged in a period, e.g. on one project (projectIds) or one task (taskIds)."),
    report("top_by_hours", "Top by hours",
           "The N employees (or projects or tasks, rankBy) with the most hours in a period, most first: "
           "'who worked most on project X this month'.", TopByHours),
    read("get_active_timers", "Who is tracking time now",
         "Everyone whose timer is running right now across the organization (or one team), since when, "
         "for how many minutes and on which project and task. Returns {items, total}.",
         TOOLSET, ActiveTimers, UseCaseCall("active_timers", (TIMERS, TEAMS)), ActiveTimersOutput),
)
