"""Listing and counting time-off requests, filtered here.

`GET /api/time-off-request/pagination` fails on current Gauzy: its service passes a `join`
find option, which TypeORM 1.0 rejects, and without it the employee, user and policy filters
name aliases that do not exist (both answer 400). `GET /api/time-off-request?data=` joins
employees, their users and the policy itself and filters by employee, but bounds the start
date with a 12-hour clock ('YYYY-MM-DD hh:mm:ss'), which can drop the afternoon of either end.
So every request of the organization (of one employee, when asked) is read over all time and
the date range, status, archive state and text filters are applied here.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from pydantic import BaseModel

from application.credentials import CredentialKeeper
from application.invocation import Invocation
from application.use_cases.listing import Row, contains, items_of, moment, page_of, scope
from domain.errors import InvalidInputError
from domain.gauzy import GauzyRequest, QueryStyle
from domain.principal import CallerContext

REQUESTS = "/api/time-off-request"
ROUTE_RANGE = {"startDate": "2000-01-01T00:00:00Z", "endDate": "2100-12-31T00:00:00Z"}


async def fetch_requests(keeper: CredentialKeeper, caller: CallerContext, employee_id: str | None = None) -> list[Row]:
    """Every request of the caller's organization (or of one employee), archived ones too,
    each with its policy and its employees (with their users)."""
    find: dict[str, Any] = {**scope(await keeper.current(caller)), **ROUTE_RANGE}
    if employee_id:
        find["employeeId"] = employee_id
    request = GauzyRequest("GET", REQUESTS, query={"findInput": find}, query_style=QueryStyle.DATA_JSON)
    return items_of(await keeper.send(caller, request))


def overlaps(request: Row, low: datetime | None, high: datetime | None) -> bool:
    """Whether the request's days off meet [low, high] (an open end is unbounded)."""
    start, end = moment(request.get("start")), moment(request.get("end")) or moment(request.get("start"))
    if start is None or end is None:
        return False
    return (low is None or end >= low) and (high is None or start <= high)


def employee_names(request: Row) -> list[str]:
    return [str(part) for employee in request.get("employees") or [] for part in
            ((employee.get("user") or {}).get("firstName"), (employee.get("user") or {}).get("lastName")) if part]


def matches(request: Row, wanted: Mapping[str, Any]) -> bool:
    if wanted.get("status") and request.get("status") != wanted["status"]:
        return False
    if bool(request.get("isArchived")) != bool(wanted.get("includeArchived")):
        return False
    if not overlaps(request, moment(wanted.get("startDate")), moment(wanted.get("endDate"))):
        return False
    policy = request.get("policy") or {}
    if wanted.get("policyName") and not contains(policy, ("name",), str(wanted["policyName"])):
        return False
    if wanted.get("employeeName"):
        words = str(wanted["employeeName"]).casefold().split()
        if not any(word in name.casefold() for word in words for name in employee_names(request)):
            return False
    return not wanted.get("search") or contains(request, ("description",), str(wanted["search"]))


class ListTimeOffRequests:
    """A page ({items, total}) or a count of the requests matching the input's filters;
    `mine` pins the employee to the caller's own, `fixed` pins filters (pending: REQUESTED)."""

    def __init__(self, keeper: CredentialKeeper, *, count: bool = False, mine: bool = False,
                 fixed: Mapping[str, Any] | None = None) -> None:
        self._keeper = keeper
        self._count = count
        self._mine = mine
        self._fixed = dict(fixed or {})

    async def __call__(self, arguments: BaseModel, invocation: Invocation) -> Any:
        wanted = {**arguments.model_dump(exclude_none=True), **self._fixed}
        employee_id = wanted.get("employeeId")
        if self._mine:
            employee_id = (await self._keeper.current(invocation.caller)).employee_id
            if employee_id is None:
                raise InvalidInputError(["the signed-in user is not an employee; use get_time_off_requests"])
        requests = [r for r in await fetch_requests(self._keeper, invocation.caller, employee_id) if matches(r, wanted)]
        requests.sort(key=lambda r: str(r.get("start") or ""), reverse=True)
        if self._count:
            return {"count": len(requests)}
        return page_of(requests, int(wanted.get("page") or 1), int(wanted.get("limit") or 10))
