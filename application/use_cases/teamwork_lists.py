"""Searches and summaries no Gauzy route offers, done over the lists that exist: skill and
comment text search, contact statistics, and report filters."""

from __future__ import annotations

from collections import Counter
from typing import Any

from pydantic import BaseModel

from application.credentials import CredentialKeeper
from application.invocation import Invocation
from application.use_cases.listing import PAGE_SIZE, Row, collect, contains, items_of, moment, page_of, scope
from domain.gauzy import GauzyRequest
from domain.principal import CallerContext


class SearchSkills:
    def __init__(self, keeper: CredentialKeeper) -> None:
        self._keeper = keeper

    async def __call__(self, arguments: BaseModel, invocation: Invocation) -> Any:
        args = arguments.model_dump(exclude_none=True)
        where = scope(await self._keeper.current(invocation.caller))
        skills = await pages(self._keeper, invocation.caller, "/api/skills/pagination", {"where": where})
        found = [skill for skill in skills if contains(skill, ("name", "description"), args["query"])]
        return page_of(found, 1, args["limit"])


class SearchComments:
    def __init__(self, keeper: CredentialKeeper) -> None:
        self._keeper = keeper

    async def __call__(self, arguments: BaseModel, invocation: Invocation) -> Any:
        args = arguments.model_dump(exclude_none=True)
        where = scope(await self._keeper.current(invocation.caller))
        where |= {key: args[key] for key in ("entity", "employeeId") if key in args}
        query = {"where": where, "order": {"createdAt": "DESC"}}
        comments = await pages(self._keeper, invocation.caller, "/api/comment", query, offset=True)
        found = [comment for comment in comments if contains(comment, ("comment",), args["query"])]
        return page_of(found, 1, args["limit"])


class ContactStatistics:
    def __init__(self, keeper: CredentialKeeper) -> None:
        self._keeper = keeper

    async def __call__(self, arguments: BaseModel, invocation: Invocation) -> Any:
        args = arguments.model_dump(exclude_none=True)
        where: dict[str, Any] = scope(await self._keeper.current(invocation.caller))
        where |= {key: args[key] for key in ("organizationId", "tenantId", "contactType") if key in args}
        if "employeeId" in args:
            where["members"] = [args["employeeId"]]
        contacts = await pages(self._keeper, invocation.caller, "/api/organization-contact/pagination",
                               {"where": where})
        low, high = moment(args.get("startDate")), moment(args.get("endDate"))
        contacts = [c for c in contacts if created_between(c, low, high)]
        return {
            "total": len(contacts),
            "byContactType": dict(Counter(str(c.get("contactType") or "unset") for c in contacts)),
            "byInviteStatus": dict(Counter(str(c.get("inviteStatus") or "unset") for c in contacts)),
            "withBudget": sum(1 for c in contacts if c.get("budget")),
        }


class ListReports:
    """GET /api/report returns the whole catalogue with `showInMenu` for the organization;
    text, category and menu filters and paging are applied here."""

    def __init__(self, keeper: CredentialKeeper) -> None:
        self._keeper = keeper

    async def __call__(self, arguments: BaseModel, invocation: Invocation) -> Any:
        args = arguments.model_dump(exclude_none=True)
        query = {**scope(await self._keeper.current(invocation.caller)),
                 "relations": list(dict.fromkeys(["category", *args.get("relations", [])]))}
        reports = items_of(await self._keeper.send(invocation.caller, GauzyRequest("GET", "/api/report", query=query)))
        shown = args.get("showInMenu", args.get("enabled"))
        found = [
            report for report in reports
            if ("search" not in args or contains(report, ("name", "description"), args["search"]))
            and ("category" not in args or contains(report.get("category") or {}, ("name",), args["category"]))
            and (shown is None or bool(report.get("showInMenu")) is shown)
        ]
        return page_of(found, args["page"], args["limit"])


async def pages(keeper: CredentialKeeper, caller: CallerContext, path: str, query: dict[str, Any],
                *, offset: bool = False) -> list[Row]:
    """Every record of a paginated route (up to MAX_SCANNED); `offset` for findAll routes,
    which take `skip` as a record offset rather than a page number."""
    async def fetch(page: int) -> Any:
        skip = (page - 1) * PAGE_SIZE if offset else page
        return await keeper.send(caller, GauzyRequest("GET", path, query={**query, "take": PAGE_SIZE, "skip": skip}))

    return await collect(fetch)


def created_between(record: Row, low: Any, high: Any) -> bool:
    created = moment(record.get("createdAt"))
    if low is None and high is None:
        return True
    return created is not None and (low is None or created >= low) and (high is None or created <= high)
