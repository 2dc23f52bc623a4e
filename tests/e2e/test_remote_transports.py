"""A real `gauzy-mcp --transport http,websocket` process, driven by real clients: the MCP SDK's
streamable-HTTP client under each protocol version, curl-style JSON-RPC on /sse, a WebSocket."""

from __future__ import annotations

import json
import threading
import uuid
from collections.abc import Iterator

import httpx
import pytest
from websockets.sync.client import connect

from tests.e2e.remote_clients import JSON, OTHER_USER, JsonRpc, WsRpc, sdk_client
from tests.remote import RedisProcess, ServerProcess

pytestmark = [pytest.mark.e2e]
VERSIONS = ("2025-06-18", "2025-11-25", "2026-07-28")


@pytest.fixture(scope="module")
def server(redis_server: RedisProcess) -> Iterator[ServerProcess]:
    process = ServerProcess("http,websocket", REDIS_URL=redis_server.url(1), MCP_SESSION_SECRET="e2e-secret",
                            THROTTLE_LIMIT="100000").start()
    try:
        yield process
    finally:
        assert process.stop() == 0, process.logs()


@pytest.fixture
def rpc(server: ServerProcess) -> Iterator[JsonRpc]:
    client = JsonRpc(server.url)
    try:
        yield client
    finally:
        client.close()


@pytest.mark.anyio
@pytest.mark.parametrize("version", VERSIONS)
async def test_the_sdk_client_lists_and_calls_tools_under_each_version(server: ServerProcess, version: str) -> None:
    async with sdk_client(f"{server.url}/mcp", version) as client:
        assert client.protocol_version == version
        names = {tool.name for tool in (await client.list_tools()).tools}
        assert {"login", "get_projects", "get_auth_status"} <= names
        projects = await client.call_tool("get_projects", {"limit": 2})
        assert not projects.is_error, projects
        signed_in = await client.call_tool("login", {"email": OTHER_USER[0], "password": OTHER_USER[1]})
        assert not signed_in.is_error, signed_in
        status = json.loads((await client.call_tool("get_auth_status", {})).content[0].text)
        assert status["email"] == OTHER_USER[0]


def test_plain_json_rpc_on_sse_needs_only_the_content_type(rpc: JsonRpc) -> None:
    init = rpc.call("initialize", {"protocolVersion": "2025-06-18", "capabilities": {},
                                   "clientInfo": {"name": "curl", "version": "8"}})
    assert init.json()["result"]["protocolVersion"] == "2025-06-18"
    assert init.json()["result"]["serverInfo"]["name"] == "gauzy-mcp"
    note = rpc.http.post("/sse", json={"jsonrpc": "2.0", "method": "notifications/initialized"})
    assert note.status_code == 202
    assert rpc.call("ping").json()["result"] == {}
    tools = rpc.call("tools/list").json()["result"]["tools"]
    assert any(tool["name"] == "get_projects" and "inputSchema" in tool for tool in tools)
    projects = rpc.tool_json("get_projects", {"limit": 2})
    assert len(projects["items"]) <= 2


def test_a_websocket_client_with_subprotocol_mcp_lists_and_calls_tools(server: ServerProcess) -> None:
    with connect(server.ws_url, subprotocols=["mcp"]) as connection:  # type: ignore[list-item]
        assert connection.subprotocol == "mcp"
        assert connection.response.headers.get("sec-websocket-extensions", "").startswith("permessage-deflate")
        ws = WsRpc(connection)
        assert ws.initialize()["result"]["protocolVersion"] == "2025-06-18"
        tools = ws.request("tools/list")["result"]["tools"]
        assert any(tool["name"] == "get_projects" for tool in tools)
        called = ws.request("tools/call", {"name": "get_projects", "arguments": {"limit": 1}})["result"]
        assert not called["isError"], called


def test_each_session_signs_in_as_its_own_user(server: ServerProcess) -> None:
    """Issue 4 "Multi-user": two sessions never see each other's sign-in."""
    admin, other, fresh = JsonRpc(server.url), JsonRpc(server.url), JsonRpc(server.url)
    try:
        assert admin.tool_json("get_projects", {"limit": 1})  # the demo signs this session in as the admin
        other.tool_json("login", {"email": OTHER_USER[0], "password": OTHER_USER[1]})
        assert admin.tool_json("get_auth_status")["email"] != OTHER_USER[0]
        assert other.tool_json("get_auth_status")["email"] == OTHER_USER[0]
        fresh_status = fresh.tool_json("get_auth_status")  # the configured account, signed in for this session
        assert fresh_status["authenticated"] is True and fresh_status["email"] != OTHER_USER[0]
        assert "token" not in json.dumps(other.tool_json("get_auth_status")).lower()
    finally:
        for client in (admin, other, fresh):
            client.close()


def test_the_session_event_stream_carries_progress(server: ServerProcess, rpc: JsonRpc) -> None:
    rpc.call("ping")  # receive the session cookie first
    frames: list[str] = []
    ready, done = threading.Event(), threading.Event()

    def listen() -> None:
        with rpc.http.stream("GET", "/sse/events") as stream:
            assert stream.headers["content-type"].startswith("text/event-stream")
            for line in stream.iter_lines():
                frames.append(line)
                ready.set()
                if line.startswith("event: progress") and sum(f.startswith("event: progress") for f in frames) == 2:
                    done.set()
                    return

    listener = threading.Thread(target=listen, daemon=True)
    listener.start()
    assert ready.wait(10), "the event stream did not open"
    result = rpc.tool_json("bulk_delete_daily_plans", {"ids": [str(uuid.uuid4()), str(uuid.uuid4())]})
    assert result["failed"] == 2  # unknown ids: each fails, each is reported
    assert done.wait(10), frames
    assert frames[0] == "event: ready"


def test_cors_preflight_answers_allowed_origins_only(server: ServerProcess) -> None:
    allowed = httpx.options(f"{server.url}/sse", headers={
        "Origin": "http://localhost:4200", "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type"})
    assert allowed.status_code == 204
    assert allowed.headers["access-control-allow-origin"] == "http://localhost:4200"
    assert allowed.headers["access-control-allow-credentials"] == "true"
    refused = httpx.options(f"{server.url}/sse", headers={
        "Origin": "https://evil.example", "Access-Control-Request-Method": "POST"})
    assert "access-control-allow-origin" not in refused.headers
    exposed = httpx.post(f"{server.url}/sse", headers={**JSON, "Origin": "http://localhost:4200"},
                         json={"jsonrpc": "2.0", "id": 1, "method": "ping"})
    assert "x-ratelimit-remaining" in exposed.headers["access-control-expose-headers"].lower()


def test_each_tool_call_leaves_one_structured_audit_line_without_secrets(server: ServerProcess) -> None:
    rpc = JsonRpc(server.url)
    try:
        rpc.tool_json("login", {"email": OTHER_USER[0], "password": OTHER_USER[1]})
    finally:
        rpc.close()
    lines = [json.loads(line) for line in server.logs().splitlines() if line.startswith("{")]
    audits = [line for line in lines if line.get("event") == "tool_call" and line["tool"] == "login"]
    assert audits, "no audit line for login"
    assert {"principal", "tool", "outcome", "duration_ms", "ts", "level"} <= set(audits[-1])
    assert audits[-1]["principal"].startswith("session-")
    assert OTHER_USER[1] not in server.logs()
    assert rpc.http.cookies.get("mcp-session-id", "unset") not in server.logs()
