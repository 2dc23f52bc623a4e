"""The live tier's pass over the catalog: every tool, through the MCP layer and the real REST
adapter, against a real Gauzy API (GAUZY_REAL_URL; skipped without it), called with the same
sample arguments as on the double (the reference's required ones). Write effects are checked
through the matching reads by the effects tests, whose `backend_client` includes the live API."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from typing import Any

import pytest

from application.catalog import full_catalog
from tests.demo import demo_client
from tests.live import LIVE_EMAIL, LIVE_PASSWORD, RawGauzy, live_url
from tests.tool_harness import GAUZY_CANNOT, ToolHarness, mcp_caller

pytestmark = [pytest.mark.e2e, pytest.mark.live_gauzy, pytest.mark.anyio]
NAMES = [tool.name for tool in full_catalog()]
# With GAUZY_LIVE_REPORT naming a file, each tool's outcome is appended to it as one JSON line
# (error / empty / data), for reviewing which tools answered nothing on the seeded API.
REPORT = os.environ.get("GAUZY_LIVE_REPORT")


def outcome(is_error: bool, value: Any) -> str:
    if is_error:
        return "error"
    items = value.get("items") if isinstance(value, dict) else value
    empty = items in ([], None, {}) or (isinstance(value, dict) and value.get("count") == 0)
    return "empty" if empty else "data"


def record(name: str, is_error: bool, value: Any) -> None:
    if REPORT:
        with open(REPORT, "a", encoding="utf-8") as report:
            line = {"tool": name, "outcome": outcome(is_error, value), "answer": json.dumps(value, default=str)[:300]}
            report.write(json.dumps(line) + "\n")


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
    record(name, is_error, value)
    if name in GAUZY_CANNOT:  # this Gauzy version fails there itself; the tool must say so plainly
        assert is_error and GAUZY_CANNOT[name] in str(value), value
        return
    assert not is_error, value
