"""Every tool, called through the MCP layer with only the arguments the reference marks
required (ids taken from earlier results), succeeds on the demo backend."""

from __future__ import annotations

import pytest
from jsonschema import Draft202012Validator

from application.catalog import full_catalog
from tests.demo import demo_client, demo_container, demo_harness
from tests.samples import all_samples

pytestmark = [pytest.mark.e2e, pytest.mark.anyio]
NAMES = [tool.name for tool in full_catalog()]
# Time logs, timesheets, timers of others and sprints are modelled only in the Gauzy double until the
# demo drives the double's model; test_every_tool_double and tests/e2e/test_time_tracking_* run them there.
DOUBLE_ONLY = {"get_time_logs", "get_time_log", "add_manual_time", "update_time_log", "delete_time_logs",
               "get_timesheets", "submit_timesheets", "review_timesheets", "daily_time_report", "weekly_time_report",
               "time_per_employee", "top_by_hours", "get_active_timers", "get_sprints", "draft_invoices_from_time",
               "get_team_availability", "get_project_progress"}
ON_DEMO = [pytest.param(name, marks=pytest.mark.skip(reason="the demo Gauzy does not model these routes yet"))
           if name in DOUBLE_ONLY else name for name in NAMES]
SHARED = demo_container()  # one demo Gauzy for the whole module: building it is the slow part


def test_every_tool_has_a_sample() -> None:
    assert sorted(set(NAMES) - set(all_samples())) == []


@pytest.mark.parametrize("name", ON_DEMO)
async def test_tool_succeeds_with_required_arguments_only(name: str) -> None:
    async with demo_client(SHARED) as client:
        is_error, value = await demo_harness(client).run(name)
        schema = next(t.output_schema for t in (await client.list_tools()).tools if t.name == name)
    assert not is_error, value
    if schema is not None:
        Draft202012Validator(schema).validate(value)  # structuredContent matches the outputSchema
