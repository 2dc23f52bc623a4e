"""A tool is a row: this module defines the row and the ways a row can be run."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from pydantic import BaseModel

from domain.gauzy import QueryStyle


class Effect(StrEnum):
    """What calling the tool does to Gauzy; drives MCP annotations and the OAuth scope."""

    READ = "read"
    WRITE = "write"
    DESTRUCTIVE = "destructive"


class Scope(StrEnum):
    READ = "mcp.read"
    WRITE = "mcp.write"
    ADMIN = "mcp.admin"


class Tenancy(StrEnum):
    """Where a route expects the caller's tenant and organization ids, besides the
    `Tenant-Id` header every call carries (gauzy-contracts `tenancy`)."""

    WHERE = "where"  # where[organizationId] / where[tenantId]  (BaseQueryDTO routes)
    QUERY = "query"  # ?organizationId=&tenantId=             (flat-dto routes)
    BODY = "body"  # body.organizationId / body.tenantId      (TenantOrganizationBaseDTO bodies)
    DATA = "data"  # ?data={"findInput": {...}}                (data-json routes)
    NONE = "none"


class Shape(StrEnum):
    """How the route's answer is turned into the tool's result."""

    PAGE = "page"  # {items, total}; a bare array is wrapped
    COUNT = "count"  # a bare number becomes {count}
    OBJECT = "object"
    RAW = "raw"


class Paging(StrEnum):
    """CrudService.paginate treats `skip` as a 1-based page; findAll passes it as an offset."""

    PAGE_NUMBER = "page-number"
    OFFSET = "offset"


class ContextValue(StrEnum):
    """A value taken from the caller's Gauzy credential instead of the model's input."""

    TENANT_ID = "tenant_id"
    ORGANIZATION_ID = "organization_id"
    EMPLOYEE_ID = "employee_id"
    USER_ID = "user_id"


PLACEHOLDER = re.compile(r"{(\w+)}")


@dataclass(frozen=True)
class ResourceCall:
    """One Gauzy route and how a tool's validated input maps onto it.

    `where`, `query` and `body` map input field names to API keys (dotted for nesting:
    `"employeeId": "members.id"` becomes `where[members][id]`). With `body_from`, that
    input field (an object, or a list for a route that takes a JSON array) is the body.
    `defaults` fill absent input fields, from a constant or a `ContextValue`; path
    placeholders `{name}` come from input or defaults.
    """

    method: str
    path: str
    shape: Shape = Shape.OBJECT
    tenancy: Tenancy = Tenancy.NONE
    where: Mapping[str, str] = field(default_factory=dict)
    query: Mapping[str, str] = field(default_factory=dict)
    body: Mapping[str, str] = field(default_factory=dict)
    body_from: str | None = None
    defaults: Mapping[str, Any] = field(default_factory=dict)
    body_defaults: Mapping[str, Any] = field(default_factory=dict)
    paging: Paging | None = Paging.PAGE_NUMBER  # None: the route takes no take/skip
    merge_current: tuple[str, ...] = ()  # copied from the current record when absent (full-DTO PUTs)
    # Answer with the record as stored (a GET of the same path after the write): some Gauzy
    # PUTs answer the body they were sent, with every field it left out shown as null.
    answer_stored: bool = False
    query_style: QueryStyle = QueryStyle.BRACKETS

    @property
    def placeholders(self) -> tuple[str, ...]:
        return tuple(PLACEHOLDER.findall(self.path))

    @property
    def route(self) -> str:
        """The route as gauzy-api-routes.json spells it (`/api/tasks/:id`)."""
        return self.method + " " + PLACEHOLDER.sub(r":\1", self.path)


@dataclass(frozen=True)
class BulkCall:
    """Run `item` once per element of the input list `items_field`, reporting progress and a
    per-item outcome, so a partial failure loses nothing (Gauzy has no bulk routes)."""

    item: ResourceCall
    items_field: str
    item_as: str | None = None  # pass each item as this input field (e.g. the create call's body_from)


@dataclass(frozen=True)
class UseCaseCall:
    """Run the named hand-written use case (login, reports, ...)."""

    name: str
    routes: tuple[str, ...] = ()  # Gauzy routes it may call, for the route-existence test


Operation = ResourceCall | BulkCall | UseCaseCall


@dataclass(frozen=True)
class ToolSpec:
    """One tool: everything `tools/list` shows and everything `tools/call` needs."""

    name: str
    title: str
    description: str
    toolset: str
    input_model: type[BaseModel]
    effect: Effect
    operation: Operation
    output_model: type[BaseModel] | None = None
    idempotent: bool = False
    admin: bool = False

    @property
    def scope(self) -> Scope:
        if self.admin:
            return Scope.ADMIN
        return Scope.READ if self.effect is Effect.READ else Scope.WRITE

    @property
    def read_only(self) -> bool:
        return self.effect is Effect.READ

    def routes(self) -> tuple[str, ...]:
        op = self.operation
        if isinstance(op, ResourceCall):
            return (op.route,)
        if isinstance(op, BulkCall):
            return (op.item.route,)
        return op.routes
