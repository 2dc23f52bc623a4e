"""Rows of each collection, with the filtering, paging and validation rules the real API applies."""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from domain.errors import GauzyValidationError, NotFoundError
from domain.principal import GauzyCredential

SCOPE_KEYS = ("tenantId", "organizationId")


@dataclass
class Caller:
    """The signed-in user a request runs as."""

    credential: GauzyCredential
    organization_ids: frozenset[str]
    now: datetime


def matches(record: Mapping[str, Any], where: Mapping[str, Any]) -> bool:
    """TypeORM-style equality: nested mappings descend; a list field matches if any element does."""
    for key, wanted in where.items():
        value = record.get(key)
        if isinstance(value, list):
            if not any(_matches_one(item, wanted) for item in value):
                return False
        elif not _matches_one(value, wanted):
            return False
    return True


def _matches_one(value: Any, wanted: Any) -> bool:
    if isinstance(wanted, Mapping):
        return isinstance(value, Mapping) and matches(value, wanted)
    if isinstance(value, bool) or isinstance(wanted, bool):
        return str(value).lower() == str(wanted).lower()
    return value == wanted or str(value) == str(wanted)


class Store:
    def __init__(self, collections: Mapping[str, Iterable[dict[str, Any]]]) -> None:
        self._rows: defaultdict[str, dict[str, dict[str, Any]]] = defaultdict(dict)
        for name, rows in collections.items():
            self._rows[name] = {row["id"]: dict(row) for row in rows}

    def rows(self, collection: str, caller: Caller, *, with_deleted: bool = False) -> list[dict[str, Any]]:
        tenant = caller.credential.tenant_id
        return [r for r in self._rows[collection].values()
                if r.get("tenantId") == tenant and (with_deleted or not r.get("deletedAt"))]

    def find(self, collection: str, caller: Caller, where: Mapping[str, Any]) -> list[dict[str, Any]]:
        return [r for r in self.rows(collection, caller) if matches(r, where)]

    def get(self, collection: str, caller: Caller, record_id: str, *, with_deleted: bool = False) -> dict[str, Any]:
        check_uuid(record_id)
        for row in self.rows(collection, caller, with_deleted=with_deleted):
            if row["id"] == record_id:
                return row
        raise NotFoundError("The requested record was not found")

    def insert(self, collection: str, caller: Caller, fields: Mapping[str, Any]) -> dict[str, Any]:
        stamp = caller.now.isoformat()
        row = {"createdAt": stamp, "deletedAt": None, "isActive": True, "isArchived": False, **fields,
               "id": str(uuid.uuid4()), "tenantId": caller.credential.tenant_id, "updatedAt": stamp}
        self._rows[collection][row["id"]] = row
        return row

    def update(self, collection: str, caller: Caller, record_id: str, fields: Mapping[str, Any],
               *, with_deleted: bool = False) -> dict[str, Any]:
        row = self.get(collection, caller, record_id, with_deleted=with_deleted)
        row.update({k: v for k, v in fields.items() if k not in ("id", "tenantId")})
        row["updatedAt"] = caller.now.isoformat()
        return row

    def remove(self, collection: str, caller: Caller, record_id: str) -> int:
        """Delete by id within the caller's tenant; like TypeORM's delete, a missing row is not an
        error: the count of deleted rows (0 or 1) says what happened."""
        check_uuid(record_id)
        row = self._rows[collection].get(record_id)
        if row is None or row.get("tenantId") != caller.credential.tenant_id:
            return 0
        del self._rows[collection][record_id]
        return 1


def check_uuid(value: str) -> None:
    """UUIDValidationPipe: a non-UUID path id is refused with 406 before the handler runs."""
    try:
        uuid.UUID(str(value))
    except ValueError:
        raise GauzyValidationError(["Validation failed (valid uuid is expected)"], status=406) from None


def page(rows: list[dict[str, Any]], query: Mapping[str, Any], *, skip_is_page: bool) -> dict[str, Any]:
    """CrudService.paginate: take defaults to 10 and skip is a 1-based page; findAll takes an offset."""
    default_take = 10 if skip_is_page else len(rows)  # findAll without `take` returns every row
    take = int(query.get("take", default_take))
    skip = int(query.get("skip", 1 if skip_is_page else 0))
    if take > 100 and "take" in query:
        raise GauzyValidationError(["take must not be greater than 100"])
    offset = take * max(skip - 1, 0) if skip_is_page else skip
    ordered = order(rows, query.get("order"))
    return {"items": ordered[offset:offset + take], "total": len(rows)}


def order(rows: list[dict[str, Any]], spec: Any) -> list[dict[str, Any]]:
    if not isinstance(spec, Mapping) or not spec:
        return sorted(rows, key=lambda r: str(r.get("createdAt")), reverse=True)
    key, direction = next(iter(spec.items()))
    return sorted(rows, key=lambda r: str(r.get(key)), reverse=str(direction).upper() == "DESC")


def scoped_where(query: Mapping[str, Any], caller: Caller) -> dict[str, Any]:
    """BaseQueryDTO: `where` is required and must carry an organization the user belongs to."""
    where = dict(query.get("where") or {})
    organization_id = where.get("organizationId")
    if not organization_id:
        raise GauzyValidationError(["where.organizationId must be a UUID", "where should not be empty"])
    check_organization(str(organization_id), caller, field="where.organizationId")
    return where


def check_organization(organization_id: str, caller: Caller, *, field: str = "organizationId") -> None:
    if organization_id not in caller.organization_ids:
        raise GauzyValidationError([f"{field} must belong to the current user's organizations"])


def require(body: Mapping[str, Any], *fields: str) -> None:
    missing = [f"{name} should not be empty" for name in fields if body.get(name) in (None, "")]
    if missing:
        raise GauzyValidationError(missing)


def one_of(body: Mapping[str, Any], field: str, allowed: Iterable[str]) -> None:
    values = tuple(allowed)
    if body.get(field) is not None and body[field] not in values:
        raise GauzyValidationError([f"{field} must be one of the following values: {', '.join(values)}"])
