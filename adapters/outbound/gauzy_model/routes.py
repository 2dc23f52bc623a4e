"""The route table and its Express-style matcher.

Facts used (shared/reference):

* ``gauzy-api-routes.json``: every route's ``method``, ``path`` (``/api`` prefix, ``:param`` syntax),
  ``controller``, ``handler``, ``order`` (declaration order inside its controller, which Nest uses to
  register Express routes), ``guards``, ``public`` and ``params`` (handler signature).
* ``gauzy-contracts.json`` ``resources[].routes[]``: ``pathParams[].pipes``, ``successStatus``,
  ``returns.shape``, ``query`` and ``body`` for the 39 covered resources.
* ``legend.successStatus``: ``@HttpCode`` else 201 for POST / 200 otherwise; CrudController
  update/delete/soft-delete/recover answer 202.

Matching follows Express: per method, the first registered route whose pattern matches wins; a
``:param`` captures exactly one non-empty path segment (so ``GET /api/tasks/statistics`` is captured by
``GET /api/tasks/:id`` because that one is registered); matching is case-insensitive and tolerates one
trailing slash. Routes of one controller keep their ``order``. The table gives no module order, so
controllers are ranked by how specific their base path is (longest literal prefix first): this is what
makes ``/api/timesheet/time-log`` (TimeLogController) reachable next to ``/api/timesheet/:id``
(TimeSheetController), as it is in the running API.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote

from .reference import Reference

TENANT_GUARDS = frozenset({"TenantPermissionGuard", "TenantBaseGuard"})
CRUD_HANDLERS_202 = frozenset({"update", "delete", "softRemove", "softRecover"})
_PARAM_RE = re.compile(r":([A-Za-z0-9_]+)")
_PARAM_DECORATOR_RE = re.compile(r"@Param\(\s*['\"]([A-Za-z0-9_]+)['\"]\s*(?:,\s*([^)]*))?\)")


@dataclass(frozen=True)
class Route:
    """One API route with the contract facts the double needs."""

    method: str
    path: str
    controller: str
    handler: str
    order: int
    guards: tuple[str, ...]
    public: bool
    inherited: bool
    base_path: str
    collection: str
    resource: str | None
    success_status: int
    shape: str
    param_names: tuple[str, ...]
    param_pipes: dict[str, str] = field(default_factory=dict)
    queries: tuple[dict[str, Any], ...] = ()
    body: dict[str, Any] | None = None
    covered: bool = False
    regex: re.Pattern[str] = field(default=re.compile("$^"), compare=False)

    @property
    def tenant_guarded(self) -> bool:
        """True when TenantPermissionGuard / TenantBaseGuard protect the route (``guards``)."""
        return bool(TENANT_GUARDS.intersection(self.guards))

    @property
    def key(self) -> str:
        """``"METHOD /path"`` as written in the reference."""
        return f"{self.method} {self.path}"


def _compile(path: str) -> tuple[re.Pattern[str], tuple[str, ...]]:
    names: list[str] = []
    parts: list[str] = []
    last = 0
    for match in _PARAM_RE.finditer(path):
        parts.append(re.escape(path[last : match.start()]))
        parts.append("([^/]+)")
        names.append(match.group(1))
        last = match.end()
    parts.append(re.escape(path[last:]))
    return re.compile("^" + "".join(parts) + "/?$", re.IGNORECASE), tuple(names)


def _base_path(paths: list[str]) -> str:
    """Longest common literal prefix (whole segments, stopping at a ``:param``) of a controller."""
    split = [p.strip("/").split("/") for p in paths]
    common: list[str] = []
    for segments in zip(*split, strict=False):
        first = segments[0]
        if first.startswith(":") or any(s != first for s in segments):
            break
        common.append(first)
    return "/" + "/".join(common)


def _param_pipes(raw: dict[str, Any], contract: dict[str, Any] | None) -> dict[str, str]:
    """Pipe kind per path param: ``uuid`` (UUIDValidationPipe: 406) or ``parse-uuid`` (ParseUUIDPipe: 400)."""
    pipes: dict[str, str] = {}
    if contract is not None and contract.get("pathParams"):
        for param in contract["pathParams"]:
            names = " ".join(param.get("pipes") or [])
            if "UUIDValidationPipe" in names:
                pipes[param["name"]] = "uuid"
            elif "ParseUUIDPipe" in names:
                pipes[param["name"]] = "parse-uuid"
        return pipes
    params = raw.get("params") or ""
    for name, rest in _PARAM_DECORATOR_RE.findall(params):
        if "UUIDValidationPipe" in rest:
            pipes[name] = "uuid"
        elif "ParseUUIDPipe" in rest:
            pipes[name] = "parse-uuid"
    if raw.get("inherited") and ":id" in raw["path"]:
        pipes["id"] = "uuid"  # crud.controller.ts / crud.factory.ts: @Param('id', UUIDValidationPipe)
    return pipes


_DEFAULT_SHAPES = {
    "findAll": "pagination {items, total}",
    "pagination": "pagination {items, total}",
    "getCount": "number",
    "findById": "object",
    "create": "object",
    "update": "UpdateResult {generatedMaps, raw, affected}",
    "delete": "DeleteResult {raw, affected}",
    "softRemove": "object",
    "softRecover": "object",
}


def _shape(raw: dict[str, Any], contract: dict[str, Any] | None) -> str:
    if contract is not None:
        return str(contract.get("returns", {}).get("shape") or "unknown")
    if raw.get("inherited"):
        return _DEFAULT_SHAPES.get(raw["handler"], "unknown")
    if raw["handler"] == "update":
        return "object"  # own (non-CrudController) update handlers return the entity
    return _DEFAULT_SHAPES.get(raw["handler"], "unknown")


def _status(raw: dict[str, Any], contract: dict[str, Any] | None) -> int:
    if contract is not None and contract.get("successStatus"):
        return int(contract["successStatus"])
    if raw.get("inherited") and raw["handler"] in CRUD_HANDLERS_202:
        return 202
    return 201 if raw["method"].upper() == "POST" else 200


def _queries(contract: dict[str, Any] | None) -> tuple[dict[str, Any], ...]:
    if contract is None or not contract.get("query"):
        return ()
    query = contract["query"]
    return tuple(query) if isinstance(query, list) else (query,)


class RouteTable:
    """All reference routes, matched per method in registration order."""

    def __init__(self, reference: Reference) -> None:
        by_controller: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
        for raw in reference.routes:
            by_controller[(raw["controller"], raw["file"])].append(raw)
        ranked: list[tuple[int, str, int, Route]] = []
        for (_controller, file), raws in by_controller.items():
            base = _base_path([r["path"] for r in raws])
            for raw in raws:
                route = self._build(reference, raw, base)
                depth = len([s for s in base.split("/") if s])
                ranked.append((-depth, file, int(raw["order"]), route))
        ranked.sort(key=lambda item: (item[0], item[1], item[2]))
        self._by_method: dict[str, list[Route]] = defaultdict(list)
        for *_, route in ranked:
            self._by_method[route.method].append(route)
        self.routes: tuple[Route, ...] = tuple(item[3] for item in ranked)

    @staticmethod
    def _build(reference: Reference, raw: dict[str, Any], base: str) -> Route:
        method = str(raw["method"]).upper()
        key = (method, str(raw["path"]))
        contract = reference.contract_routes.get(key)
        resource = reference.route_resource.get(key)
        entity = reference.resource_entity(resource)
        regex, names = _compile(raw["path"])
        body = dict(contract["body"]) if contract is not None and contract.get("body") else None
        return Route(
            method=method,
            path=raw["path"],
            controller=raw["controller"],
            handler=raw["handler"],
            order=int(raw["order"]),
            guards=tuple(raw.get("guards") or ()),
            public=bool(raw.get("public")),
            inherited=bool(raw.get("inherited")),
            base_path=base,
            collection=entity or str(raw["controller"]).removesuffix("Controller") or base,
            resource=resource,
            success_status=_status(raw, contract),
            shape=_shape(raw, contract),
            param_names=names,
            param_pipes=_param_pipes(raw, contract),
            queries=_queries(contract),
            body=body,
            covered=contract is not None,
            regex=regex,
        )

    def match(self, method: str, path: str) -> tuple[Route, dict[str, str]] | None:
        """First route of ``method`` whose pattern matches ``path`` (already without query string)."""
        for route in self._by_method.get(method.upper(), ()):
            found = route.regex.match(path)
            if found:
                values = {n: unquote(v) for n, v in zip(route.param_names, found.groups(), strict=True)}
                return route, values
        return None

    def find(self, method: str, path: str) -> Route | None:
        """The route declared exactly as ``METHOD path`` (reference spelling), if any."""
        for route in self._by_method.get(method.upper(), ()):
            if route.path == path:
                return route
        return None
