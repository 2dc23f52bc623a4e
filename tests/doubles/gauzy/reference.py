"""Loading of the shared Gauzy reference facts.

Every behaviour of the double is derived from the three JSON files in ``shared/reference``
(see its README.md): ``gauzy-api-routes.json`` (the 1,666 NestJS routes with ``order``, ``guards``
and ``public``) and ``gauzy-contracts.json`` (resources, DTO fields, enums, tenancy and error rules).

The directory is ``$GAUZY_REFERENCE_DIR`` when set, else ``<repo root>/../shared/reference``
where the repo root is the folder that holds ``tests/``.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

ENV_VAR = "GAUZY_REFERENCE_DIR"
ROUTES_FILE = "gauzy-api-routes.json"
CONTRACTS_FILE = "gauzy-contracts.json"


def repo_root() -> Path:
    """The folder holding ``tests/`` (this file is tests/doubles/gauzy/reference.py)."""
    return Path(__file__).resolve().parents[3]


def reference_dir() -> Path:
    """Resolve the reference directory from the environment or the default sibling folder."""
    configured = os.environ.get(ENV_VAR)
    if configured:
        return Path(configured).expanduser().resolve()
    return (repo_root().parent / "shared" / "reference").resolve()


@dataclass(frozen=True)
class Reference:
    """Parsed reference facts, indexed for the double's look-ups."""

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
        """``resources``: the 39 covered resources."""
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


@lru_cache(maxsize=4)
def _load(directory: str) -> Reference:
    base = Path(directory)
    routes = _load_json(base / ROUTES_FILE)
    contracts = _load_json(base / CONTRACTS_FILE)
    contract_routes: dict[tuple[str, str], dict[str, Any]] = {}
    route_resource: dict[tuple[str, str], str] = {}
    for name, resource in contracts.get("resources", {}).items():
        for route in resource.get("routes", []):
            key = (str(route["method"]).upper(), str(route["path"]))
            contract_routes.setdefault(key, route)
            route_resource.setdefault(key, name)
    return Reference(routes, contracts, contract_routes, route_resource)


def load_reference(directory: Path | None = None) -> Reference:
    """Load (and cache) the reference facts from ``directory`` or :func:`reference_dir`."""
    base = directory or reference_dir()
    if not (base / ROUTES_FILE).is_file() or not (base / CONTRACTS_FILE).is_file():
        raise FileNotFoundError(
            f"Gauzy reference files not found in {base}; set {ENV_VAR} to the shared/reference folder"
        )
    return _load(str(base))
