"""Daily plans beyond one route: creating one needs a team (the employee's first team by
default), removing a task from many plans goes team by team, and statistics are counted."""

from __future__ import annotations

from collections import Counter
from typing import Any

from pydantic import BaseModel

from application.credentials import CredentialKeeper
from application.invocation import Invocation
from application.use_cases.listing import Row, each_item, items_of, moment, scope
from domain.errors import InvalidInputError
from domain.gauzy import GauzyRequest
from domain.ports import Clock
from domain.principal import CallerContext, GauzyCredential

PLANS = "/api/daily-plan"


class CreateDailyPlans:
    """POST /api/daily-plan, filling the employee (the caller) and the team (the employee's
    first team) that CreateDailyPlanDTO requires; with `bulk`, once per plan with progress."""

    def __init__(self, keeper: CredentialKeeper, *, bulk: bool) -> None:
        self._keeper = keeper
        self._bulk = bulk

    async def __call__(self, arguments: BaseModel, invocation: Invocation) -> Any:
        args = arguments.model_dump(exclude_none=True)
        credential = await self._keeper.current(invocation.caller)

        async def create(plan: dict[str, Any]) -> Any:
            return await self._create(plan, credential, invocation.caller)

        if self._bulk:
            return await each_item(args["plans"], create, invocation)
        return await create(args["daily_plan_data"])

    async def _create(self, plan: dict[str, Any], credential: GauzyCredential, caller: CallerContext) -> Any:
        employee_id = plan.get("employeeId") or credential.employee_id
        if employee_id is None:
            raise InvalidInputError(["employeeId: the signed-in user is not an employee; give the plan's employee"])
        team_id = plan.get("organizationTeamId") or await self._first_team(employee_id, credential, caller)
        body = {**plan, "employeeId": employee_id, "organizationTeamId": team_id, **scope(credential)}
        return await self._keeper.send(caller, GauzyRequest("POST", PLANS, body=body))

    async def _first_team(self, employee_id: str, credential: GauzyCredential, caller: CallerContext) -> str:
        query = {"where": {**scope(credential), "members": {"employeeId": employee_id}}, "take": 1, "skip": 0}
        teams = items_of(await self._keeper.send(caller, GauzyRequest("GET", "/api/organization-team", query=query)))
        if not teams:
            raise InvalidInputError([f"organizationTeamId: employee {employee_id} is in no team, and Gauzy files "
                                     "every daily plan under a team; give organizationTeamId"])
        return str(teams[0]["id"])


class RemoveTaskFromPlans:
    """PUT /api/daily-plan/:taskId/remove works within one team and on plans dated today or
    later, so the employee's plans holding the task are found first and sent team by team."""

    def __init__(self, keeper: CredentialKeeper, clock: Clock) -> None:
        self._keeper = keeper
        self._clock = clock

    async def __call__(self, arguments: BaseModel, invocation: Invocation) -> Any:
        args = arguments.model_dump()
        task_id, employee_id = args["taskId"], args["employeeId"]
        ids = scope(await self._keeper.current(invocation.caller))
        query = {"where": ids}
        plans = items_of(await self._keeper.send(
            invocation.caller, GauzyRequest("GET", f"{PLANS}/task/{task_id}", query=query)))
        today = self._clock.now().date()
        by_team: dict[str, list[str]] = {}
        for plan in plans:
            day = moment(plan.get("date"))
            if plan.get("employeeId") == employee_id and day is not None and day.date() >= today:
                by_team.setdefault(str(plan.get("organizationTeamId")), []).append(plan["id"])
        changed: list[Row] = []
        for team_id, plan_ids in by_team.items():
            body = {**ids, "employeeId": employee_id, "organizationTeamId": team_id, "plansIds": plan_ids}
            answer = await self._keeper.send(invocation.caller,
                                             GauzyRequest("PUT", f"{PLANS}/{task_id}/remove", body=body))
            changed.extend(items_of(answer))
        return {"changed": len(changed), "plans": changed}


class DailyPlanStatistics:
    def __init__(self, keeper: CredentialKeeper) -> None:
        self._keeper = keeper

    async def __call__(self, arguments: BaseModel, invocation: Invocation) -> Any:
        args = arguments.model_dump(exclude_none=True)
        where: dict[str, Any] = scope(await self._keeper.current(invocation.caller))
        where |= {key: args[key] for key in ("employeeId", "organizationTeamId") if key in args}
        answer = await self._keeper.send(invocation.caller,
                                         GauzyRequest("GET", PLANS, query={"where": where, "relations": ["tasks"]}))
        low, high = moment(args.get("startDate")), moment(args.get("endDate"))
        plans = [plan for plan in items_of(answer) if in_range(moment(plan.get("date")), low, high)]
        return {
            "plans": len(plans),
            "days": len({str(plan.get("date"))[:10] for plan in plans}),
            "hoursPlanned": sum(float(plan.get("workTimePlanned") or 0) for plan in plans),
            "tasksPlanned": sum(len(plan.get("tasks") or []) for plan in plans),
            "byStatus": dict(Counter(str(plan.get("status")) for plan in plans)),
        }


def in_range(day: Any, low: Any, high: Any) -> bool:
    return day is not None and (low is None or day >= low) and (high is None or day <= high)
