"""Turn a tool's validated input into a GauzyRequest, following its ResourceCall row."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from application.catalog.model import ContextValue, Paging, ResourceCall, Tenancy
from domain.errors import InvalidInputError
from domain.gauzy import GauzyRequest
from domain.principal import GauzyCredential

PAGING_FIELDS = ("page", "limit")
SPECIAL_FIELDS = (*PAGING_FIELDS, "relations", "orderBy", "order")


def build_request(
    call: ResourceCall, arguments: Mapping[str, Any], credential: GauzyCredential, *, idempotent: bool | None = None
) -> GauzyRequest:
    values = _with_defaults(call.defaults, arguments, credential)
    query: dict[str, Any] = {}
    for field, key in call.where.items():
        if values.get(field) is not None:
            _put(query.setdefault("where", {}), key, values[field])
    for field, key in call.query.items():
        if values.get(field) is not None:
            _put(query, key, values[field])
    _add_paging(call, values, query)
    body = _body(call, values, credential)
    _add_tenancy(call.tenancy, credential, query, body)
    return GauzyRequest(
        method=call.method,
        path=_fill_path(call, values),
        query=query,
        body=body,
        query_style=call.query_style,
        idempotent=idempotent,
    )


def context_value(value: Any, credential: GauzyCredential) -> Any:
    if not isinstance(value, ContextValue):
        return value
    resolved = getattr(credential, value.value)
    if resolved is None:
        raise InvalidInputError([f"{value.value}: the signed-in Gauzy user has none; pass it explicitly"])
    return resolved


def _with_defaults(
    defaults: Mapping[str, Any], arguments: Mapping[str, Any], credential: GauzyCredential
) -> dict[str, Any]:
    values = dict(arguments)
    for field, default in defaults.items():
        if values.get(field) is None:
            values[field] = context_value(default, credential)
    return values


def _fill_path(call: ResourceCall, values: Mapping[str, Any]) -> str:
    path = call.path
    for name in call.placeholders:
        if values.get(name) is None:
            raise InvalidInputError([f"{name}: required"])
        path = path.replace("{" + name + "}", str(values[name]))
    return path


def _add_paging(call: ResourceCall, values: Mapping[str, Any], query: dict[str, Any]) -> None:
    if call.paging is not None and values.get("limit") is not None:
        limit = int(values["limit"])
        page = int(values.get("page") or 1)
        query["take"] = limit
        query["skip"] = page if call.paging is Paging.PAGE_NUMBER else (page - 1) * limit
    if relations := [name for name in values.get("relations") or () if name]:  # "" asks for nothing
        query["relations"] = relations
    if values.get("orderBy"):
        query["order"] = {values["orderBy"]: values.get("order") or "DESC"}


def _body(call: ResourceCall, values: Mapping[str, Any], credential: GauzyCredential) -> Any:
    if call.body_from is None and not call.body and call.method in ("GET", "DELETE"):
        return None
    if call.body_from is not None and isinstance(values.get(call.body_from), list):
        return list(values[call.body_from])  # a JSON array body (routes behind BulkBodyLoadTransformPipe)
    body: dict[str, Any] = {}
    if call.body_from is not None:
        body.update(values.get(call.body_from) or {})
    for field, key in call.body.items():
        if values.get(field) is not None:
            _put(body, key, values[field])
    for key, default in call.body_defaults.items():
        if body.get(key) is None:
            body[key] = context_value(default, credential)
    return body


def _add_tenancy(
    tenancy: Tenancy, credential: GauzyCredential, query: dict[str, Any], body: Any
) -> None:
    ids = {"tenantId": credential.tenant_id, "organizationId": credential.organization_id}
    ids = {k: v for k, v in ids.items() if v is not None}
    if tenancy is Tenancy.WHERE:
        query.setdefault("where", {}).update(ids)
    elif tenancy is Tenancy.QUERY:
        query.update(ids)
    elif tenancy is Tenancy.DATA:
        query.setdefault("findInput", {}).update(ids)
    elif tenancy is Tenancy.BODY and isinstance(body, dict):
        body.update(ids)


def _put(target: dict[str, Any], dotted_key: str, value: Any) -> None:
    """Place `value` at a dotted key; `*` merges a mapping in place, a `[]` suffix wraps
    a single value in a list (`projectId` → `addedProjectIds: [id]`)."""
    if dotted_key == "*":
        target.update(value)
        return
    *parents, last = dotted_key.split(".")
    for part in parents:
        target = target.setdefault(part, {})
    if last.endswith("[]"):
        last, value = last[:-2], value if isinstance(value, list) else [value]
    target[last] = value


def current_record_request(update: GauzyRequest, credential: GauzyCredential) -> GauzyRequest:
    """The GET of the record an update targets (same path), scoped to the caller's organization."""
    query: dict[str, Any] = {}
    _add_tenancy(Tenancy.WHERE, credential, query, None)
    return GauzyRequest(method="GET", path=update.path, query=query)


def merge_missing(update: GauzyRequest, current: Any, keys: tuple[str, ...]) -> GauzyRequest:
    """Fill `keys` the update's body lacks from the current record: some Gauzy update DTOs
    require fields (a task's title and status) that a partial update would not send."""
    if not isinstance(current, dict):
        return update
    body = dict(update.body or {})
    for key in keys:
        if body.get(key) is None and current.get(key) is not None:
            body[key] = current[key]
    return replace(update, body=body)
