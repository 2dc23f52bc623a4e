"""MCP_TOOLSETS / --toolsets and MCP_READ_ONLY / --read-only, over the real stdio process."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from application.catalog import full_catalog
from application.catalog.core import CORE_TOOLS
from tests.e2e.stdio_client import stdio_client

pytestmark = pytest.mark.e2e
CATALOG = full_catalog()


async def listed(*args: str, **env: str) -> list[str]:
    async with stdio_client("2025-11-25", *args, **env) as client:
        return [tool.name for tool in (await client.list_tools()).tools]


ALWAYS = ("auth", "test-connection", "discovery")  # signing in, diagnostics and search stay available


def expected(toolsets: tuple[str, ...] | None = None, *, read_only: bool = False) -> list[str]:
    """Named toolsets are a hard limit and are listed whole; none named: the core set is listed."""
    return [t.name for t in CATALOG if (toolsets is not None or t.name in CORE_TOOLS) and (t.toolset in ALWAYS or (
        (toolsets is None or t.toolset in toolsets) and (not read_only or t.read_only)))]


@pytest.mark.anyio
async def test_toolsets_from_the_environment() -> None:
    names = await listed(MCP_TOOLSETS="tasks,timer")
    assert names == expected(("tasks", "timer"))
    assert "create_task" in names and "get_projects" not in names


@pytest.mark.anyio
async def test_toolsets_from_the_command_line() -> None:
    assert await listed("--toolsets", "timer") == expected(("timer",))


@pytest.mark.anyio
async def test_read_only_from_the_environment_hides_every_writing_tool() -> None:
    names = await listed(MCP_READ_ONLY="true", MCP_TOOLSETS="all")
    assert names == [t.name for t in CATALOG if t.read_only or t.toolset in ALWAYS]
    assert "create_task" not in names and "get_tasks" in names and "login" in names
    assert await listed(MCP_READ_ONLY="true") == expected(read_only=True)


@pytest.mark.anyio
async def test_read_only_flag_combines_with_toolsets() -> None:
    assert await listed("--read-only", "--toolsets", "tasks") == expected(("tasks",), read_only=True)


def test_an_unknown_toolset_stops_the_server_with_a_clear_message() -> None:
    result = subprocess.run([sys.executable, "-m", "bootstrap.cli", "--toolsets", "nope"],
                            capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 2 and "unknown toolsets ['nope']" in result.stderr and "tasks" in result.stderr
    assert "default" in result.stderr and "all" in result.stderr


@pytest.mark.anyio
async def test_capabilities_tool_lists_exposed_and_available_toolsets_with_sizes() -> None:
    async with stdio_client("2025-11-25", MCP_TOOLSETS="timer") as client:
        result = await client.call_tool("test_mcp_capabilities", {})
    report = json.loads(result.content[0].text)
    assert report["toolsets"] == {"auth": 6, "test-connection": 3, "timer": 3, "discovery": 2}
    assert report["availableToolsets"] == CATALOG.toolsets
