"""Three instances and one Redis (AOF) behind HAProxy, round-robin, no stickiness (issue 13).

Every request may land on any instance: the SDK's streamable-HTTP client, plain JSON-RPC on
`POST /sse` and WebSocket reconnects all keep their session and sign-in; each instance's
audit log shows it served calls. An instance killed mid-run and a Redis restart cost no
sign-in.
"""

from __future__ import annotations

import json
import signal
import threading
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from mcp.shared.exceptions import MCPError
from websockets.sync.client import connect

from tests.e2e.remote_clients import JsonRpc, WsRpc, sdk_client
from tests.fleet import FLEET_START_TIMEOUT, Fleet, start_fleet
from tests.remote import RedisProcess

pytestmark = [pytest.mark.integration]
CALLS = 50


@pytest.fixture(scope="module")
def fleet(gauzy_double: Any) -> Iterator[Fleet]:
    redis = RedisProcess(append_only=True)
    redis.start()
    env = {"REDIS_URL": redis.url(), "MCP_SESSION_SECRET": "fleet-secret", "API_BASE_URL": gauzy_double.base_url,
           "THROTTLE_LIMIT": "100000", "MCP_WORKERS": "1"}  # one process an instance: "which instance" is exact
    try:
        yield from start_fleet(redis, env)
    finally:
        redis.close()


@pytest.fixture
def account(gauzy_double: Any) -> tuple[str, str]:
    employee = gauzy_double.seed.accounts["employee@ever.co"]
    return employee.email, employee.password


def text_of(result: Any) -> Any:
    assert not result.is_error, result
    return json.loads(result.content[0].text)


@pytest.mark.anyio
@pytest.mark.parametrize("version", ["2025-11-25", "2026-07-28"])
async def test_an_sdk_client_works_through_round_robin(fleet: Fleet, account: tuple[str, str], version: str) -> None:
    fleet.mark()
    async with sdk_client(f"{fleet.proxy.url}/mcp", version) as client:
        assert client.protocol_version == version
        assert "get_projects" in {tool.name for tool in (await client.list_tools()).tools}
        text_of(await client.call_tool("login", {"email": account[0], "password": account[1]}))
        for _ in range(CALLS):
            assert text_of(await client.call_tool("get_auth_status", {}))["email"] == account[0]
        progress: list[float] = []

        async def noted(value: float, total: float | None, message: str | None) -> None:
            progress.append(value)

        ids = [str(uuid.uuid4()) for _ in range(3)]
        bulk = text_of(await client.call_tool("bulk_delete_daily_plans", {"ids": ids}, progress_callback=noted))
        assert bulk["failed"] == 3  # unknown ids: each reported
        assert len(progress) >= 3, progress
    served = fleet.calls_per_instance()
    assert sum(served) == CALLS + 2 and all(served), served  # every instance took its share
    if version != "2026-07-28":  # stateless: nothing to resume
        resumed = ["resumed MCP session" in instance.logs() for instance in fleet.instances]
        assert resumed.count(True) == len(resumed) - 1, resumed  # all but the one that opened it


def test_json_rpc_and_websocket_reconnects_keep_the_session(fleet: Fleet, account: tuple[str, str]) -> None:
    fleet.mark()
    rpc = JsonRpc(fleet.proxy.url)
    try:
        rpc.tool_json("login", {"email": account[0], "password": account[1]})
        for _ in range(6):
            assert rpc.tool_json("get_auth_status")["email"] == account[0]
    finally:
        rpc.close()
    cookie = ""
    for attempt in range(6):  # each connection is balanced anew: the cookie carries the session
        with connect(fleet.proxy.ws_url, subprotocols=["mcp"],  # type: ignore[list-item]
                     additional_headers={"Cookie": cookie} if cookie else None) as connection:
            cookie = cookie or connection.response.headers["set-cookie"].split(";")[0]
            ws = WsRpc(connection)
            ws.initialize()
            if attempt == 0:
                ws.request("tools/call", {"name": "login", "arguments": {"email": account[0], "password": account[1]}})
            called = ws.request("tools/call", {"name": "get_auth_status", "arguments": {}})["result"]
            assert json.loads(called["content"][0]["text"])["email"] == account[0], called
    served = fleet.calls_per_instance()
    assert sum(served) == 14 and all(served), served


def test_progress_reaches_the_event_stream_whichever_instance_runs_the_call(fleet: Fleet,
                                                                         account: tuple[str, str]) -> None:
    """Deliver 2: the stream is held by one instance, the calls run on all three."""
    rpc = JsonRpc(fleet.proxy.url)
    requests: set[Any] = set()
    ready, done = threading.Event(), threading.Event()

    def listen() -> None:
        with rpc.http.stream("GET", "/sse/events", timeout=30) as stream:
            for line in stream.iter_lines():
                ready.set()
                if line.startswith("data:") and "requestId" in line:
                    requests.add(json.loads(line[5:])["requestId"])
                    if len(requests) == 3:
                        done.set()
                        return

    try:
        rpc.tool_json("login", {"email": account[0], "password": account[1]})  # the session cookie first
        listener = threading.Thread(target=listen, daemon=True)
        listener.start()
        assert ready.wait(10), "the event stream did not open"
        fleet.mark()
        for _ in range(3):
            assert rpc.tool_json("bulk_delete_daily_plans", {"ids": [str(uuid.uuid4())]})["failed"] == 1
        assert done.wait(10), requests
        assert fleet.calls_per_instance() == [1, 1, 1]
    finally:
        rpc.close()


@pytest.mark.anyio
async def test_a_redis_restart_fails_calls_cleanly_and_keeps_sessions(fleet: Fleet, account: tuple[str, str]) -> None:
    rpc = JsonRpc(fleet.proxy.url)
    try:
        async with sdk_client(f"{fleet.proxy.url}/mcp", "2025-11-25") as client:
            text_of(await client.call_tool("login", {"email": account[0], "password": account[1]}))
            rpc.tool_json("login", {"email": account[0], "password": account[1]})
            fleet.redis.stop()
            for _ in range(3):  # whichever instance answers: a clear error, no crash, no hang
                failed = rpc.call("tools/call", {"name": "get_auth_status", "arguments": {}}).json()["error"]
                assert "session store (Redis) is unavailable" in failed["message"], failed
                with pytest.raises(MCPError, match="unavailable"):
                    await client.call_tool("get_auth_status", {})
            fleet.redis.start()
            for _ in range(3):
                assert text_of(await client.call_tool("get_auth_status", {}))["email"] == account[0]
                assert rpc.tool_json("get_auth_status")["email"] == account[0]
    finally:
        rpc.close()


@pytest.mark.anyio
async def test_killing_an_instance_costs_no_sign_in(fleet: Fleet, account: tuple[str, str]) -> None:
    victim = fleet.instances[0]
    rpc = JsonRpc(fleet.proxy.url)
    try:
        async with sdk_client(f"{fleet.proxy.url}/mcp", "2025-11-25") as client:
            text_of(await client.call_tool("login", {"email": account[0], "password": account[1]}))
            rpc.tool_json("login", {"email": account[0], "password": account[1]})
            for _ in range(3):
                text_of(await client.call_tool("get_auth_status", {}))
            assert victim.process is not None
            victim.process.send_signal(signal.SIGKILL)
            victim.process.wait(10)
            for _ in range(6):
                assert text_of(await client.call_tool("get_auth_status", {}))["email"] == account[0]
                assert rpc.tool_json("get_auth_status")["email"] == account[0]
    finally:
        rpc.close()
        victim.process = None
        victim.launch().wait_ready(FLEET_START_TIMEOUT)  # back in the pool for whatever runs next
