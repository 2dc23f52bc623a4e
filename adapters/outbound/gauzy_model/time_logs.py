"""``/api/timesheet/time-log`` and ``/api/timesheet`` as Gauzy's time-tracking services do them
(``time-tracking/time-log/time-log.service.ts``, ``time-tracking/timesheet/timesheet.service.ts``).

* ``GET time-log`` (TimeLogQueryDTO, flat): logs of the organization whose ``startedAt`` lies between
  ``startDate`` and ``endDate`` (both default to today's bounds, UTC, as ``getDateRangeFormat`` does),
  narrowed by ``employeeIds``, ``projectIds``, ``taskIds``, ``teamIds`` (the log's
  ``organizationTeamId``), ``source``, ``logType``, ``timesheetId`` and ``isEdited``; a caller without
  CHANGE_SELECTED_EMPLOYEE sees only their own logs. Ordered by ``startedAt``; relations loaded.
* ``POST time-log`` (addManualTime): a MANUAL, BROWSER log of ``stoppedAt - startedAt`` seconds, filed
  under the employee's timesheet of that week (made as DRAFT when missing). ``PUT time-log/:id``
  (updateManualTime): the body's times, duration recomputed, ``isEdited`` and ``editedAt`` set.
* ``DELETE time-log?logIds[]=`` (deleteTimeLogs): soft-deletes the logs of the organization (hard
  with ``forceDelete``) and answers the TypeORM result; timesheet durations follow.
* ``GET /api/timesheet`` (TimesheetQueryDTO): timesheets whose ``startedAt`` lies in the range, by
  ``employeeIds`` and ``status``, as an array. ``PUT submit`` (``ids``, ``status`` submit|unsubmit) and
  ``PUT status`` (``ids``, ``status``): the changed timesheets, as an array; approving records who
  and when, submitting when.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from . import errors
from .call import Call, Reply, present
from .store import iso, parse_iso, select

if TYPE_CHECKING:
    from .api import Api

LOGS = "TimeLog"
SHEETS = "Timesheet"
LIST_FILTERS = {"projectIds": "projectId", "taskIds": "taskId", "teamIds": "organizationTeamId",
                "source": "source", "logType": "logType"}


def ids(value: Any) -> list[str]:
    """A qs array (``a[]=x``, ``a[0]=x``) or a single value, as a list of strings."""
    if isinstance(value, dict):
        value = list(value.values())
    if isinstance(value, list):
        return [str(item) for item in value if item not in (None, "")]
    return [] if value in (None, "") else [str(value)]


def date_range(query: dict[str, Any], now: datetime | None = None) -> tuple[datetime, datetime]:
    """``startDate`` / ``endDate`` as given, else the bounds of today (UTC)."""
    today = (now or datetime.now(UTC)).date()
    start = parse_iso(query.get("startDate")) or datetime.combine(today, time.min, tzinfo=UTC)
    end = parse_iso(query.get("endDate")) or datetime.combine(today, time.max, tzinfo=UTC)
    return start, end


def _in_range(row: dict[str, Any], start: datetime, end: datetime) -> bool:
    started = parse_iso(row.get("startedAt"))
    return started is not None and start <= started <= end


def _visible_employees(call: Call, asked: list[str]) -> list[str]:
    """The asked employees, or only the caller's own without CHANGE_SELECTED_EMPLOYEE."""
    assert call.principal is not None
    if call.principal.has("CHANGE_SELECTED_EMPLOYEE"):
        return asked
    return [str(call.principal.employee_id)]


def _organization_rows(call: Call, table: str) -> list[dict[str, Any]]:
    where = {"organizationId": call.query.get("organizationId")} if call.query.get("organizationId") else {}
    return select(call.store.rows(table), call.tenant_id, where)


def _keep(row: dict[str, Any], query: dict[str, Any], employees: list[str]) -> bool:
    if employees and row.get("employeeId") not in employees:
        return False
    for key, column in LIST_FILTERS.items():
        wanted = ids(query.get(key))
        if wanted and str(row.get(column)) not in wanted:
            return False
    if query.get("timesheetId") and row.get("timesheetId") != query["timesheetId"]:
        return False
    return query.get("isEdited") in (None, "") or str(row.get("isEdited")).lower() == str(query["isEdited"]).lower()


def list_logs(call: Call, api: Api) -> Reply:
    start, end = date_range(call.query)
    employees = _visible_employees(call, ids(call.query.get("employeeIds")))
    rows = [r for r in _organization_rows(call, LOGS) if _in_range(r, start, end) and _keep(r, call.query, employees)]
    rows.sort(key=lambda row: str(row.get("startedAt")))
    return Reply(200, [present(call.store, r, call.query.get("relations")) for r in rows])


def _seconds(started: Any, stopped: Any) -> int:
    begin, end = parse_iso(started), parse_iso(stopped)
    if begin is None or end is None or end <= begin:
        raise errors.bad_request(["startedAt must be before stoppedAt"])
    return int((end - begin).total_seconds())


def _sheet_for(call: Call, employee: dict[str, Any], started: datetime) -> str:
    """TimesheetFirstOrCreate: the employee's timesheet of that week, made as DRAFT when missing."""
    monday = datetime.combine(started.date() - timedelta(days=started.weekday()), time.min, tzinfo=UTC)
    for sheet in select(call.store.rows(SHEETS), call.tenant_id, {"employeeId": employee["id"]}):
        if parse_iso(sheet.get("startedAt")) == monday:
            return str(sheet["id"])
    return str(call.store.insert(SHEETS, {
        "tenantId": call.tenant_id, "organizationId": employee.get("organizationId"), "employeeId": employee["id"],
        "duration": 0, "keyboard": 0, "mouse": 0, "overall": 0, "startedAt": iso(monday),
        "stoppedAt": iso(monday + timedelta(days=7) - timedelta(milliseconds=1)), "approvedAt": None,
        "submittedAt": None, "lockedAt": None, "editedAt": None, "isBilled": False, "status": "DRAFT",
        "isEdited": False, "approvedById": None,
    })["id"])


def _refresh_sheet(call: Call, sheet_id: Any) -> None:
    if not sheet_id:
        return
    logs = select(call.store.rows(LOGS), call.tenant_id, {"timesheetId": sheet_id})
    call.store.update(SHEETS, str(sheet_id), {"duration": sum(int(r.get("duration") or 0) for r in logs)})


def _employee(call: Call, employee_id: Any) -> dict[str, Any]:
    employee = call.store.get("Employee", employee_id, call.tenant_id)
    if employee is None:
        raise errors.record_not_found()
    return dict(employee)


def add_manual_time(call: Call, api: Api) -> Reply:
    body = call.body_dict()
    employee = _employee(call, body.get("employeeId"))
    duration = _seconds(body.get("startedAt"), body.get("stoppedAt"))
    started = parse_iso(body["startedAt"])
    assert started is not None
    columns = ("projectId", "taskId", "organizationContactId", "organizationTeamId", "description", "reason")
    log = call.store.insert(LOGS, {
        **{key: body.get(key) or None for key in columns},
        "tenantId": call.tenant_id, "organizationId": body.get("organizationId") or employee.get("organizationId"),
        "employeeId": employee["id"], "timesheetId": _sheet_for(call, employee, started),
        "startedAt": iso(started), "stoppedAt": iso(parse_iso(body["stoppedAt"])), "editedAt": None,
        "duration": duration, "source": "BROWSER", "logType": "MANUAL", "isBillable": bool(body.get("isBillable")),
        "version": None, "isRunning": False, "isEdited": False,
    })
    _refresh_sheet(call, log["timesheetId"])
    return Reply(call.route.success_status, present(call.store, log))


def update_manual_time(call: Call, api: Api) -> Reply:
    log = call.store.get(LOGS, call.params.get("id"), call.tenant_id)
    if log is None:
        raise errors.record_not_found()
    body = call.body_dict()
    changes: dict[str, Any] = {key: body[key] for key in ("projectId", "taskId", "description", "reason", "isBillable",
                                          "organizationTeamId", "organizationContactId") if key in body}
    started, stopped = body.get("startedAt") or log["startedAt"], body.get("stoppedAt") or log["stoppedAt"]
    changes |= {"startedAt": iso(parse_iso(started)), "stoppedAt": iso(parse_iso(stopped)),
                "duration": _seconds(started, stopped), "isEdited": True, "editedAt": iso()}
    updated = call.store.update(LOGS, str(log["id"]), changes) or log
    _refresh_sheet(call, updated.get("timesheetId"))
    return Reply(call.route.success_status, present(call.store, updated))


def delete_logs(call: Call, api: Api) -> Reply:
    wanted = set(ids(call.query.get("logIds")))
    if not wanted:
        raise errors.bad_request(["logIds should not be empty"])
    force = str(call.query.get("forceDelete")).lower() == "true"
    rows = [r for r in _organization_rows(call, LOGS) if r["id"] in wanted]
    for row in rows:
        if force:
            call.store.delete(LOGS, str(row["id"]))
        else:
            call.store.update(LOGS, str(row["id"]), {"deletedAt": iso()})
        _refresh_sheet(call, row.get("timesheetId"))
    result: dict[str, Any] = {"raw": [], "affected": len(rows)}
    return Reply(200, result if force else {"generatedMaps": [], **result})


def list_timesheets(call: Call, api: Api) -> Reply:
    start, end = date_range(call.query)
    employees = _visible_employees(call, ids(call.query.get("employeeIds")))
    statuses = ids(call.query.get("status"))
    rows = [r for r in _organization_rows(call, SHEETS) if _in_range(r, start, end)
            and (not employees or r.get("employeeId") in employees) and (not statuses or r.get("status") in statuses)]
    rows.sort(key=lambda row: (str(row.get("startedAt")), str(row.get("employeeId"))))
    return Reply(200, [present(call.store, r, call.query.get("relations")) for r in rows])


def _change_sheets(call: Call, change: Callable[[dict[str, Any]], dict[str, Any]]) -> Reply:
    body = call.body_dict()
    wanted = set(ids(body.get("ids")))
    where = {"organizationId": body["organizationId"]} if body.get("organizationId") else {}
    rows = [r for r in select(call.store.rows(SHEETS), call.tenant_id, where) if r["id"] in wanted]
    changed = [call.store.update(SHEETS, str(row["id"]), change(row)) or row for row in rows]
    return Reply(200, [present(call.store, row) for row in changed])


def submit_timesheets(call: Call, api: Api) -> Reply:
    submit = call.body_dict().get("status") == "submit"
    return _change_sheets(call, lambda row: {"status": "PENDING" if submit else "DRAFT",
                                             "submittedAt": iso() if submit else None})


def set_timesheet_status(call: Call, api: Api) -> Reply:
    assert call.principal is not None
    status, approver = call.body_dict().get("status"), call.principal.employee_id
    approved = status == "APPROVED"
    return _change_sheets(call, lambda row: {"status": status, "approvedAt": iso() if approved else None,
                                             "approvedById": approver if approved else None})


TIME_LOGS = {
    "GET /api/timesheet/time-log": list_logs,
    "POST /api/timesheet/time-log": add_manual_time,
    "PUT /api/timesheet/time-log/:id": update_manual_time,
    "DELETE /api/timesheet/time-log": delete_logs,
    "GET /api/timesheet": list_timesheets,
    "PUT /api/timesheet/submit": submit_timesheets,
    "PUT /api/timesheet/status": set_timesheet_status,
}
