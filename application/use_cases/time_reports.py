"""Time logs as people read them: one flat row per log with names beside ids, and reports that
group a period's logs by day, employee, project or task, with durations in seconds and hours.

The reports are computed here from `GET /api/timesheet/time-log`, so they mean the same on every
backend: Gauzy's own report routes answer chart-shaped data that differs between versions."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from pydantic import BaseModel

from application.catalog.toolsets.time_logs import LIST_LOGS
from application.invocation import Invocation
from application.use_cases.catalog_rows import RowRunner

SECONDS_PER_HOUR = 3600
Row = dict[str, Any]


def hours(seconds: float) -> float:
    return round(seconds / SECONDS_PER_HOUR, 2)


def related(row: Any, name: str) -> Row:
    """A loaded relation of a record (`{}` when absent)."""
    value = row.get(name) if isinstance(row, dict) else None
    return value if isinstance(value, dict) else {}


def person_name(employee: Any) -> str | None:
    """An employee's name: Gauzy's `fullName`, else its user's name."""
    if not isinstance(employee, dict):
        return None
    user = related(employee, "user")
    joined = " ".join(str(part) for part in (user.get("firstName"), user.get("lastName")) if part)
    return employee.get("fullName") or user.get("name") or joined or None


def _name(related: Any, key: str) -> str | None:
    return related.get(key) if isinstance(related, dict) else None


def log_row(log: Row) -> Row:
    seconds = int(log.get("duration") or 0)
    return {
        "id": log.get("id"), "employeeId": log.get("employeeId"), "employeeName": person_name(log.get("employee")),
        "projectId": log.get("projectId"), "projectName": _name(log.get("project"), "name"),
        "taskId": log.get("taskId"), "taskTitle": _name(log.get("task"), "title"),
        "teamId": log.get("organizationTeamId"), "startedAt": log.get("startedAt"), "stoppedAt": log.get("stoppedAt"),
        "seconds": seconds, "hours": hours(seconds), "logType": log.get("logType"), "source": log.get("source"),
        "isRunning": bool(log.get("isRunning")), "isBillable": log.get("isBillable"),
        "description": log.get("description"), "timesheetId": log.get("timesheetId"),
    }


async def read_logs(runner: RowRunner, arguments: BaseModel, invocation: Invocation) -> list[Row]:
    values = arguments.model_dump(exclude_none=True)
    selection = {key: values[key] for key in LIST_LOGS.query if key in values}
    return [log_row(log) for log in await runner.all_items(LIST_LOGS, selection, invocation)]


class ListTimeLogs:
    def __init__(self, runner: RowRunner) -> None:
        self._runner = runner

    async def __call__(self, arguments: BaseModel, invocation: Invocation) -> Any:
        rows = await read_logs(self._runner, arguments, invocation)
        seconds = sum(row["seconds"] for row in rows)
        return {"items": rows, "total": len(rows), "totalSeconds": seconds, "totalHours": hours(seconds)}


KEYS: dict[str, tuple[str, ...]] = {
    "date": ("date",),
    "employee": ("employeeId", "employeeName"),
    "project": ("projectId", "projectName"),
    "task": ("taskId", "taskTitle"),
}


def day_of(row: Row) -> str:
    return str(row.get("startedAt") or "")[:10]


def group(rows: Iterable[Row], by: tuple[str, ...], *, with_days: bool = False) -> list[Row]:
    """Sum the rows' seconds per distinct value of the `by` keys."""
    groups: dict[tuple[Any, ...], Row] = {}
    for row in rows:
        keyed = {**row, "date": day_of(row)}
        fields = {name: keyed.get(name) for key in by for name in KEYS[key]}
        total = groups.setdefault(tuple(fields.values()), {**fields, "seconds": 0, "logs": 0})
        total["seconds"] += row["seconds"]
        total["logs"] += 1
        if with_days:
            days = total.setdefault("days", {})
            days[keyed["date"]] = days.get(keyed["date"], 0) + row["seconds"]
    for total in groups.values():
        total["hours"] = hours(total["seconds"])
        if with_days:
            total["days"] = {day: hours(seconds) for day, seconds in sorted(total["days"].items())}
    return list(groups.values())


def _by_names(row: Row) -> tuple[str, ...]:
    return tuple(str(row.get(key) or "") for key in ("date", "employeeName", "projectName", "taskTitle"))


def _by_hours(row: Row) -> tuple[int, str]:
    return (-int(row["seconds"]), str(row.get("employeeName") or row.get("projectName") or ""))


class TimeReport:
    """A report over the selected logs, grouped by `by`; `top` keeps the N groups with most hours."""

    def __init__(self, runner: RowRunner, by: tuple[str, ...], *, with_days: bool = False, top: bool = False) -> None:
        self._runner = runner
        self._by = by
        self._with_days = with_days
        self._top = top

    async def __call__(self, arguments: BaseModel, invocation: Invocation) -> Any:
        logs = await read_logs(self._runner, arguments, invocation)
        rank_by = getattr(arguments, "rankBy", None)
        by = (rank_by,) if isinstance(rank_by, str) else self._by
        order: Callable[[Row], Any] = _by_hours if self._top else _by_names
        rows = sorted(group(logs, by, with_days=self._with_days), key=order)
        if self._top:
            rows = rows[: int(getattr(arguments, "limit", len(rows)))]
        seconds = sum(log["seconds"] for log in logs)
        values = arguments.model_dump()
        return {"startDate": values["startDate"], "endDate": values["endDate"], "groupedBy": list(by),
                "rows": rows, "totalSeconds": seconds, "totalHours": hours(seconds)}
