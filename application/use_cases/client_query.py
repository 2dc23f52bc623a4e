"""Run a tool's `ClientQuery`: fetch the rows a route returns, then filter, page, count,
pick or summarise them here (see application/catalog/client_query.py for why)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from pydantic import BaseModel

from application.catalog.client_query import ClientQuery, Result
from application.credentials import CredentialKeeper
from application.invocation import Invocation
from application.requests import build_request, context_value
from application.use_cases.declared import declared
from domain.errors import NotFoundError
from domain.principal import GauzyCredential

Row = dict[str, Any]


class RunClientQuery:
    def __init__(self, keeper: CredentialKeeper) -> None:
        self._keeper = keeper

    async def __call__(self, arguments: BaseModel, invocation: Invocation) -> Any:
        spec = declared(arguments, "client_query", ClientQuery)
        values = arguments.model_dump(exclude_none=True)
        credential = await self._keeper.current(invocation.caller)
        rows = await self.rows(spec, values, credential, invocation)
        kept = [row for row in rows if keeps(spec, values, credential, row)]
        return answer(spec, values, kept)

    async def rows(self, spec: ClientQuery, values: Mapping[str, Any], credential: GauzyCredential,
                   invocation: Invocation) -> list[Row]:
        sent = {key: value for key, value in values.items() if key not in spec.consumed}
        request = build_request(spec.call, sent, credential)
        rows = items_of(await self._keeper.send(invocation.caller, request))
        if spec.language_field is None:
            return rows
        return [translated(row, values.get(spec.language_field)) for row in rows]


def items_of(answer: Any) -> list[Row]:
    """Gauzy lists come as {items, total} or as a bare array."""
    items = answer.get("items", []) if isinstance(answer, dict) else answer
    return [row for row in items or [] if isinstance(row, dict)]


def translated(row: Row, language: str | None) -> Row:
    """Gauzy's `translate`: the named language's name and description, else the first translation's."""
    options = [t for t in row.get("translations") or [] if isinstance(t, dict)]
    chosen = next((t for t in options if t.get("languageCode") == language), None)
    if chosen is None and (language is not None or not row.get("name")):
        chosen = options[0] if options else None
    if chosen is None:
        return row
    return row | {key: chosen[key] for key in ("name", "description") if chosen.get(key) is not None}


def keeps(spec: ClientQuery, values: Mapping[str, Any], credential: GauzyCredential, row: Row) -> bool:
    wanted = {key: values[field] for field, key in spec.equals.items() if values.get(field) is not None}
    wanted |= dict(spec.fixed) | {key: context_value(v, credential) for key, v in spec.mine.items()}
    if not all(has(row, key, value) for key, value in wanted.items()):
        return False
    text = values.get(spec.search_field)
    if text and not any(str(text).lower() in str(row.get(key) or "").lower() for key in spec.search):
        return False
    return in_range(row.get(spec.date_key), values.get("startDate"), values.get("endDate"))


def has(row: Any, dotted_key: str, wanted: Any) -> bool:
    """Equality at a dotted key; a list on the way matches when any element does."""
    if isinstance(row, list):
        return any(has(item, dotted_key, wanted) for item in row)
    head, _, rest = dotted_key.partition(".")
    value = row.get(head) if isinstance(row, dict) else None
    if rest:
        return has(value, rest, wanted)
    if isinstance(value, list):
        return any(_same(item, wanted) for item in value)
    return _same(value, wanted)


def _same(value: Any, wanted: Any) -> bool:
    if isinstance(value, bool) or isinstance(wanted, bool):
        return str(value).lower() == str(wanted).lower()
    return value == wanted or (value is not None and str(value) == str(wanted))


def in_range(stamp: Any, start: str | None, end: str | None) -> bool:
    if start is None and end is None:
        return True
    moment, low, high = _moment(stamp), _moment(start), _moment(end)
    if moment is None:
        return False
    return (low is None or moment >= low) and (high is None or moment <= high)


def _moment(value: Any) -> datetime | None:
    if value is None:
        return None
    try:
        parsed = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def answer(spec: ClientQuery, values: Mapping[str, Any], rows: list[Row]) -> Any:
    if spec.result is Result.COUNT:
        return {"count": len(rows)}
    if spec.result is Result.FIRST:
        if not rows:
            raise NotFoundError(f"No {spec.noun} was found.", hint="Check it, or list them first.")
        return rows[0]
    if spec.result is Result.SUMMARY:
        return summary(spec, values.get("groupBy"), rows)
    limit = int(values.get("limit") or 10)
    start = (int(values.get("page") or 1) - 1) * limit
    return {"items": rows[start:start + limit], "total": len(rows)}


def summary(spec: ClientQuery, only: str | None, rows: list[Row]) -> dict[str, Any]:
    groups = {name: key for name, key in spec.groups.items() if only in (None, name)}
    result: dict[str, Any] = {"total": len(rows), "groups": {name: tally(rows, key) for name, key in groups.items()}}
    for key in spec.averages:
        numbers = [float(row[key]) for row in rows if isinstance(row.get(key), int | float)]
        result[f"average_{key}"] = round(sum(numbers) / len(numbers), 2) if numbers else None
    return result


def tally(rows: list[Row], key: str) -> dict[str, int]:
    counts: Counter[str] = Counter()
    for row in rows:
        value = row.get(key)
        for item in value if isinstance(value, list) else [value]:
            counts["none" if item is None or item == "" else str(item)] += 1
    return dict(counts)
