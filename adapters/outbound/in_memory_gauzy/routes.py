"""Which handler answers a request: the real API's route table decides.

`gauzy_routes.json` (derived from the reference facts by tools/derive_gauzy_routes.py) lists
every route in NestJS matching order with its handler name, collection and body rules. A
request for a path the table lacks is a 404, as in Gauzy. Standard CRUD handlers get the
generic behaviour; routes with behaviour of their own are in SPECIAL. A real route the demo
does not model answers with an error that says so, never with made-up data.
"""

from __future__ import annotations

import importlib
import json
import pkgutil
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from adapters.outbound.in_memory_gauzy import specials
from adapters.outbound.in_memory_gauzy.resources import (
    Handler,
    counted,
    created,
    deleted,
    fetched,
    paginated,
    recovered,
    soft_deleted,
    updated,
)
from adapters.outbound.in_memory_gauzy.store import one_of, require
from domain.errors import DomainError, GauzyValidationError

TABLE = Path(__file__).with_name("gauzy_routes.json")


class NotModelledError(DomainError):
    code = "not_modelled"


def rules_of(entry: Mapping[str, Any]) -> Callable[[Mapping[str, Any]], None]:
    """The body rules of a validated DTO: required fields and enum-checked fields."""

    def check(body: Mapping[str, Any]) -> None:
        require(body, *entry.get("required", ()))
        for field, allowed in entry.get("enums", {}).items():
            one_of(body, field, allowed)
        extra = EXTRA_RULES.get((entry["method"], entry["path"]))
        if extra:
            extra(body)

    return check


def employee_user(body: Mapping[str, Any]) -> None:
    """CreateEmployeeDTO: `user` (with a password) or `userId` (ValidateIf pair)."""
    if not body.get("user") and not body.get("userId"):
        raise GauzyValidationError(["user must be an object", "userId must be a UUID"])


EXTRA_RULES: dict[tuple[str, str], Callable[[Mapping[str, Any]], None]] = {
    ("POST", "/api/employee"): employee_user,
}

GENERIC: dict[str, Callable[[Mapping[str, Any]], Handler]] = {
    "findAll": lambda e: paginated(e["collection"], skip_is_page=False),
    "pagination": lambda e: paginated(e["collection"]),
    "getCount": lambda e: counted(e["collection"]),
    "findById": lambda e: fetched(e["collection"]),
    "findOne": lambda e: fetched(e["collection"]),
    "create": lambda e: created(e["collection"], rules_of(e)),
    "update": lambda e: updated(e["collection"], rules_of(e)),
    "partialUpdate": lambda e: updated(e["collection"], rules_of(e)),
    "delete": lambda e: deleted(e["collection"]),
    "softRemove": lambda e: soft_deleted(e["collection"]),
    "softRecover": lambda e: recovered(e["collection"]),
}

def special_handlers() -> dict[tuple[str, str], Handler]:
    """Every module in `specials/` contributes a SPECIAL mapping (method, path) -> handler."""
    merged: dict[tuple[str, str], Handler] = {}
    for info in pkgutil.iter_modules(specials.__path__):
        merged.update(importlib.import_module(f"{specials.__name__}.{info.name}").SPECIAL)
    return merged


SPECIAL = special_handlers()


@dataclass(frozen=True)
class Route:
    entry: Mapping[str, Any]
    pattern: re.Pattern[str]

    @property
    def key(self) -> tuple[str, str]:
        return self.entry["method"], self.entry["path"]


@cache
def route_table() -> tuple[Route, ...]:
    entries = json.loads(TABLE.read_text(encoding="utf-8"))
    return tuple(Route(e, re.compile("^" + re.sub(r":(\w+)", r"(?P<\1>[^/]+)", e["path"]) + "$")) for e in entries)


def handler_for(route: Route) -> Handler:
    if route.key in SPECIAL:
        return SPECIAL[route.key]
    make = GENERIC.get(route.entry["handler"])
    if make is None:
        raise NotModelledError(f"The demo Gauzy does not model {route.key[0]} {route.key[1]}.",
                               hint="Point API_BASE_URL at a real Gauzy to use it.")
    return make(route.entry)


def match(method: str, path: str) -> tuple[Handler, dict[str, str]] | None:
    for route in route_table():
        if route.entry["method"] == method and (found := route.pattern.match(path)):
            return handler_for(route), found.groupdict()
    return None
