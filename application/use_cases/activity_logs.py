"""Activity logs: `GET /api/activity-log` filters by entity, entity id, action and actor type
only; the reference's other filters (author, employee, dates, text) and its statistics are
applied here, over the newest logs (at most MAX_SCANNED)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from pydantic import BaseModel

from application.credentials import CredentialKeeper
from application.invocation import Invocation
from application.use_cases.listing import PAGE_SIZE, Row, collect, contains, moment, page_of, scope
from domain.gauzy import GauzyRequest
from domain.ports import Clock
from domain.principal import CallerContext

LOGS = "/api/activity-log"
API_FILTERS = ("entity", "entityId", "action", "actorType")
LOCAL_FILTERS = ("createdByUserId", "employeeId", "startDate", "endDate", "query")
SEARCHED = ("description", "entity", "action", "entityId", "updatedFields")
GROUP_KEYS: dict[str, Callable[[Row], str]] = {
    "entity": lambda log: str(log.get("entity")),
    "action": lambda log: str(log.get("action")),
    "user": lambda log: str(log.get("createdByUserId")),
    "date": lambda log: str(log.get("createdAt"))[:10],
    "hour": lambda log: str(log.get("createdAt"))[:13],
}


class FindActivityLogs:
    """One use case for the activity-log tools; `mode` says what to answer:
    "list" ({items, total}), "count", "mine" (logs by the caller), "timeline" (oldest first)
    or "stats" (counts per group)."""

    def __init__(self, keeper: CredentialKeeper, clock: Clock, *, mode: str = "list") -> None:
        self._keeper = keeper
        self._clock = clock
        self._mode = mode

    async def __call__(self, arguments: BaseModel, invocation: Invocation) -> Any:
        args = await self._filters(arguments, invocation.caller)
        api = {key: args[key] for key in API_FILTERS if key in args}
        api |= {"orderBy": args.get("sortBy", "createdAt"), "order": args.get("sortOrder", "DESC")}
        if args.get("relations"):
            api["relations"] = args["relations"]
        if self._mode in ("list", "mine", "count") and not any(key in args for key in LOCAL_FILTERS):
            page = await self._page(invocation.caller, api, {**args, "limit": 1} if self._mode == "count" else args)
            return {"count": page["total"]} if self._mode == "count" else page
        logs = [log for log in await self._scan(invocation.caller, api, args) if matches(log, args)]
        return self._answer(logs, args)

    async def _filters(self, arguments: BaseModel, caller: CallerContext) -> dict[str, Any]:
        args = arguments.model_dump(exclude_none=True)
        credential = await self._keeper.current(caller)
        args |= scope(credential)
        if "userId" in args:
            args["createdByUserId"] = args.pop("userId")
        if self._mode == "mine":
            args["createdByUserId"] = credential.user_id
        if "hours" in args:
            args["startDate"] = (self._clock.now() - timedelta(hours=float(args.pop("hours")))).isoformat()
        return args

    async def _page(self, caller: CallerContext, api: dict[str, Any], args: dict[str, Any]) -> dict[str, Any]:
        query = {**api, **scope_of(args), "take": args.get("limit", 10), "skip": args.get("page", 1)}
        answer = await self._keeper.send(caller, GauzyRequest("GET", LOGS, query=query))
        return {"items": answer.get("items", []), "total": answer.get("total", 0)}

    async def _scan(self, caller: CallerContext, api: dict[str, Any], args: dict[str, Any]) -> list[Row]:
        low = moment(args.get("startDate"))
        newest_first = api["orderBy"] == "createdAt" and str(api["order"]).upper() == "DESC"

        def older_than_wanted(log: Row) -> bool:  # in newest-first order, the rest are older still
            created = moment(log.get("createdAt"))
            return newest_first and low is not None and created is not None and created < low

        async def fetch(page: int) -> Any:
            query = {**api, **scope_of(args), "take": PAGE_SIZE, "skip": page}
            return await self._keeper.send(caller, GauzyRequest("GET", LOGS, query=query))

        return await collect(fetch, stop=older_than_wanted)

    def _answer(self, logs: list[Row], args: dict[str, Any]) -> Any:
        if self._mode == "count":
            return {"count": len(logs)}
        if self._mode == "stats":
            counts = Counter(GROUP_KEYS[args["groupBy"]](log) for log in logs)
            return {"groupBy": args["groupBy"], "total": len(logs),
                    "groups": [{"key": key, "count": count} for key, count in counts.most_common()]}
        if self._mode == "timeline":
            latest = logs[: args["limit"]]
            return {"items": list(reversed(latest)), "total": len(logs)}
        return page_of(logs, int(args.get("page", 1)), int(args.get("limit", 10)))


def scope_of(args: dict[str, Any]) -> dict[str, Any]:
    return {key: args[key] for key in ("tenantId", "organizationId") if key in args}


def matches(log: Row, args: dict[str, Any]) -> bool:
    created = moment(log.get("createdAt"))
    low, high = moment(args.get("startDate")), moment(args.get("endDate"))
    return (
        args.get("createdByUserId") in (None, log.get("createdByUserId"))
        and args.get("employeeId") in (None, log.get("employeeId"))
        and (low is None or (created is not None and created >= low))
        and (high is None or (created is not None and created <= high))
        and ("query" not in args or contains(log, SEARCHED, args["query"]))
    )
