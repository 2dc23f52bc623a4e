"""One request as the handlers see it, the reply they build, and row presentation.

Relations: TypeORM returns relation properties only when asked (``relations[]=project`` or
``relations[project]=true``, contracts ``legend.query.shape``). Rows keep to-many links (``members``,
``teams``, ``tags``, ``modules``) internally; they are shown only when requested, expanded from the
related table where the double has one. To-one relations are resolved from ``<name>Id`` columns.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from .auth import Principal
from .routes import Route
from .store import Store

EMPTY: Any = object()
TO_ONE = {
    "project": "OrganizationProject",
    "employee": "Employee",
    "user": "User",
    "organization": "Organization",
    "task": "Task",
    "tenant": "Tenant",
    "role": "Role",
    "parent": "Task",
    "organizationContact": "OrganizationContact",
    "featuredImage": "ImageAsset",  # products
}
TO_MANY = {"members": "Employee", "teams": None, "tags": None, "modules": None, "tasks": "Task"}  # tasks: daily plans
TO_MANY["gallery"] = "ImageAsset"  # products: product_gallery_item links image assets


@dataclass
class Reply:
    """Status, JSON body (``EMPTY`` for none) and extra headers."""

    status: int
    body: Any = EMPTY
    headers: dict[str, str] = field(default_factory=dict)


@dataclass
class Call:
    """A request that passed routing, guards and pipes."""

    route: Route
    method: str
    path: str
    params: dict[str, str]
    query: dict[str, Any]
    body: Any
    principal: Principal | None
    store: Store
    headers: list[tuple[str, str]] = field(default_factory=list)

    @property
    def tenant_id(self) -> str | None:
        """The JWT tenant (RequestContext.currentTenantId)."""
        return self.principal.tenant_id if self.principal else None

    def with_body(self, body: Any) -> Call:
        """The same call with another body (one item of a bulk body)."""
        return replace(self, body=body)

    def body_dict(self) -> dict[str, Any]:
        """The JSON body when it is an object, else ``{}``."""
        return dict(self.body) if isinstance(self.body, dict) else {}


def relation_names(value: Any) -> list[str]:
    """``relations[]=a``, ``relations[a]=true``, ``"a,b"`` or a list -> top-level relation names."""
    names: list[str] = []
    if isinstance(value, str):
        names = [v.strip() for v in value.split(",") if v.strip()]
    elif isinstance(value, list):
        names = [str(v).strip() for v in value if str(v).strip()]
    elif isinstance(value, dict):
        names = [k for k, v in value.items() if v not in ("false", False)]
    return names


def present(store: Store, row: dict[str, Any], relations: Any = None) -> dict[str, Any]:
    """The row as the API serialises it, with the requested relations loaded."""
    wanted = relation_names(relations)
    heads = {name.split(".")[0] for name in wanted}
    shown = {k: v for k, v in row.items() if not k.startswith("_") and k not in TO_MANY}
    tenant = row.get("tenantId")
    for name in heads:
        if name in TO_MANY and name in row:
            table = TO_MANY[name]
            items = row.get(name) or []
            if table:
                loaded = [store.get(table, item.get("id"), tenant) for item in items if isinstance(item, dict)]
                shown[name] = [item for item in loaded if item is not None] or items
            else:
                shown[name] = items
        elif name in TO_ONE and f"{name}Id" in row:
            shown[name] = store.get(TO_ONE[name], row[f"{name}Id"], tenant)
    return shown


def as_dict(value: Any) -> dict[str, Any]:
    """``value`` when it is a JSON object, else an empty one (query and body parts are untrusted)."""
    return value if isinstance(value, dict) else {}
