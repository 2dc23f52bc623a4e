"""Every Gauzy route a catalog tool can call exists in the real API with that method.

The facts are all NestJS routes of the API, from the Gauzy model's derived copy of the reference
(adapters/outbound/gauzy_model/reference_data, kept current by tests/contract/test_reference_copy.py).
"""

from __future__ import annotations

import re

import pytest

from adapters.outbound.gauzy_model.reference import load_reference
from application.catalog import full_catalog

pytestmark = pytest.mark.contract

ROUTE = re.compile(r"^(GET|POST|PUT|PATCH|DELETE) (/api(?:/[^\s/]+)*)$")
PARAM = re.compile(r":\w+")
CATALOG_ROUTES = sorted({(tool.name, route) for tool in full_catalog() for route in tool.routes()})


def shape(route: str) -> str:
    """Placeholder names do not take part in matching (`/employee/:employeeId` is `/employee/:id`)."""
    return PARAM.sub(":param", route)


@pytest.fixture(scope="module")
def api_routes() -> frozenset[str]:
    rows = load_reference().routes
    return frozenset(shape(f"{row['method']} {row['path']}") for row in rows)


def test_the_catalog_calls_gauzy_routes() -> None:
    assert len(CATALOG_ROUTES) > 10


@pytest.mark.parametrize(("tool", "route"), CATALOG_ROUTES, ids=[f"{t}:{r}" for t, r in CATALOG_ROUTES])
def test_route_exists_in_the_api_with_that_method(tool: str, route: str, api_routes: frozenset[str]) -> None:
    assert ROUTE.match(route), f"{tool}: {route!r} is not 'METHOD /api/...' with :param placeholders"
    wanted = shape(route)
    other_methods = sorted(r for r in api_routes if r.split(" ", 1)[1] == wanted.split(" ", 1)[1])
    assert wanted in api_routes, f"{tool} calls {route}, which Gauzy lacks (that path: {other_methods or 'none'})"
