"""Teams with their members' names, membership changes that keep the other members, sprints with
the current and the last one, and who on a team is tracking time now."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel

from application.catalog.model import ResourceCall, Shape, Tenancy
from application.catalog.toolsets import teams as rows
from application.catalog.toolsets.teams import LIST_SPRINTS, LIST_TEAMS, UPDATE_TEAM
from application.catalog.toolsets.time_logs import LOG_RELATIONS
from application.invocation import Invocation
from application.use_cases.catalog_rows import RowRunner, arguments_as
from application.use_cases.time_reports import person_name, related
from domain.errors import NotFoundError
from domain.ports import Clock

Row = dict[str, Any]
TIMERS = ResourceCall("GET", "/api/timesheet/timer/status/worked", Shape.PAGE, Tenancy.QUERY, paging=None,
                      defaults={"relations": LOG_RELATIONS})


def team_row(team: Row) -> Row:
    members = [{"employeeId": m.get("employeeId"), "name": person_name(m.get("employee")),
                "isManager": bool(m.get("isManager"))} for m in team.get("members") or [] if isinstance(m, dict)]
    return {"id": team.get("id"), "name": team.get("name"), "members": members}


async def find_team(runner: RowRunner, team_id: str, invocation: Invocation) -> Row:
    found = await runner.all_items(LIST_TEAMS, {"teamId": team_id}, invocation)
    if not found:
        raise NotFoundError(f"No team with id {team_id} in this organization.", hint="Call get_teams for the ids.")
    return team_row(found[0])


class ListTeams:
    def __init__(self, runner: RowRunner) -> None:
        self._runner = runner

    async def __call__(self, arguments: BaseModel, invocation: Invocation) -> Any:
        teams = [team_row(team) for team in await self._runner.all_items(LIST_TEAMS, {}, invocation)]
        return {"items": teams, "total": len(teams)}


class ChangeTeamMembers:
    """Gauzy replaces a team's membership with `memberIds` + `managerIds`: send the whole new list."""

    def __init__(self, runner: RowRunner, *, add: bool) -> None:
        self._runner = runner
        self._add = add

    async def __call__(self, arguments: BaseModel, invocation: Invocation) -> Any:
        request = arguments_as(rows.TeamMembers, arguments)
        team = await find_team(self._runner, request.teamId, invocation)
        chosen = set(request.employeeIds)
        kept = [m for m in team["members"] if m["employeeId"] not in chosen]
        managers = [m["employeeId"] for m in kept if m["isManager"]]
        members = [m["employeeId"] for m in kept if not m["isManager"]]
        if self._add:
            members += [e for e in request.employeeIds if e not in managers and e not in members]
        body = {"id": team["id"], "name": team["name"], "memberIds": members, "managerIds": managers}
        await self._runner.run(UPDATE_TEAM, {"id": team["id"], "team": body}, invocation)
        return await find_team(self._runner, team["id"], invocation)


def _moment(text: Any) -> datetime | None:
    try:
        return datetime.fromisoformat(str(text).replace("Z", "+00:00"))
    except ValueError:
        return None


def sprint_row(sprint: Row) -> Row:
    project = related(sprint, "project")
    return {"id": sprint.get("id"), "name": sprint.get("name"), "projectId": sprint.get("projectId"),
            "projectName": project.get("name"), "startDate": sprint.get("startDate"),
            "endDate": sprint.get("endDate"), "status": sprint.get("status")}


class ListSprints:
    def __init__(self, runner: RowRunner, clock: Clock) -> None:
        self._runner = runner
        self._clock = clock

    async def __call__(self, arguments: BaseModel, invocation: Invocation) -> Any:
        values = arguments.model_dump(exclude_none=True)
        sprints = [sprint_row(s) for s in await self._runner.all_items(LIST_SPRINTS, values, invocation)]
        sprints.sort(key=lambda s: str(s["startDate"] or ""))
        now = self._clock.now()
        spans = [(s, _moment(s["startDate"]), _moment(s["endDate"])) for s in sprints]
        current = next((s for s, start, end in spans if start and end and start <= now <= end), None)
        ended = [(end, s) for s, _, end in spans if end and end < now]
        last = max(ended, key=lambda pair: pair[0])[1] if ended else None
        return {"items": sprints, "total": len(sprints), "current": current, "last": last}


class ActiveTimers:
    def __init__(self, runner: RowRunner, clock: Clock) -> None:
        self._runner = runner
        self._clock = clock

    async def __call__(self, arguments: BaseModel, invocation: Invocation) -> Any:
        statuses = await self._runner.all_items(TIMERS, {}, invocation)
        logs = [s["lastLog"] for s in statuses if s.get("running") and isinstance(s.get("lastLog"), dict)]
        team_id = getattr(arguments, "teamId", None)
        if team_id:
            members = {m["employeeId"] for m in (await find_team(self._runner, team_id, invocation))["members"]}
            logs = [log for log in logs if log.get("employeeId") in members]
        timers = [self._timer(log) for log in logs]
        return {"items": timers, "total": len(timers)}

    def _timer(self, log: Row) -> Row:
        started = _moment(log.get("startedAt"))
        minutes = int((self._clock.now() - started).total_seconds() // 60) if started else 0
        project, task = related(log, "project"), related(log, "task")
        return {"employeeId": log.get("employeeId"), "employeeName": person_name(log.get("employee")),
                "since": log.get("startedAt"), "minutes": max(minutes, 0), "projectId": log.get("projectId"),
                "projectName": project.get("name"), "taskId": log.get("taskId"), "taskTitle": task.get("title"),
                "description": log.get("description")}
