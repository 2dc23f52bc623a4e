"""Find a tool outside the core set by search, then call it at once, over every transport with
real clients: stdio, /mcp in both protocol eras (handshake 2025-11-25, stateless 2026-07-28,
also across two instances), plain JSON-RPC on /sse and the WebSocket. A tool the policy forbids
is refused with the reason (docs/decisions/021)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from mcp.shared.exceptions import MCPError
from websockets.sync.client import connect

from application.catalog.core import CORE_TOOLS
from tests.e2e.remote_clients import JsonRpc, WsRpc, sdk_client
from tests.e2e.stdio_client import stdio_client
from tests.remote import RedisProcess, ServerProcess

pytestmark = [pytest.mark.e2e]
WANTED = "get_invoices"  # not in the core set
ERAS = ("2025-11-25", "2026-07-28")


def first_found(find_result_text: str) -> str:
    found = json.loads(find_result_text)
    names: list[str] = [tool["name"] for tool in found["tools"]]
    assert WANTED in names, names
    return WANTED


@pytest.fixture(scope="module")
def fleet(redis_server: RedisProcess) -> Iterator[tuple[ServerProcess, ServerProcess]]:
    """Two instances sharing one Redis, nothing configured about toolsets (the core set is listed)."""
    env = {"REDIS_URL": redis_server.url(2), "MCP_SESSION_SECRET": "search-secret", "THROTTLE_LIMIT": "100000"}
    first = ServerProcess("http,websocket", **env).start()
    second = ServerProcess("http", **env).start()
    try:
        yield first, second
    finally:
        assert first.stop() == 0, first.logs()
        assert second.stop() == 0, second.logs()


async def find_then_call(finder: Any, caller: Any) -> None:
    listed = [tool.name for tool in (await finder.list_tools()).tools]
    assert len(listed) <= 40 and WANTED not in listed and "find_tools" in listed
    found = await finder.call_tool("find_tools", {"query": "invoices", "limit": 5})
    name = first_found(found.content[0].text)
    schemas = json.loads((await finder.call_tool("get_tool_schemas", {"names": [name]})).content[0].text)
    assert schemas["tools"][0]["inputSchema"]["type"] == "object"
    called = await caller.call_tool(name, {"limit": 2})
    assert not called.is_error, called
    assert "items" in json.loads(called.content[0].text)


@pytest.mark.anyio
@pytest.mark.parametrize("version", ERAS)
async def test_find_then_call_over_stdio(version: str) -> None:
    async with stdio_client(version) as client:
        await find_then_call(client, client)


@pytest.mark.anyio
@pytest.mark.parametrize("version", ERAS)
async def test_find_then_call_over_streamable_http(fleet, version: str) -> None:
    async with sdk_client(f"{fleet[0].url}/mcp", version) as client:
        await find_then_call(client, client)


@pytest.mark.anyio
async def test_stateless_find_on_one_instance_and_call_on_another(fleet) -> None:
    async with sdk_client(f"{fleet[0].url}/mcp", "2026-07-28") as finder, \
            sdk_client(f"{fleet[1].url}/mcp", "2026-07-28") as caller:
        await find_then_call(finder, caller)


def test_find_then_call_over_json_rpc_on_sse(fleet) -> None:
    rpc = JsonRpc(fleet[0].url)
    try:
        listed = [tool["name"] for tool in rpc.call("tools/list").json()["result"]["tools"]]
        assert sorted(listed) == sorted(CORE_TOOLS)
        name = first_found(json.dumps(rpc.tool_json("find_tools", {"query": "invoices"})))
        assert "items" in rpc.tool_json(name, {"limit": 2})
    finally:
        rpc.close()


def test_find_then_call_over_the_websocket(fleet) -> None:
    with connect(fleet[0].ws_url, subprotocols=["mcp"]) as connection:  # type: ignore[list-item]
        ws = WsRpc(connection)
        ws.initialize("2025-11-25")
        listed = [tool["name"] for tool in ws.request("tools/list")["result"]["tools"]]
        assert WANTED not in listed and len(listed) <= 40
        found = ws.request("tools/call", {"name": "find_tools", "arguments": {"query": "invoices"}})["result"]
        name = first_found(found["content"][0]["text"])
        called = ws.request("tools/call", {"name": name, "arguments": {"limit": 2}})["result"]
        assert not called["isError"], called


@pytest.mark.anyio
async def test_a_tool_outside_the_chosen_toolsets_is_refused_with_the_reason() -> None:
    async with stdio_client("2025-11-25", MCP_TOOLSETS="tasks") as client:
        found = json.loads((await client.call_tool("find_tools", {"query": "invoices"})).content[0].text)
        assert found["total"] == 0, "search shows only what the policy allows"
        with pytest.raises(MCPError) as refused:
            await client.call_tool(WANTED, {})
    assert "invoices toolset" in str(refused.value) and "MCP_TOOLSETS=tasks" in str(refused.value)
