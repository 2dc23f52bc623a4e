"""Time reports, each one call: a period's time logs grouped by day, employee, project or task,
with names beside ids and hours beside seconds, and who is tracking time right now."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from application.catalog.fields import IsoDate, IsoEndDate, ToolInput, Uuid
from application.catalog.model import ResourceCall, Shape, Tenancy, ToolSpec, UseCaseCall
from application.catalog.outputs_time import (
    ActiveTimersOutput,
    ProjectProgressOutput,
    TeamAvailabilityOutput,
    TimeReportOutput,
)
from application.catalog.rows import read
from application.catalog.toolsets.time_logs import LIST_LOGS, LogSelection

TOOLSET = "time-reports"
LOGS = LIST_LOGS.route
TIMERS = "GET /api/timesheet/timer/status/worked"
TEAMS = "GET /api/organization-team"
PROJECT = ResourceCall("GET", "/api/organization-projects/{id}")
TASKS = ResourceCall("GET", "/api/tasks/pagination", Shape.PAGE, Tenancy.WHERE, where={"projectId": "projectId"})
LEAVE = "GET /api/time-off-request"  # every request, filtered here (use_cases/time_off_requests.py)


class TopByHours(LogSelection):
    rankBy: Literal["employee", "project", "task"] = Field("employee", description="What to rank.")  # noqa: N815
    limit: int = Field(5, ge=1, le=100, description="How many to return.")


class TeamAvailability(ToolInput):
    teamId: Uuid  # noqa: N815
    startDate: IsoDate  # noqa: N815
    endDate: IsoEndDate  # noqa: N815


class ProjectProgress(ToolInput):
    projectId: Uuid  # noqa: N815
    startDate: IsoDate | None = Field(None, description="Count time from here (default: all time).")  # noqa: N815
    endDate: IsoEndDate | None = Field(None, description="...to here (default: now).")  # noqa: N815


class ActiveTimers(ToolInput):
    teamId: Uuid | None = Field(None, description="Only this team's members.")  # noqa: N815


SCOPE = "Resolve 'this week' or 'last sprint' (get_sprints) to startDate/endDate first."


def report(name: str, title: str, what: str, model: type[LogSelection] = LogSelection) -> ToolSpec:
    return read(name, title, f"{what} {SCOPE}", TOOLSET, model, UseCaseCall(name, (LOGS,)), TimeReportOutput)


TOOLS = (
    report("daily_time_report", "Daily time report",
           "Hours per day and employee in a period."),
    report("weekly_time_report", "Weekly timesheet report",
           "Hours per employee in a period (typically Monday to Sunday), per day in `days`: the weekly "
           "timesheet."),
    report("time_per_employee", "Time per employee",
           "Hours each employee logged in a period, e.g. on one project or task."),
    report("top_by_hours", "Top by hours",
           "The N employees (or projects or tasks) with the most hours in a period, most first: 'who worked "
           "most on project X this month'.", TopByHours),
    read("get_active_timers", "Who is tracking time now",
         "Everyone whose timer runs now, since when and on what.",
         TOOLSET, ActiveTimers, UseCaseCall("active_timers", (TIMERS, TEAMS)), ActiveTimersOutput),
    read("get_team_availability", "Team availability",
         "For each member of a team in a period: hours logged, leave approved or asked for, and a status.",
         TOOLSET, TeamAvailability, UseCaseCall("team_availability", (TEAMS, LOGS, LEAVE)),
         TeamAvailabilityOutput),
    read("get_project_progress", "Project progress",
         "A project's tasks by status and the hours logged against their estimates (all time unless a range is "
         "given).",
         TOOLSET, ProjectProgress, UseCaseCall("project_progress", (PROJECT.route, TASKS.route, LOGS)),
         ProjectProgressOutput),
)
