"""The routes the in-memory Gauzy answers, in the real API's declaration order (so that
`/tasks/count` wins over `/tasks/:id`, as in NestJS). Anything else is a 404."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from adapters.outbound.in_memory_gauzy import special
from adapters.outbound.in_memory_gauzy.resources import (
    Handler,
    counted,
    created,
    deleted,
    fetched,
    paginated,
    recovered,
    soft_deleted,
    updated,
)
from adapters.outbound.in_memory_gauzy.store import one_of, require

TASK_STATUSES = ("backlog", "open", "in-progress", "ready-for-review", "in-review", "blocked", "done", "completed",
                 "cancelled", "custom")


def task_rules(body: Mapping[str, Any]) -> None:
    """CreateTaskDTO / UpdateTaskDTO: title and status are required on both."""
    require(body, "title", "status")
    one_of(body, "status", TASK_STATUSES)
    one_of(body, "priority", ("urgent", "high", "medium", "low"))


def project_rules(body: Mapping[str, Any]) -> None:
    require(body, "name")
    one_of(body, "billing", ("RATE", "FLAT_FEE", "MILESTONES"))


def employee_rules(body: Mapping[str, Any]) -> None:
    if not body.get("user") and not body.get("userId"):
        require(body, "userId")


@dataclass(frozen=True)
class Route:
    method: str
    pattern: re.Pattern[str]
    handler: Handler


def route(method: str, path: str, handler: Handler) -> Route:
    regex = re.sub(r":(\w+)", r"(?P<\1>[^/]+)", path)
    return Route(method, re.compile(f"^{regex}$"), handler)


TASKS, PROJECTS, EMPLOYEE = "tasks", "organization-projects", "employee"
ROUTES = (
    route("GET", "/api/health", special.health),
    route("GET", "/api/tasks/count", counted(TASKS)),
    route("GET", "/api/tasks/employee/:id", special.employee_tasks),
    route("GET", "/api/tasks/me", special.my_tasks),
    route("GET", "/api/tasks/pagination", paginated(TASKS)),
    route("GET", "/api/tasks/team", special.team_tasks),
    route("GET", "/api/tasks", paginated(TASKS, skip_is_page=False)),
    route("POST", "/api/tasks", created(TASKS, task_rules)),
    route("GET", "/api/tasks/:id", fetched(TASKS)),
    route("PUT", "/api/tasks/:id", updated(TASKS, task_rules)),
    route("DELETE", "/api/tasks/:id", deleted(TASKS)),
    route("GET", "/api/organization-projects/count", counted(PROJECTS)),
    route("GET", "/api/organization-projects/employee/:id", special.employee_projects),
    route("PUT", "/api/organization-projects/employee", special.project_members),
    route("GET", "/api/organization-projects/pagination", paginated(PROJECTS)),
    route("GET", "/api/organization-projects", paginated(PROJECTS, skip_is_page=False)),
    route("POST", "/api/organization-projects", created(PROJECTS, project_rules)),
    route("GET", "/api/organization-projects/:id", fetched(PROJECTS)),
    route("PUT", "/api/organization-projects/:id", updated(PROJECTS)),
    route("DELETE", "/api/organization-projects/:id", deleted(PROJECTS)),
    route("GET", "/api/employee/count", counted(EMPLOYEE)),
    route("GET", "/api/employee/members", special.members),
    route("GET", "/api/employee/pagination", paginated(EMPLOYEE)),
    route("GET", "/api/employee/working/count", special.working_count),
    route("GET", "/api/employee/working", special.working),
    route("GET", "/api/employee", paginated(EMPLOYEE, skip_is_page=False)),
    route("POST", "/api/employee", created(EMPLOYEE, employee_rules)),
    route("GET", "/api/employee/:id", fetched(EMPLOYEE)),
    route("PUT", "/api/employee/:id/recover", recovered(EMPLOYEE)),
    route("PUT", "/api/employee/:id", updated(EMPLOYEE)),
    route("DELETE", "/api/employee/:id/soft", soft_deleted(EMPLOYEE)),
    route("GET", "/api/timesheet/timer/status", special.timer_status),
    route("POST", "/api/timesheet/timer/start", special.timer_start),
    route("POST", "/api/timesheet/timer/stop", special.timer_stop),
    route("GET", "/api/timesheet/statistics/projects", special.project_statistics),
    route("GET", "/api/timesheet/statistics/counts", special.count_statistics),
    route("POST", "/api/timesheet/statistics/tasks", special.task_statistics),
)


def match(method: str, path: str) -> tuple[Handler, dict[str, str]] | None:
    for candidate in ROUTES:
        if candidate.method == method and (found := candidate.pattern.match(path)):
            return candidate.handler, found.groupdict()
    return None
