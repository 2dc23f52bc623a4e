"""Time off beyond one route: policy updates (Gauzy replaces the whole policy), and the days
taken per policy or per group, counted from the requests."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from pydantic import BaseModel

from application.credentials import CredentialKeeper
from application.invocation import Invocation
from application.use_cases.listing import Row, items_of, moment, scope
from application.use_cases.time_off_requests import fetch_requests, overlaps
from domain.errors import InvalidInputError, NotFoundError
from domain.gauzy import GauzyRequest
from domain.ports import Clock
from domain.principal import CallerContext

POLICIES = "/api/time-off-policy"
NO_ALLOWANCE = "Gauzy policies carry no allowance: these are calendar days taken, not days left."


class ReplaceTimeOffPolicy:
    """Gauzy's policy PUT rebuilds the policy from the body alone (name, paid,
    requiresApproval, employee ids), so what the caller leaves out is copied from the
    current policy; with `add_members` the given employees join the current ones."""

    def __init__(self, keeper: CredentialKeeper, *, add_members: bool) -> None:
        self._keeper = keeper
        self._add_members = add_members

    async def __call__(self, arguments: BaseModel, invocation: Invocation) -> Any:
        args = arguments.model_dump(exclude_none=True)
        policy_id = args.get("policyId") or args["id"]
        ids = scope(await self._keeper.current(invocation.caller))
        current = await self._current(invocation.caller, policy_id, ids)
        members = [employee["id"] for employee in current.get("employees") or []]
        if self._add_members:
            changes = {"employees": list(dict.fromkeys([*members, *args["employeeIds"]]))}
        else:
            changes = args.get("policy_data", {})
        kept = {key: current.get(key) for key in ("name", "requiresApproval", "paid")}
        body = {**kept, "employees": members, **changes, **ids}
        return await self._keeper.send(invocation.caller, GauzyRequest("PUT", f"{POLICIES}/{policy_id}", body=body))

    async def _current(self, caller: CallerContext, policy_id: str, ids: dict[str, str]) -> Row:
        query = {"where": {**ids, "id": policy_id}, "relations": ["employees"], "take": 1, "skip": 1}
        found = items_of(await self._keeper.send(caller, GauzyRequest("GET", f"{POLICIES}/pagination", query=query)))
        if not found:
            raise NotFoundError(f"No time-off policy {policy_id} in your organization.",
                                hint="List them with get_time_off_policies.")
        return found[0]


async def requests_in(keeper: CredentialKeeper, caller: CallerContext, employee_id: str | None,
                      low: datetime | None, high: datetime | None, policy_id: str | None) -> list[Row]:
    """The non-archived requests meeting [low, high], of one employee and policy when given."""
    return [r for r in await fetch_requests(keeper, caller, employee_id)
            if not r.get("isArchived") and overlaps(r, low, high) and policy_id in (None, r.get("policyId"))]


def days_off(request: Row, low: datetime | None = None, high: datetime | None = None) -> int:
    """Calendar days of a request, both ends included, clipped to [low, high]."""
    start, end = moment(request.get("start")), moment(request.get("end"))
    if start is None or end is None:
        return 0
    start, end = max(start, low) if low else start, min(end, high) if high else end
    return max((end.date() - start.date()).days + 1, 0)


class TimeOffBalance:
    def __init__(self, keeper: CredentialKeeper, clock: Clock, *, mine: bool) -> None:
        self._keeper = keeper
        self._clock = clock
        self._mine = mine

    async def __call__(self, arguments: BaseModel, invocation: Invocation) -> Any:
        args = arguments.model_dump(exclude_none=True)
        credential = await self._keeper.current(invocation.caller)
        employee_id = credential.employee_id if self._mine else args["employeeId"]
        if employee_id is None:
            raise InvalidInputError(["the signed-in user is not an employee; use get_time_off_balance"])
        year = int(args.get("year") or self._clock.now().year)
        low, high = datetime(year, 1, 1, tzinfo=UTC), datetime(year, 12, 31, 23, 59, 59, tzinfo=UTC)
        requests = await requests_in(self._keeper, invocation.caller, employee_id, low, high, args.get("policyId"))
        return {"employeeId": employee_id, "year": year, "policies": per_policy(requests, low, high),
                "note": NO_ALLOWANCE}


def per_policy(requests: Iterable[Row], low: datetime, high: datetime) -> list[dict[str, Any]]:
    policies: dict[str, dict[str, Any]] = {}
    for request in requests:
        policy = request.get("policy") or {}
        entry = policies.setdefault(str(request.get("policyId")), {
            "policyId": request.get("policyId"), "policyName": policy.get("name"), "paid": policy.get("paid"),
            "approvedDays": 0, "pendingDays": 0, "deniedDays": 0, "requests": 0})
        key = {"APPROVED": "approvedDays", "REQUESTED": "pendingDays", "DENIED": "deniedDays"}.get(
            str(request.get("status")))
        entry["requests"] += 1
        if key:
            entry[key] += days_off(request, low, high)
    return list(policies.values())


class TimeOffStatistics:
    def __init__(self, keeper: CredentialKeeper) -> None:
        self._keeper = keeper

    async def __call__(self, arguments: BaseModel, invocation: Invocation) -> Any:
        args = arguments.model_dump(exclude_none=True)
        requests = await requests_in(self._keeper, invocation.caller, args.get("employeeId"),
                                     moment(args.get("startDate")), moment(args.get("endDate")), args.get("policyId"))
        groups: dict[str, dict[str, Any]] = {}
        for request in requests:
            for key, name in group_keys(request, args["groupBy"]):
                group = groups.setdefault(key, {"key": key, "name": name, "requests": 0, "days": 0})
                group["requests"] += 1
                group["days"] += days_off(request)
        return {"groupBy": args["groupBy"], "requests": len(requests),
                "days": sum(days_off(r) for r in requests), "groups": list(groups.values())}


def group_keys(request: Row, group_by: str) -> list[tuple[str, str | None]]:
    if group_by == "employee":
        return [(employee["id"], full_name(employee)) for employee in request.get("employees") or []]
    if group_by == "policy":
        return [(str(request.get("policyId")), (request.get("policy") or {}).get("name"))]
    if group_by == "month":
        return [(str(request.get("start"))[:7], None)]
    return [(str(request.get("status")), None)]


def full_name(employee: Row) -> str | None:
    user = employee.get("user") or {}
    return " ".join(part for part in (user.get("firstName"), user.get("lastName")) if part) or None
