"""Every Gauzy route a catalog tool can call exists in the real API with that method.

The facts are `gauzy-api-routes.json` (all NestJS routes of the API); the reference dir comes
from `GAUZY_REFERENCE_DIR`, default `<repo>/../shared/reference` (tests/conftest.py).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from application.catalog import full_catalog

pytestmark = pytest.mark.contract

ROUTE = re.compile(r"^(GET|POST|PUT|PATCH|DELETE) (/api(?:/[^\s/]+)*)$")
PARAM = re.compile(r":\w+")
CATALOG_ROUTES = sorted({(tool.name, route) for tool in full_catalog() for route in tool.routes()})


def shape(route: str) -> str:
    """Placeholder names do not take part in matching (`/employee/:employeeId` is `/employee/:id`)."""
    return PARAM.sub(":param", route)


@pytest.fixture(scope="module")
def api_routes(reference_dir: Path) -> frozenset[str]:
    rows = json.loads((reference_dir / "gauzy-api-routes.json").read_text(encoding="utf-8"))
    return frozenset(shape(f"{row['method']} {row['path']}") for row in rows)


def test_the_catalog_calls_gauzy_routes() -> None:
    assert len(CATALOG_ROUTES) > 10


@pytest.mark.parametrize(("tool", "route"), CATALOG_ROUTES, ids=[f"{t}:{r}" for t, r in CATALOG_ROUTES])
def test_route_exists_in_the_api_with_that_method(tool: str, route: str, api_routes: frozenset[str]) -> None:
    assert ROUTE.match(route), f"{tool}: {route!r} is not 'METHOD /api/...' with :param placeholders"
    wanted = shape(route)
    other_methods = sorted(r for r in api_routes if r.split(" ", 1)[1] == wanted.split(" ", 1)[1])
    assert wanted in api_routes, f"{tool} calls {route}, which Gauzy lacks (that path: {other_methods or 'none'})"
