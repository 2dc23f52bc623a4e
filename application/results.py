"""Shape what Gauzy answered into what a tool returns."""

from __future__ import annotations

import re
from typing import Any

from application.catalog.model import Shape
from domain.errors import NotFoundError

UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")


def check_deleted(method: str, path: str, answer: Any) -> Any:
    """Gauzy answers a DELETE of an unknown id with `affected: 0`, not 404: say it plainly.
    Some DELETE routes answer 204 with no body: say what was deleted instead of `null`."""
    if method != "DELETE":
        return answer
    if isinstance(answer, dict) and answer.get("affected") == 0:
        raise NotFoundError(f"Nothing was deleted: no record at {path}.", hint="Check the id with a list tool.")
    if answer is None or answer == "":
        ids = UUID.findall(path)
        return {"deleted": True, "id": ids[-1] if ids else None, "path": path}
    return answer


def shape_result(shape: Shape, answer: Any) -> Any:
    if shape is Shape.PAGE:
        if isinstance(answer, list):
            return {"items": summaries(answer), "total": len(answer)}
        if isinstance(answer, dict) and "items" in answer:
            return {"items": summaries(answer["items"]), "total": answer.get("total", len(answer["items"]))}
    if shape is Shape.COUNT:
        if isinstance(answer, int | float):
            return {"count": int(answer)}
        for key in ("count", "total"):
            if isinstance(answer, dict) and key in answer:
                return {"count": int(answer[key])}
    return answer


# The caller's own tenant and organization: the same on every record of a list, so a list leaves them
# out; the record itself (get_<one>) keeps every field.
CONTEXT_KEYS = frozenset({"tenantId", "organizationId"})
NESTED_BOOKKEEPING = CONTEXT_KEYS | {"createdAt", "updatedAt", "deletedAt"}


def summaries(items: Any) -> Any:
    """List items as a model needs them: no nulls, no ids of the caller's own context, and
    related records (the relations asked for, Gauzy's eager ones) without their bookkeeping."""
    if not isinstance(items, list):
        return items
    return [_compact(item, CONTEXT_KEYS) if isinstance(item, dict) else item for item in items]


def _compact(record: dict[str, Any], dropped: frozenset[str]) -> dict[str, Any]:
    return {key: _nested(value) for key, value in record.items() if value is not None and key not in dropped}


def _nested(value: Any) -> Any:
    if isinstance(value, dict):
        return _compact(value, NESTED_BOOKKEEPING)
    if isinstance(value, list):
        return [_nested(item) for item in value]
    return value
