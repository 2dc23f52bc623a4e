"""TenantPermissionGuard / TenantBaseGuard.

Facts: contracts ``tenancy.tenantPermissionGuard.rules`` (in order) and ``tenancy.bodylessWrites``:

1. header ``tenant-id`` present AND the raw header name is exactly ``tenant-id`` or ``Tenant-Id``:
   allowed iff it equals the JWT tenant; query and body are then not inspected;
2. GET/DELETE: a top-level ``tenantId`` query key decides (``where[tenantId]`` does not count);
3. GET/DELETE: else ``?data=<JSON>`` with ``findInput.tenantId`` decides; JSON without it, or
   non-JSON data, denies;
4. POST/PUT/PATCH: ``body.tenantId``, else ``body.tenant.id`` must equal the JWT tenant; a JSON
   body lacking both denies; no parsed body at all makes the guard throw (500);
5. anything else denies -> 403 ``Forbidden resource``.

``publicShortcut``: TenantPermissionGuard lets ``@Public()`` routes through; ``noTenantInToken``: a
user without tenant is denied. Only routes listing one of these guards are checked.
"""

from __future__ import annotations

import json
from typing import Any

from . import errors
from .routes import Route

_NO_BODY = object()
NO_BODY: Any = _NO_BODY


def _header_tenant(raw_headers: list[tuple[str, str]]) -> str | None:
    """Value of ``tenant-id`` if one of the raw names is spelled ``tenant-id`` or ``Tenant-Id``."""
    value: str | None = None
    exact = False
    for name, header_value in raw_headers:
        if name.lower() == "tenant-id":
            value = header_value if value is None else f"{value}, {header_value}"
            exact = exact or name in ("tenant-id", "Tenant-Id")
    return value if (value and exact) else None


def _data_tenant(data: Any) -> tuple[bool, Any]:
    if not isinstance(data, str):
        return False, None
    try:
        parsed = json.loads(data)
    except ValueError:
        return False, None
    if isinstance(parsed, dict) and isinstance(parsed.get("findInput"), dict) and "tenantId" in parsed["findInput"]:
        return True, parsed["findInput"]["tenantId"]
    return False, None


def check_tenant(
    route: Route,
    method: str,
    raw_headers: list[tuple[str, str]],
    query: dict[str, Any],
    body: Any,
    tenant_id: str | None,
) -> None:
    """Raise 403 (or 500) when the tenant guard of ``route`` denies the request."""
    if not route.tenant_guarded or method == "OPTIONS":
        return
    if route.public and "TenantPermissionGuard" in route.guards:
        return
    if not tenant_id:
        raise errors.forbidden()
    header = _header_tenant(raw_headers)
    if header is not None:
        if header != tenant_id:
            raise errors.forbidden()
        return
    allowed = False
    if method in ("GET", "DELETE"):
        if "tenantId" in query:
            allowed = query["tenantId"] == tenant_id
        elif "data" in query:
            found, value = _data_tenant(query["data"])
            allowed = found and value == tenant_id
    if method in ("POST", "PUT", "PATCH"):
        if body is _NO_BODY or not isinstance(body, dict | list):
            raise errors.internal_error()
        candidate: Any = None
        if isinstance(body, dict):
            if "tenantId" in body:
                candidate = body["tenantId"]
            elif "tenant" in body:
                tenant = body["tenant"]
                if tenant is None:
                    raise errors.internal_error()  # body.tenant.id on null throws in the guard
                candidate = tenant.get("id") if isinstance(tenant, dict) else None
        allowed = candidate == tenant_id
    if not allowed:
        raise errors.forbidden()
