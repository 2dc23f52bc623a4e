"""``/api/timesheet/timer/*`` as TimerService does it (time-tracking/timer/timer.service.ts).

* ``GET status`` (flat TimerStatusQueryDTO: tenantId, organizationId, employeeId, source, todayStart,
  todayEnd, relations): the employee is the caller's (a caller holding CHANGE_SELECTED_EMPLOYEE may
  name ``employeeId``); none -> 404 ``We couldn't find the employee you were looking for.``. Answer
  ITimerStatus ``{duration, running, lastLog}``: duration = seconds of today's completed logs plus the
  running one so far; lastLog = today's latest log (running or not); running = lastLog.isRunning.
* ``POST start``: caller's employee (404 ``Employee record not found. Please verify your details and try
  again.``; tracking disabled -> 403), stops any running log first (stopPreviousRunningTimers), then
  creates a running TimeLog (stoppedAt = startedAt, duration 0, source default BROWSER, logType
  default TRACKED, isBillable false) and marks the employee online/tracking. 201 with the log.
* ``POST stop``: the latest running log or 406 ``No running log found. Can't stop timer because it was
  already stopped.``; sets stoppedAt (now or the body's), isRunning false; 201 with the log.
* ``POST toggle``: stop when running, else start. ``GET status/worked``: one ITimerStatus per employee
  of the organization.
Rows live in the TimeLog table shared with ``/api/timesheet/time-log``.
"""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from . import errors
from .call import Call, Reply, present
from .store import iso, parse_iso, select

if TYPE_CHECKING:
    from .api import Api

TABLE = "TimeLog"


def _caller_employee(call: Call, not_found: str, organization: Any = None) -> dict[str, Any]:
    assert call.principal is not None
    where: dict[str, Any] = {"userId": call.principal.user_id}
    if organization:
        where["organizationId"] = organization
    rows = select(call.store.rows("Employee"), call.tenant_id, where)
    if not rows:
        raise errors.plain(404, not_found)
    return rows[0]


def _seconds(log: dict[str, Any], now: datetime) -> int:
    started = parse_iso(log.get("startedAt")) or now
    stopped = now if log.get("isRunning") else (parse_iso(log.get("stoppedAt")) or started)
    return max(0, int((stopped - started).total_seconds()))


def _status(call: Call, employee: dict[str, Any], query: dict[str, Any]) -> dict[str, Any]:
    now = datetime.now(UTC)
    day = datetime.combine(now.date(), time.min, tzinfo=UTC)
    start = parse_iso(query.get("todayStart")) or day
    end = parse_iso(query.get("todayEnd")) or day + timedelta(days=1) - timedelta(milliseconds=1)
    where: dict[str, Any] = {"employeeId": employee["id"], "organizationId": employee.get("organizationId")}
    if query.get("source"):
        where["source"] = query["source"]
    logs = [
        log
        for log in select(call.store.rows(TABLE), call.tenant_id, where)
        if start <= (parse_iso(log.get("startedAt")) or now) <= end
    ]
    logs.sort(key=lambda log: str(log.get("startedAt")), reverse=True)
    duration = sum(_seconds(log, now) for log in logs if not log.get("isRunning"))
    last = logs[0] if logs else None
    running = bool(last and last.get("isRunning"))
    if running and last is not None:
        duration += _seconds(last, now)
    return {
        "duration": duration,
        "running": running,
        "lastLog": present(call.store, last, query.get("relations")) if last else None,
    }


def timer_status(call: Call, api: Api) -> Reply:
    assert call.principal is not None
    organization = call.query.get("organizationId")
    employee_id = call.query.get("employeeId")
    if employee_id and call.principal.has("CHANGE_SELECTED_EMPLOYEE"):
        employee = call.store.get("Employee", employee_id, call.tenant_id)
        if employee is None or (organization and employee.get("organizationId") != organization):
            raise errors.plain(404, "We couldn't find the employee you were looking for.")
    else:
        employee = _caller_employee(call, "We couldn't find the employee you were looking for.", organization)
    return Reply(200, _status(call, employee, call.query))


def timer_worked(call: Call, api: Api) -> Reply:
    where = {"organizationId": call.query.get("organizationId")} if call.query.get("organizationId") else {}
    employees = select(call.store.rows("Employee"), call.tenant_id, where)
    return Reply(200, [_status(call, e, call.query) for e in employees])


def _stop_running(call: Call, employee_id: str, stopped_at: str | None = None) -> dict[str, Any] | None:
    running = select(call.store.rows(TABLE), call.tenant_id, {"employeeId": employee_id, "isRunning": True})
    running.sort(key=lambda log: str(log.get("startedAt")), reverse=True)
    last = None
    for log in running:
        stop = stopped_at or iso()
        if (parse_iso(stop) or datetime.now(UTC)) < (parse_iso(log.get("startedAt")) or datetime.now(UTC)):
            stop = log.get("stoppedAt") or log["startedAt"]
        closed = {**log, "isRunning": False, "stoppedAt": stop}
        closed["duration"] = _seconds(closed, datetime.now(UTC))
        updated = call.store.update(TABLE, log["id"], closed)
        last = updated if last is None else last
    return last


def _tracking_employee(call: Call) -> dict[str, Any]:
    employee = _caller_employee(call, "Employee record not found. Please verify your details and try again.")
    if not employee.get("isTrackingEnabled"):
        raise errors.plain(403, "The time tracking functionality has been disabled for you.")
    return employee


def timer_start(call: Call, api: Api) -> Reply:
    employee = _tracking_employee(call)
    body = call.body_dict()
    _stop_running(call, employee["id"])
    started = iso(parse_iso(body.get("startedAt"))) if parse_iso(body.get("startedAt")) else iso()
    log = call.store.insert(
        TABLE,
        {
            "tenantId": call.tenant_id,
            "organizationId": employee.get("organizationId"),
            "employeeId": employee["id"],
            "timesheetId": None,
            "startedAt": started,
            "stoppedAt": started,
            "editedAt": None,
            "duration": 0,
            "source": body.get("source") or "BROWSER",
            "logType": body.get("logType") or "TRACKED",
            "projectId": body.get("projectId") or None,
            "taskId": body.get("taskId") or None,
            "organizationContactId": body.get("organizationContactId") or None,
            "organizationTeamId": body.get("organizationTeamId") or None,
            "description": body.get("description") or None,
            "reason": None,
            "isBillable": bool(body.get("isBillable")),
            "version": body.get("version") or None,
            "isRunning": True,
            "isEdited": False,
        },
    )
    call.store.update("Employee", employee["id"], {"isOnline": True, "isTrackingTime": True})
    return Reply(call.route.success_status, present(call.store, log))


def timer_stop(call: Call, api: Api) -> Reply:
    employee = _tracking_employee(call)
    stopped_at = call.body_dict().get("stoppedAt")
    last = _stop_running(call, employee["id"], iso(parse_iso(stopped_at)) if parse_iso(stopped_at) else None)
    if last is None:
        raise errors.plain(406, "No running log found. Can't stop timer because it was already stopped.")
    call.store.update("Employee", employee["id"], {"isOnline": False, "isTrackingTime": False})
    return Reply(call.route.success_status, present(call.store, last))


def timer_toggle(call: Call, api: Api) -> Reply:
    employee = _tracking_employee(call)
    running = select(call.store.rows(TABLE), call.tenant_id, {"employeeId": employee["id"], "isRunning": True})
    return timer_stop(call, api) if running else timer_start(call, api)


TIMER = {
    "GET /api/timesheet/timer/status": timer_status,
    "GET /api/timesheet/timer/status/worked": timer_worked,
    "POST /api/timesheet/timer/start": timer_start,
    "POST /api/timesheet/timer/stop": timer_stop,
    "POST /api/timesheet/timer/toggle": timer_toggle,
}
