"""Every tool, through the MCP layer and the real Gauzy REST adapter, against the Gauzy API
double (a contract-faithful HTTP server built from the reference facts), called with only
the arguments the reference marks required."""

from __future__ import annotations

import pytest

from adapters.outbound.gauzy_model import GauzyDouble
from application.catalog import full_catalog
from tests.demo import demo_client
from tests.tool_harness import GAUZY_CANNOT, ToolHarness, mcp_caller

pytestmark = [pytest.mark.e2e, pytest.mark.anyio]
NAMES = [tool.name for tool in full_catalog()]


@pytest.fixture(scope="module")
def double():
    with GauzyDouble() as running:
        yield running


def harness_for(client, double) -> ToolHarness:
    return ToolHarness(mcp_caller(client), login_email="admin@ever.co", login_password="admin", on_gauzy=True,
                       team=double.seed.team_ids[0])


@pytest.mark.parametrize("name", NAMES)
async def test_tool_succeeds_against_the_double(name: str, double) -> None:
    double.reset_throttle()
    async with demo_client(api_base_url=double.base_url, auth_email="admin@ever.co", auth_password="admin") as client:
        is_error, value = await harness_for(client, double).run(name)
    if name in GAUZY_CANNOT:  # the double fails where Gauzy itself does, and the tool says so
        assert is_error and GAUZY_CANNOT[name] in str(value), value
        return
    assert not is_error, value
