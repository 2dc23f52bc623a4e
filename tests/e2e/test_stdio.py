"""The real `gauzy-mcp` process over stdio, through the MCP SDK's stdio client, under each
protocol version: every foundation tool is listed with a valid schema and annotations, and
every one of them succeeds on the demo backend."""

from __future__ import annotations

import pytest
from jsonschema import Draft202012Validator

from application.catalog import full_catalog
from application.catalog.core import CORE_TOOLS
from tests.demo import demo_harness
from tests.e2e.stdio_client import PROTOCOL_VERSIONS, stdio_client

pytestmark = [pytest.mark.e2e, pytest.mark.anyio]
FOUNDATION = ("auth", "test-connection", "projects", "tasks", "employees", "timer")


@pytest.mark.parametrize("version", PROTOCOL_VERSIONS)
async def test_every_foundation_tool_is_listed_and_succeeds(version: str) -> None:
    expected = [t.name for t in full_catalog() if t.toolset in FOUNDATION]
    async with stdio_client(version, MCP_TOOLSETS="all") as client:
        assert client.protocol_version == version
        listed = {tool.name: tool for tool in (await client.list_tools()).tools}
        assert set(expected) <= set(listed)
        for name in expected:
            tool = listed[name]
            Draft202012Validator.check_schema(tool.input_schema)
            assert tool.description
            # Hints at MCP's defaults are left out: absent readOnlyHint means "writes".
            assert bool(tool.annotations and tool.annotations.read_only_hint) == full_catalog().get(name).read_only
        harness = demo_harness(client)
        failures = {}
        for name in expected:
            is_error, value = await harness.run(name)
            if is_error:
                failures[name] = value
        assert failures == {}


@pytest.mark.parametrize("toolsets", ["default", "all"])
async def test_list_order_is_deterministic(toolsets: str) -> None:
    async with stdio_client("2025-11-25", MCP_TOOLSETS=toolsets) as first:
        names_first = [t.name for t in (await first.list_tools()).tools]
    async with stdio_client("2025-11-25", MCP_TOOLSETS=toolsets) as second:
        names_second = [t.name for t in (await second.list_tools()).tools]
    shown = set(CORE_TOOLS) if toolsets == "default" else {t.name for t in full_catalog()}
    assert names_first == names_second == [t.name for t in full_catalog() if t.name in shown]


async def test_invalid_arguments_come_back_as_an_error_result_naming_the_field() -> None:
    async with stdio_client("2025-11-25") as client:
        result = await client.call_tool("get_tasks", {"status": "nearly-done"})
        assert result.is_error
        text = result.content[0].text
        assert "status" in text and "'nearly-done'" in text and "in-progress" in text
        still_serving = await client.call_tool("get_task_count", {})
        assert not still_serving.is_error
