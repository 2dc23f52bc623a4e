"""A WebSocket connection's state is freed when it closes: the session it opened goes with
it unless it holds a Gauzy sign-in (a reconnecting client may present that one again)."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
import redis
from websockets.sync.client import connect

from tests.e2e.remote_clients import OTHER_USER
from tests.remote import RedisProcess, ServerProcess, wait_until

pytestmark = [pytest.mark.integration]
DB = 5


@pytest.fixture(scope="module")
def server(redis_server: RedisProcess) -> Iterator[ServerProcess]:
    process = ServerProcess("websocket", REDIS_URL=redis_server.url(DB), MCP_SESSION_SECRET="ws-sessions").start()
    try:
        yield process
    finally:
        assert process.stop() == 0, process.logs()


def sessions(redis_server: RedisProcess) -> int:
    with redis.Redis.from_url(redis_server.url(DB)) as inspector:
        return len(list(inspector.scan_iter("gauzy-mcp:session:*")))


def initialize_and_close(server: ServerProcess, *, sign_in: bool) -> None:
    with connect(server.ws_url, subprotocols=["mcp"]) as ws:  # type: ignore[list-item]
        ws.send(json.dumps({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {
            "protocolVersion": "2025-06-18", "capabilities": {}, "clientInfo": {"name": "s", "version": "1"}}}))
        ws.recv(timeout=10)
        ws.send('{"jsonrpc":"2.0","method":"notifications/initialized"}')
        if not sign_in:
            ws.send('{"jsonrpc":"2.0","id":2,"method":"ping"}')
            assert json.loads(ws.recv(timeout=10))["result"] == {}
            return
        login = {"name": "login", "arguments": {"email": OTHER_USER[0], "password": OTHER_USER[1]}}
        ws.send(json.dumps({"jsonrpc": "2.0", "id": 2, "method": "tools/call", "params": login}))
        assert '"isError":false' in ws.recv(timeout=20)


def test_a_closed_connection_leaves_no_session_behind(server: ServerProcess, redis_server: RedisProcess) -> None:
    before = sessions(redis_server)
    for _ in range(10):
        initialize_and_close(server, sign_in=False)
    wait_until(lambda: sessions(redis_server) == before, 10, "the closed connections' sessions to be freed")


def test_a_signed_in_session_outlives_its_connection(server: ServerProcess, redis_server: RedisProcess) -> None:
    before = sessions(redis_server)
    initialize_and_close(server, sign_in=True)
    assert sessions(redis_server) == before + 1
