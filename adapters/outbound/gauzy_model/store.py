"""The in-memory tables and the TypeORM-like find options the double applies to them.

Facts: contracts ``serverSideTenantScoping`` (TenantAwareCrudService adds the JWT tenant to every
``where`` and forces it on create), ``legend.query.shape`` (``where[field]=v``, ``where[rel][id]=v``,
``order[field]=ASC|DESC``, ``withDeleted=true``) and ``legend.paginationSemantics``
(``CrudService.paginate``: ``take`` defaults to 10 and ``skip`` is a 1-based page; ``findAll``
passes skip/take through as an offset/limit). Base entity columns (``id``, ``createdAt``,
``updatedAt``, ``deletedAt``, ``isActive``, ``isArchived``, ``archivedAt``, ``tenantId``) come from
contracts ``entities`` (BaseEntity, SoftDeletableBaseEntity, TenantBaseEntity).
"""

from __future__ import annotations

import copy
import threading
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any


def iso(moment: datetime | None = None) -> str:
    """``Date.prototype.toJSON``: ``2024-05-01T12:34:56.789Z``."""
    moment = moment or datetime.now(UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def parse_iso(text: Any) -> datetime | None:
    """Parse an ISO-8601 string (``Z`` allowed); None when it is not one."""
    if not isinstance(text, str) or not text:
        return None
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def new_id() -> str:
    """A fresh UUID v4 string."""
    return str(uuid.uuid4())


class Store:
    """Tables keyed by entity / controller name; rows are plain JSON-ready dicts."""

    def __init__(self) -> None:
        self._tables: dict[str, dict[str, dict[str, Any]]] = {}
        self.lock = threading.RLock()

    def insert(self, table: str, row: dict[str, Any]) -> dict[str, Any]:
        """Store ``row`` with base-entity columns filled; return a copy."""
        stamp = iso()
        full = {
            "id": new_id(),
            "createdAt": stamp,
            "updatedAt": stamp,
            "deletedAt": None,
            "isActive": True,
            "isArchived": False,
            "archivedAt": None,
            **row,
        }
        with self.lock:
            self._tables.setdefault(table, {})[str(full["id"])] = full
        return copy.deepcopy(full)

    def get(self, table: str, row_id: Any, tenant_id: str | None = None, with_deleted: bool = False) -> Any:
        """One row (a copy) by id, scoped to ``tenant_id`` when given; None when absent."""
        with self.lock:
            row = self._tables.get(table, {}).get(str(row_id))
            if row is None or (tenant_id is not None and row.get("tenantId") not in (tenant_id, None)):
                return None
            if row.get("deletedAt") and not with_deleted:
                return None
            return copy.deepcopy(row)

    def update(self, table: str, row_id: str, changes: dict[str, Any]) -> dict[str, Any] | None:
        """Merge ``changes`` into a row, bump ``updatedAt``; return the new row."""
        with self.lock:
            row = self._tables.get(table, {}).get(row_id)
            if row is None:
                return None
            row.update(changes)
            row["updatedAt"] = iso()
            return copy.deepcopy(row)

    def delete(self, table: str, row_id: str) -> bool:
        """Hard-delete a row; True when it existed."""
        with self.lock:
            return self._tables.get(table, {}).pop(row_id, None) is not None

    def rows(self, table: str) -> list[dict[str, Any]]:
        """Copies of every row of ``table`` in insertion order."""
        with self.lock:
            return copy.deepcopy(list(self._tables.get(table, {}).values()))


def _equal(actual: Any, wanted: Any) -> bool:
    if isinstance(wanted, list):
        return any(_equal(actual, w) for w in wanted)
    if actual is None or wanted is None:
        return actual is None and wanted in (None, "null")
    if isinstance(actual, bool):
        return str(wanted).lower() == str(actual).lower()
    if isinstance(actual, int | float) and not isinstance(wanted, bool):
        try:
            return float(wanted) == float(actual)
        except (TypeError, ValueError):
            return False
    if str(actual) != str(wanted) and _is_timestamp(actual):
        moments = parse_iso(actual), parse_iso(wanted)  # PostgreSQL casts the text parameter to the column's type
        return None not in moments and moments[0] == moments[1]
    return str(actual) == str(wanted)


def _is_timestamp(value: Any) -> bool:
    return isinstance(value, str) and len(value) >= 10 and value[4:5] == "-" and parse_iso(value) is not None


def matches(row: dict[str, Any], where: dict[str, Any]) -> bool:
    """TypeORM-style equality ``where`` (nested objects for relations, lists as IN)."""
    for key, wanted in where.items():
        actual = row.get(key)
        if isinstance(wanted, dict):
            if isinstance(actual, dict):
                if not matches(actual, wanted):
                    return False
            elif isinstance(actual, list):
                if not any(isinstance(item, dict) and matches(item, wanted) for item in actual):
                    return False
            elif set(wanted) == {"id"} and f"{key}Id" in row:
                if not _equal(row.get(f"{key}Id"), wanted["id"]):
                    return False
            elif wanted:
                return False
        elif not _equal(actual, wanted):
            return False
    return True


def _sort_key(value: Any) -> tuple[int, int, Any]:
    if value is None:
        return (1, 0, "")
    if isinstance(value, bool | int | float):
        return (0, 0, float(value))
    return (0, 1, str(value))


def _column_key(name: str) -> Callable[[dict[str, Any]], tuple[int, int, Any]]:
    def key(row: dict[str, Any]) -> tuple[int, int, Any]:
        return _sort_key(row.get(name))

    return key


def apply_order(rows: list[dict[str, Any]], order: Any) -> list[dict[str, Any]]:
    """``order[field]=ASC|DESC`` (top-level fields; NULLS LAST like PostgreSQL ASC)."""
    if not isinstance(order, dict):
        return rows
    for name, direction in reversed(list(order.items())):
        if isinstance(direction, dict):
            continue
        descending = str(direction).upper() in ("DESC", "-1")
        rows = sorted(rows, key=_column_key(str(name)), reverse=descending)  # DESC puts NULLs first, as PG
    return rows


def select(
    rows: list[dict[str, Any]], tenant_id: str | None, where: dict[str, Any], with_deleted: bool = False
) -> list[dict[str, Any]]:
    """Rows of the tenant (TenantAwareCrudService) that match ``where``; soft-deleted ones hidden."""
    chosen = []
    for row in rows:
        if tenant_id is not None and row.get("tenantId") != tenant_id:
            continue
        if row.get("deletedAt") and not with_deleted:
            continue
        if matches(row, where):
            chosen.append(row)
    return chosen


def to_int(value: Any) -> int | None:
    """``Number.parseInt`` for take/skip; None when absent or not a number."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int):
        return value
    text = str(value).strip()
    digits = text[1:] if text[:1] in "+-" else text
    head = ""
    for char in digits:
        if not char.isdigit():
            break
        head += char
    return int(text[0] + head) if head and text[:1] == "-" else (int(head) if head else None)


def paginate(rows: list[dict[str, Any]], take: Any, skip: Any, page: bool) -> tuple[list[dict[str, Any]], int]:
    """``page=True``: CrudService.paginate (take default 10, skip = page); else offset/limit as given."""
    total = len(rows)
    take_n, skip_n = to_int(take), to_int(skip)
    if page:
        limit = take_n if take_n else 10
        offset = limit * (skip_n - 1) if skip_n else 0
        return rows[max(offset, 0) : max(offset, 0) + limit], total
    offset = max(skip_n or 0, 0)
    return (rows[offset : offset + take_n] if take_n else rows[offset:]), total  # TypeORM: take 0 = no limit
