"""Routes with behaviour of their own: the timer, "my" lists, memberships and statistics."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from adapters.outbound.in_memory_gauzy.resources import Handler
from adapters.outbound.in_memory_gauzy.store import Caller, Store, check_organization, one_of, page, scoped_where
from domain.errors import GauzyValidationError, PermissionDeniedError

TIME_LOG = "timesheet/time-log"
LOG_TYPES = ("TRACKED", "MANUAL", "IDLE", "RESUMED")
SOURCES = ("BROWSER", "DESKTOP", "MOBILE", "UPWORK", "HUBSTAFF", "TEAMS", "BROWSER_EXTENSION", "CLOC")


def own_employee_id(caller: Caller) -> str:
    if caller.credential.employee_id is None:
        raise PermissionDeniedError("The signed-in user is not an employee, so it has no timer.")
    return caller.credential.employee_id


def _running(store: Store, caller: Caller) -> dict[str, Any] | None:
    logs = store.find(TIME_LOG, caller, {"employeeId": own_employee_id(caller), "isRunning": True})
    return logs[0] if logs else None


def _seconds(log: Mapping[str, Any], now: datetime) -> int:
    end = datetime.fromisoformat(log["stoppedAt"]) if log.get("stoppedAt") else now
    return int((end - datetime.fromisoformat(log["startedAt"])).total_seconds())


def timer_status(store: Store, caller: Caller, params: Mapping[str, str], query: Mapping[str, Any], body: Any) -> Any:
    check_organization(str(query.get("organizationId")), caller)
    employee_id = own_employee_id(caller)
    today = caller.now.date().isoformat()
    logs = [log for log in store.find(TIME_LOG, caller, {"employeeId": employee_id})
            if log["startedAt"][:10] == today]
    running = _running(store, caller)
    return {"duration": sum(_seconds(log, caller.now) for log in logs), "running": running is not None,
            "lastLog": running or (logs[-1] if logs else None)}


def timer_start(store: Store, caller: Caller, params: Mapping[str, str], query: Mapping[str, Any], body: Any) -> Any:
    fields = dict(body or {})
    check_organization(str(fields.get("organizationId")), caller)
    for name, allowed in (("logType", LOG_TYPES), ("source", SOURCES)):
        if fields.get(name) is None:
            raise GauzyValidationError([f"{name} must be one of the following values: {', '.join(allowed)}"])
        one_of(fields, name, allowed)
    running = _running(store, caller)
    if running is not None:  # Gauzy stops a running timer before starting a new one
        store.update(TIME_LOG, caller, running["id"], {"stoppedAt": caller.now.isoformat(), "isRunning": False})
    log = {key: fields.get(key) for key in ("projectId", "taskId", "organizationContactId", "organizationTeamId",
                                            "description", "logType", "source", "isBillable")}
    return store.insert(TIME_LOG, caller, {**log, "organizationId": fields["organizationId"],
                                           "employeeId": own_employee_id(caller),
                                           "startedAt": caller.now.isoformat(), "stoppedAt": None,
                                           "isRunning": True})


NOTHING_TO_STOP = "No running log found. Can't stop timer because it was already stopped."


def timer_stop(store: Store, caller: Caller, params: Mapping[str, str], query: Mapping[str, Any], body: Any) -> Any:
    fields = dict(body or {})
    check_organization(str(fields.get("organizationId")), caller)
    running = _running(store, caller)
    if running is None:  # what Gauzy answers (406) when there is nothing to stop
        raise GauzyValidationError([NOTHING_TO_STOP], status=406)
    changes: dict[str, Any] = {"stoppedAt": caller.now.isoformat(), "isRunning": False}
    if fields.get("description"):
        changes["description"] = fields["description"]
    return store.update(TIME_LOG, caller, running["id"], changes)


def my_tasks(store: Store, caller: Caller, params: Mapping[str, str], query: Mapping[str, Any], body: Any) -> Any:
    where = scoped_where(query, caller) | {"members": {"id": own_employee_id(caller)}}
    return page(store.find("tasks", caller, where), query, skip_is_page=True)


def employee_tasks(store: Store, caller: Caller, params: Mapping[str, str], query: Mapping[str, Any],
                   body: Any) -> Any:
    where = scoped_where(query, caller) | {"members": {"id": params["id"]}}
    return store.find("tasks", caller, where)


def team_tasks(store: Store, caller: Caller, params: Mapping[str, str], query: Mapping[str, Any], body: Any) -> Any:
    """TaskService.findTeamTasks: `where[teams]` is a list of team ids; a task is listed when one of
    its teams is among them (and, with `where[members][id]`, has that employee as a member)."""
    where = scoped_where(query, caller)
    wanted = set(_ids(where, "teams"))
    employee_id = (where.pop("members", None) or {}).get("id")
    where.pop("teams", None)
    teams = [team for team in store.rows("organization-team", caller)
             if (not wanted or team["id"] in wanted)
             and (not employee_id or any(m.get("employeeId") == employee_id for m in team.get("members") or []))]
    team_ids = {team["id"] for team in teams}
    tasks = [task for task in store.find("tasks", caller, where)
             if any(team.get("id") in team_ids for team in task.get("teams") or [])]
    return page(tasks, query, skip_is_page=True)


def employee_projects(store: Store, caller: Caller, params: Mapping[str, str], query: Mapping[str, Any],
                      body: Any) -> Any:
    check_organization(str(query.get("organizationId")), caller)
    where: dict[str, Any] = {"members": {"id": params["employeeId"]}}
    if query.get("public") is not None:
        where["public"] = query["public"]
    return store.find("organization-projects", caller, where)


def project_members(store: Store, caller: Caller, params: Mapping[str, str], query: Mapping[str, Any],
                    body: Any) -> Any:
    """PUT /organization-projects/employee: add and remove one employee's project memberships."""
    fields = dict(body or {})
    employee_id = str((fields.get("member") or {}).get("id"))
    store.get("employee", caller, employee_id)
    for project_id in fields.get("addedProjectIds") or []:
        project = store.get("organization-projects", caller, project_id)
        members = [m for m in project.get("members", []) if m["id"] != employee_id]
        store.update("organization-projects", caller, project_id, {"members": [*members, {"id": employee_id}]})
    for project_id in fields.get("removedProjectIds") or []:
        project = store.get("organization-projects", caller, project_id)
        members = [m for m in project.get("members", []) if m["id"] != employee_id]
        store.update("organization-projects", caller, project_id, {"members": members})
    return True


def members(store: Store, caller: Caller, params: Mapping[str, str], query: Mapping[str, Any], body: Any) -> Any:
    check_organization(str(query.get("organizationId")), caller)
    rows = store.find("employee", caller, {"organizationId": query["organizationId"]})
    if query.get("organizationProjectId"):
        project = store.get("organization-projects", caller, str(query["organizationProjectId"]))
        ids = {m["id"] for m in project.get("members", [])}
        rows = [r for r in rows if r["id"] in ids]
    return {"items": rows, "total": len(rows)}


def working(store: Store, caller: Caller, params: Mapping[str, str], query: Mapping[str, Any], body: Any) -> Any:
    find_input = dict(query.get("findInput") or {})
    check_organization(str(find_input.get("organizationId")), caller)
    rows = [r for r in store.find("employee", caller, {"organizationId": find_input["organizationId"]})
            if r.get("isActive") and not r.get("isArchived") and _works_within(r, find_input.get("forRange"))]
    return {"items": rows, "total": len(rows)}


def _works_within(employee: Mapping[str, Any], period: Any) -> bool:
    """EmployeeService.getFilterQuery: with `forRange` {startDate, endDate}, started on or before its
    end (never when startedWorkOn is unset) and not ended before its start; by day here."""
    if not isinstance(period, Mapping):
        return True
    start, end = str(period.get("startDate") or "")[:10], str(period.get("endDate") or "9999")[:10]
    started, ended = str(employee.get("startedWorkOn") or "")[:10], str(employee.get("endWork") or "")[:10]
    return bool(started) and started <= end and (not ended or ended >= start)


def working_count(store: Store, caller: Caller, params: Mapping[str, str], query: Mapping[str, Any],
                  body: Any) -> Any:
    return {"total": working(store, caller, params, query, body)["total"]}


def _durations(store: Store, caller: Caller, key: str, filters: Mapping[str, Any]) -> list[dict[str, Any]]:
    totals: dict[str, int] = {}
    for log in store.rows(TIME_LOG, caller):
        if all(not wanted or log.get(field) in wanted for field, wanted in filters.items()):
            totals[log.get(key) or "none"] = totals.get(log.get(key) or "none", 0) + _seconds(log, caller.now)
    return [{"id": item, "duration": seconds} for item, seconds in totals.items()]


def _ids(source: Mapping[str, Any], name: str) -> list[str]:
    value = source.get(name) or []
    return list(value) if isinstance(value, list) else [value]


def project_statistics(store: Store, caller: Caller, params: Mapping[str, str], query: Mapping[str, Any],
                       body: Any) -> Any:
    return _durations(store, caller, "projectId", {"projectId": _ids(query, "projectIds"),
                                                   "employeeId": _ids(query, "employeeIds")})


def task_statistics(store: Store, caller: Caller, params: Mapping[str, str], query: Mapping[str, Any],
                    body: Any) -> Any:
    fields = dict(body or {})
    return _durations(store, caller, "taskId", {"projectId": _ids(fields, "projectIds"),
                                                "employeeId": _ids(fields, "employeeIds")})


def count_statistics(store: Store, caller: Caller, params: Mapping[str, str], query: Mapping[str, Any],
                     body: Any) -> Any:
    per_employee = _durations(store, caller, "employeeId", {"employeeId": _ids(query, "employeeIds")})
    return {"employeesCount": len(per_employee), "projectsCount": len(project_statistics(store, caller, params,
                                                                                          query, body)),
            "weekDuration": sum(item["duration"] for item in per_employee), "weekActivities": 0}


def health(store: Store, caller: Caller, params: Mapping[str, str], query: Mapping[str, Any], body: Any) -> Any:
    return {"status": "ok"}


SPECIAL: dict[tuple[str, str], Handler] = {
    ("GET", "/api/health"): health,
    ("GET", "/api/tasks/employee/:id"): employee_tasks,
    ("GET", "/api/tasks/me"): my_tasks,
    ("GET", "/api/tasks/team"): team_tasks,
    ("GET", "/api/organization-projects/employee/:employeeId"): employee_projects,
    ("PUT", "/api/organization-projects/employee"): project_members,
    ("GET", "/api/employee/members"): members,
    ("GET", "/api/employee/working"): working,
    ("GET", "/api/employee/working/count"): working_count,
    ("GET", "/api/timesheet/timer/status"): timer_status,
    ("POST", "/api/timesheet/timer/start"): timer_start,
    ("POST", "/api/timesheet/timer/stop"): timer_stop,
    ("GET", "/api/timesheet/statistics/projects"): project_statistics,
    ("GET", "/api/timesheet/statistics/counts"): count_statistics,
    ("POST", "/api/timesheet/statistics/tasks"): task_statistics,
}
