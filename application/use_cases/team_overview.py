"""A team's availability for a period (time logged, leave approved or asked for) and a project's
progress (tasks by status, hours logged against the estimate), each one tool call."""

from __future__ import annotations

from collections import Counter
from typing import Any

from pydantic import BaseModel

from application.catalog.toolsets import time_reports as rows
from application.catalog.toolsets.time_logs import LIST_LOGS
from application.catalog.toolsets.time_reports import PROJECT, TASKS
from application.invocation import Invocation
from application.use_cases.catalog_rows import RowRunner, arguments_as
from application.use_cases.listing import moment
from application.use_cases.teams import find_team
from application.use_cases.time_off_requests import overlaps
from application.use_cases.time_reports import hours
from domain.ports import Clock

Row = dict[str, Any]
PAGE_SIZE = 100
MAX_PAGES = 20
SINCE_EVER = "2000-01-01T00:00:00Z"


def _seconds_by(logs: list[Row], key: str) -> Counter[str]:
    totals: Counter[str] = Counter()
    for log in logs:
        totals[str(log.get(key))] += int(log.get("duration") or 0)
    return totals


def _leave_of(requests: list[Row], employee_id: str) -> list[Row]:
    return [{"start": r.get("start"), "end": r.get("end"), "status": r.get("status")} for r in requests
            if any(isinstance(e, dict) and e.get("id") == employee_id for e in r.get("employees") or [])]


def _status(logged: int, leave: list[Row]) -> str:
    if any(item["status"] == "APPROVED" for item in leave):
        return "on leave"
    return "working" if logged else "no time logged"


class TeamAvailability:
    def __init__(self, runner: RowRunner) -> None:
        self._runner = runner

    async def __call__(self, arguments: BaseModel, invocation: Invocation) -> Any:
        request = arguments_as(rows.TeamAvailability, arguments)
        team = await find_team(self._runner, request.teamId, invocation)
        ids = [m["employeeId"] for m in team["members"]]
        period = {"startDate": request.startDate, "endDate": request.endDate}
        logs = await self._runner.all_items(LIST_LOGS, {**period, "employeeIds": ids}, invocation) if ids else []
        leave = [r for r in await self._runner.time_off_requests(invocation)
                 if r.get("status") in ("APPROVED", "REQUESTED") and not r.get("isArchived")
                 and overlaps(r, moment(request.startDate), moment(request.endDate))]
        logged = _seconds_by(logs, "employeeId")
        members = [{**m, "loggedSeconds": logged[m["employeeId"]], "loggedHours": hours(logged[m["employeeId"]]),
                    "leave": _leave_of(leave, m["employeeId"]),
                    "status": _status(logged[m["employeeId"]], _leave_of(leave, m["employeeId"]))}
                   for m in team["members"]]
        return {"teamId": team["id"], "teamName": team["name"], **period, "members": members}


def _task_progress(task: Row, logged: Counter[str]) -> Row:
    return {"id": task["id"], "title": task.get("title"), "status": task.get("status"),
            "estimateHours": hours(int(task.get("estimate") or 0)), "loggedHours": hours(logged[task["id"]])}


class ProjectProgress:
    def __init__(self, runner: RowRunner, clock: Clock) -> None:
        self._runner = runner
        self._clock = clock

    async def __call__(self, arguments: BaseModel, invocation: Invocation) -> Any:
        request = arguments_as(rows.ProjectProgress, arguments)
        project = await self._runner.run(PROJECT, {"id": request.projectId}, invocation)
        tasks = await self._tasks(request.projectId, invocation)
        period = {"startDate": request.startDate or SINCE_EVER,
                  "endDate": request.endDate or self._clock.now().isoformat().replace("+00:00", "Z")}
        logs = await self._runner.all_items(LIST_LOGS, {**period, "projectIds": [request.projectId]}, invocation)
        by_task = _seconds_by(logs, "taskId")
        estimate = sum(int(t.get("estimate") or 0) for t in tasks)
        logged = sum(by_task.values())
        percent = round(100 * logged / estimate, 1) if estimate else None
        return {"projectId": request.projectId, "projectName": project.get("name"), **period,
                "tasksTotal": len(tasks), "tasksByStatus": dict(Counter(str(t.get("status")) for t in tasks)),
                "estimateSeconds": estimate, "estimateHours": hours(estimate), "loggedSeconds": logged,
                "loggedHours": hours(logged), "percentOfEstimate": percent,
                "tasks": [_task_progress(task, by_task) for task in tasks]}

    async def _tasks(self, project_id: str, invocation: Invocation) -> list[Row]:
        found: list[Row] = []
        for number in range(1, MAX_PAGES + 1):
            answer = await self._runner.run(TASKS, {"projectId": project_id, "limit": PAGE_SIZE, "page": number},
                                            invocation)
            found += [t for t in answer.get("items") or [] if isinstance(t, dict)]
            if len(found) >= int(answer.get("total") or 0) or not answer.get("items"):
                break
        return found
