"""Calling tools in end-to-end tests: expect success or a refusal, with the tool's own words on failure."""

from __future__ import annotations

import json
from typing import Any

from mcp import Client


async def ok(client: Client, name: str, arguments: dict[str, Any]) -> Any:
    """Call a tool that must succeed; its structured content, else its text as JSON."""
    result = await client.call_tool(name, arguments)
    text = result.content[0].text if result.content else ""
    assert not result.is_error, f"{name}: {text}"
    return result.structured_content if result.structured_content is not None else json.loads(text)


async def refused(client: Client, name: str, arguments: dict[str, Any]) -> str:
    """Call a tool that must fail; its error text."""
    result = await client.call_tool(name, arguments)
    assert result.is_error, f"{name} should have failed"
    return str(result.content[0].text)


async def first_id(client: Client, tool: str) -> str:
    return str((await ok(client, tool, {}))["items"][0]["id"])
