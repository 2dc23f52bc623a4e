"""Helpers for use cases that read Gauzy lists: scoping, collecting pages, filtering and
paging locally, and running one call per item with a per-item outcome."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from application.invocation import Invocation
from domain.errors import DomainError
from domain.principal import GauzyCredential

PAGE_SIZE = 100  # the most Gauzy's BaseQueryDTO lets a page hold
MAX_SCANNED = 1000  # a local filter never reads more than this many records

Row = dict[str, Any]


def scope(credential: GauzyCredential) -> dict[str, str]:
    ids = {"tenantId": credential.tenant_id, "organizationId": credential.organization_id}
    return {key: value for key, value in ids.items() if value is not None}


def items_of(answer: Any) -> list[Row]:
    """The records of a list answer: a bare array, or IPagination's {items, total}."""
    if isinstance(answer, list):
        return answer
    if isinstance(answer, Mapping) and isinstance(answer.get("items"), list):
        return list(answer["items"])
    return []


async def collect(fetch: Callable[[int], Awaitable[Any]], *, stop: Callable[[Row], bool] | None = None,
                  limit: int = MAX_SCANNED) -> list[Row]:
    """Pages 1, 2, ... of `fetch(page)` until the route runs out, `stop` holds for the last
    record of a page (the rest are beyond what is wanted), or `limit` records were read."""
    rows: list[Row] = []
    page = 1
    while len(rows) < limit:
        items = items_of(await fetch(page))
        rows.extend(items)
        if len(items) < PAGE_SIZE or (stop is not None and stop(items[-1])):
            break
        page += 1
    return rows[:limit]


def page_of(rows: Sequence[Row], page: int, limit: int) -> dict[str, Any]:
    start = (page - 1) * limit
    return {"items": list(rows[start:start + limit]), "total": len(rows)}


def contains(row: Mapping[str, Any], fields: Iterable[str], text: str) -> bool:
    wanted = text.casefold()
    return any(wanted in str(row.get(name) or "").casefold() for name in fields)


def moment(value: Any) -> datetime | None:
    """A Gauzy timestamp ('2026-03-02T09:00:00.000Z') as an aware datetime (UTC when it has no
    offset), or None."""
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


async def each_item(items: Sequence[Any], run: Callable[[Any], Awaitable[Any]],
                    invocation: Invocation) -> dict[str, Any]:
    """Run `run` per item, reporting progress; a failure is recorded and the rest still run."""
    results: list[dict[str, Any]] = []
    for index, item in enumerate(items):
        try:
            answer = await run(item)
            record_id = answer.get("id") if isinstance(answer, Mapping) else None
            results.append({"index": index, "ok": True, "id": record_id})
        except DomainError as error:
            results.append({"index": index, "ok": False, "error": str(error)})
        await invocation.progress(index + 1, len(items), f"{index + 1} of {len(items)} done")
    succeeded = sum(1 for result in results if result["ok"])
    return {"succeeded": succeeded, "failed": len(results) - succeeded, "results": results}
