"""Generic resource routes (list, count, get, create, update, delete), parameterised per collection."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from adapters.outbound.in_memory_gauzy.store import (
    Caller,
    Store,
    check_organization,
    page,
    scoped_where,
)
from domain.errors import GauzyValidationError, PermissionDeniedError

Handler = Callable[[Store, Caller, Mapping[str, str], Mapping[str, Any], Any], Any]
Validator = Callable[[Mapping[str, Any]], None]


def no_rules(body: Mapping[str, Any]) -> None:
    """Routes whose body is not validated (interfaces, CrudController)."""


def paginated(collection: str, *, skip_is_page: bool = True, where_from_path: str | None = None) -> Handler:
    def handle(store: Store, caller: Caller, params: Mapping[str, str], query: Mapping[str, Any], body: Any) -> Any:
        where = scoped_where(query, caller)
        if where_from_path:
            where[where_from_path] = {"id": params["id"]} if where_from_path == "members" else params["id"]
        return page(store.find(collection, caller, where), query, skip_is_page=skip_is_page)

    return handle


def counted(collection: str) -> Handler:
    def handle(store: Store, caller: Caller, params: Mapping[str, str], query: Mapping[str, Any], body: Any) -> Any:
        filters = {k: v for k, v in query.items() if k not in ("tenantId",)}
        if "organizationId" not in filters:
            raise GauzyValidationError(["organizationId should not be empty", "organizationId must be a UUID"])
        check_organization(str(filters["organizationId"]), caller)
        return len(store.find(collection, caller, filters))

    return handle


def fetched(collection: str) -> Handler:
    def handle(store: Store, caller: Caller, params: Mapping[str, str], query: Mapping[str, Any], body: Any) -> Any:
        return store.get(collection, caller, params["id"])

    return handle


def created(collection: str, validate: Validator = no_rules) -> Handler:
    def handle(store: Store, caller: Caller, params: Mapping[str, str], query: Mapping[str, Any], body: Any) -> Any:
        fields = dict(body or {})
        _check_body_scope(fields, caller)
        validate(fields)
        return store.insert(collection, caller, fields)

    return handle


def updated(collection: str, validate: Validator = no_rules) -> Handler:
    def handle(store: Store, caller: Caller, params: Mapping[str, str], query: Mapping[str, Any], body: Any) -> Any:
        fields = dict(body or {})
        _check_body_scope(fields, caller)
        validate(fields)
        return store.update(collection, caller, params["id"], fields)

    return handle


def deleted(collection: str) -> Handler:
    def handle(store: Store, caller: Caller, params: Mapping[str, str], query: Mapping[str, Any], body: Any) -> Any:
        return {"raw": [], "affected": store.remove(collection, caller, params["id"])}

    return handle


def soft_deleted(collection: str) -> Handler:
    def handle(store: Store, caller: Caller, params: Mapping[str, str], query: Mapping[str, Any], body: Any) -> Any:
        return store.update(collection, caller, params["id"], {"deletedAt": caller.now.isoformat()})

    return handle


def recovered(collection: str) -> Handler:
    def handle(store: Store, caller: Caller, params: Mapping[str, str], query: Mapping[str, Any], body: Any) -> Any:
        return store.update(collection, caller, params["id"], {"deletedAt": None}, with_deleted=True)

    return handle


def _check_body_scope(fields: dict[str, Any], caller: Caller) -> None:
    """TenantOrganizationBaseDTO: organizationId required and the user's; tenantId must match."""
    if fields.get("tenantId") not in (None, caller.credential.tenant_id):
        raise PermissionDeniedError("Forbidden resource")
    if not fields.get("organizationId"):
        raise GauzyValidationError(["organizationId must be a UUID"])
    check_organization(str(fields["organizationId"]), caller)
