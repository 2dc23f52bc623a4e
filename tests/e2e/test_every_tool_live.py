"""The live tier's pass over the catalog: every tool, through the MCP layer and the real REST
adapter, against a real Gauzy API (GAUZY_REAL_URL; skipped without it), called with the same
sample arguments as on the double (the reference's required ones). Write effects are checked
through the matching reads by the effects tests, whose `backend_client` includes the live API."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from application.catalog import full_catalog
from tests.demo import demo_client
from tests.live import LIVE_EMAIL, LIVE_PASSWORD, RawGauzy, live_url
from tests.tool_harness import GAUZY_CANNOT, ToolHarness, mcp_caller

pytestmark = [pytest.mark.e2e, pytest.mark.live_gauzy, pytest.mark.anyio]
NAMES = [tool.name for tool in full_catalog()]


@pytest.fixture(scope="module")
def live() -> Iterator[RawGauzy]:
    raw = RawGauzy(live_url())
    yield raw
    raw.close()


@pytest.fixture(scope="module")
def team(live: RawGauzy) -> str:
    """A team of the organization: no tool lists teams, so it is read from the API directly."""
    status, teams = live.call("GET", "/api/organization-team", {"where": live.scoped()})
    assert status == 200 and teams["items"], (status, teams)
    return str(teams["items"][0]["id"])


@pytest.mark.parametrize("name", NAMES)
async def test_tool_succeeds_against_the_real_api(name: str, live: RawGauzy, team: str) -> None:
    async with demo_client(api_base_url=live_url(), auth_email=LIVE_EMAIL, auth_password=LIVE_PASSWORD) as client:
        harness = ToolHarness(mcp_caller(client), login_email=LIVE_EMAIL, login_password=LIVE_PASSWORD,
                              on_gauzy=True, team=team)
        is_error, value = await harness.run(name)
    if name in GAUZY_CANNOT:  # this Gauzy version fails there itself; the tool must say so plainly
        assert is_error and GAUZY_CANNOT[name] in str(value), value
        return
    assert not is_error, value
