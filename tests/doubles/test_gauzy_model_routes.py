"""One model of Gauzy: every route of the reference table has exactly one handler, and every
specially modelled route is claimed by one area only."""

from __future__ import annotations

import pytest

from adapters.outbound.gauzy_model.reference import load_reference
from adapters.outbound.gauzy_model.routes import RouteTable
from adapters.outbound.gauzy_model.special import AREAS, SPECIAL, one_handler_per_route


@pytest.fixture(scope="module")
def table() -> RouteTable:
    return RouteTable(load_reference())


def test_every_special_handler_is_found_once_walking_the_route_table(table: RouteTable) -> None:
    found = [route.key for route in table.routes if route.key in SPECIAL]
    assert sorted(found) == sorted(SPECIAL), "a special handler names a route the table lacks, or twice"


def test_no_route_is_claimed_by_two_areas() -> None:
    claimed = [route for _, handlers in AREAS for route in handlers]
    assert len(claimed) == len(set(claimed)) == len(SPECIAL)


def test_a_route_modelled_twice_is_refused() -> None:
    def handler(call, api):  # the body does not matter: only the claim does
        raise AssertionError

    with pytest.raises(ValueError, match="GET /api/health is modelled by both a and b"):
        one_handler_per_route((("a", {"GET /api/health": handler}), ("b", {"GET /api/health": handler})))
