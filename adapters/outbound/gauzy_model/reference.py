"""The Gauzy reference facts the model is built from, read from the package's own copy.

``reference_data/routes.json`` holds every NestJS route (``order``, ``guards``, ``public``, ...) and
``reference_data/contracts.json`` the covered resources, DTO fields and enums. Both are trimmed copies
of the project's reference files, written by ``make reference`` (tools/derive_gauzy_reference.py);
nothing reads the reference folder itself at run or test time. Parsed on first use, then cached.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).resolve().parent / "reference_data"
ROUTES_FILE = "routes.json"
CONTRACTS_FILE = "contracts.json"


@dataclass(frozen=True)
class Reference:
    """Parsed reference facts, indexed for the model's look-ups."""

    routes: list[dict[str, Any]]
    contracts: dict[str, Any]
    contract_routes: dict[tuple[str, str], dict[str, Any]] = field(default_factory=dict)
    route_resource: dict[tuple[str, str], str] = field(default_factory=dict)

    @property
    def dtos(self) -> dict[str, Any]:
        """``dtos``: effective class-validator fields per DTO class."""
        return dict(self.contracts.get("dtos", {}))

    @property
    def enums(self) -> dict[str, dict[str, Any]]:
        """``enums``: enum name -> {member: value}."""
        return dict(self.contracts.get("enums", {}))

    @property
    def resources(self) -> dict[str, Any]:
        """``resources``: the covered resources."""
        return dict(self.contracts.get("resources", {}))

    def resource_entity(self, resource: str | None) -> str | None:
        """The response entity name of a contracts resource (``resources.<name>.entity``)."""
        if resource is None:
            return None
        entity = self.resources.get(resource, {}).get("entity")
        return str(entity) if entity else None


def _load_json(path: Path) -> Any:
    with path.open(encoding="utf-8") as handle:
        return json.load(handle)


@cache
def load_reference() -> Reference:
    """The reference facts (parsed once per process)."""
    routes = _load_json(DATA_DIR / ROUTES_FILE)
    contracts = _load_json(DATA_DIR / CONTRACTS_FILE)
    contract_routes: dict[tuple[str, str], dict[str, Any]] = {}
    route_resource: dict[tuple[str, str], str] = {}
    for name, resource in contracts.get("resources", {}).items():
        for route in resource.get("routes", []):
            key = (str(route["method"]).upper(), str(route["path"]))
            contract_routes.setdefault(key, route)
            route_resource.setdefault(key, name)
    return Reference(routes, contracts, contract_routes, route_resource)
