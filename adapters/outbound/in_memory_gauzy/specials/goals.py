"""Goal and key-result routes with behaviour of their own: the `?data=` goal list, and the
key-result routes whose `:id` takes any string (so they answer lists, not one record)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from adapters.outbound.in_memory_gauzy.resources import Handler
from adapters.outbound.in_memory_gauzy.specials.inventory import found
from adapters.outbound.in_memory_gauzy.store import Caller, Store


def every(collection: str) -> Handler:
    """CrudController.findAll reads no query: every row of the tenant, whatever was asked."""

    def handle(store: Store, caller: Caller, params: Mapping[str, str], query: Mapping[str, Any], body: Any) -> Any:
        rows = store.rows(collection, caller)
        return {"items": rows, "total": len(rows)}

    return handle


def listed_by(collection: str, key: str) -> Handler:
    """`GET /:id` answered as findAll({where: {<key>: id}}): a page, empty when nothing matches."""

    def handle(store: Store, caller: Caller, params: Mapping[str, str], query: Mapping[str, Any], body: Any) -> Any:
        rows = [row for row in store.rows(collection, caller) if str(row.get(key)) == params["id"]]
        return {"items": rows, "total": len(rows)}

    return handle


def key_result_listed(store: Store, caller: Caller, params: Mapping[str, str], query: Mapping[str, Any],
                      body: Any) -> Any:
    """KeyResultController.getAll: findAll({where: {id}, relations: ['updates', 'goal', 'lead', 'owner']})."""
    answer = listed_by("key-results", "id")(store, caller, params, query, body)
    goals = {goal["id"]: goal for goal in store.rows("goals", caller)}
    updates = store.rows("key-result-updates", caller)
    items = [row | {"updates": [u for u in updates if u.get("keyResultId") == row["id"]],
                    "goal": goals.get(row.get("goalId"))} for row in answer["items"]]
    return {"items": items, "total": len(items)}


SPECIAL: dict[tuple[str, str], Handler] = {
    ("GET", "/api/goals"): found("goals"),
    ("GET", "/api/key-results"): every("key-results"),
    ("GET", "/api/key-results/:id"): key_result_listed,
    ("GET", "/api/key-result-updates"): every("key-result-updates"),
    ("GET", "/api/key-result-updates/:id"): listed_by("key-result-updates", "keyResultId"),
}
