"""Small rules the teamwork specials share: query values as Gauzy reads them, substring
matching, timestamps, and loading the relations a list asked for."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from typing import Any

from adapters.outbound.in_memory_gauzy.store import Caller, Store
from domain.errors import GauzyValidationError


def truthy(value: Any) -> bool:
    """Query values arrive as strings ('true'); Gauzy JSON-parses them."""
    return value is True or str(value).lower() == "true"


def listed(value: Any) -> list[str]:
    if value is None or value == "":
        return []
    return [str(item) for item in value] if isinstance(value, list | tuple) else [str(value)]


def like(value: Any, pattern: Any) -> bool:
    """SQL `LIKE %pattern%`, case-insensitive as Gauzy's LIKE_OPERATOR is on PostgreSQL."""
    return str(pattern).casefold() in str(value or "").casefold()


def moment(value: Any) -> datetime | None:
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        raise GauzyValidationError([f"Invalid date: {value}"]) from None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def employee_of(store: Store, caller: Caller, employee_id: str) -> dict[str, Any]:
    employee = next((e for e in store.rows("employee", caller) if e["id"] == employee_id), None)
    return {"id": employee_id, "user": employee.get("user")} if employee else {"id": employee_id}


def with_relations(store: Store, caller: Caller, rows: Iterable[Mapping[str, Any]],
                   relations: Any, links: Mapping[str, tuple[str, str]]) -> list[dict[str, Any]]:
    """Copies of `rows` with each asked relation in `links` (name -> (id field, collection))
    loaded; employees get their user, like Gauzy's `employees.user` join."""
    wanted = {str(r).split(".")[0] for r in listed(relations)}
    loaded = []
    for row in rows:
        copy = dict(row)
        for name, (id_field, collection) in links.items():
            if name in wanted and copy.get(id_field):
                copy[name] = next((r for r in store.rows(collection, caller) if r["id"] == copy[id_field]), None)
        if "employees" in wanted:
            copy["employees"] = [employee_of(store, caller, e["id"]) for e in copy.get("employees") or []]
        if "employee" in wanted and copy.get("employeeId"):
            copy["employee"] = employee_of(store, caller, copy["employeeId"])
        loaded.append(copy)
    return loaded
