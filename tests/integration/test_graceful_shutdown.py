"""SIGTERM lets the calls in flight finish: WebSocket and HTTP callers get their answers, then
the process exits 0. A slow Gauzy (the HTTP double with a delay) keeps the calls in flight."""

from __future__ import annotations

import contextlib
import json
import threading
import time
from typing import Any

import httpx
import pytest
from websockets.exceptions import ConnectionClosed
from websockets.sync.client import connect

from tests.e2e.remote_clients import JSON, WsRpc
from tests.remote import ServerProcess

pytestmark = [pytest.mark.integration]
CALLS = 5
SLOW = 1.0


def call(request_id: int) -> str:
    return json.dumps({"jsonrpc": "2.0", "id": request_id, "method": "tools/call",
                       "params": {"name": "get_projects", "arguments": {"limit": 5}}})


def wait_until_in_flight(gauzy_double: Any, seen_before: int, count: int) -> None:
    """Until Gauzy has received `count` more requests: they are then running, held by its delay.
    (Sleeping a fixed time instead races with a loaded machine.)"""
    deadline = time.monotonic() + 15
    while len(gauzy_double.requests) - seen_before < count:
        assert time.monotonic() < deadline, "the calls never reached Gauzy"
        time.sleep(0.02)


def test_sigterm_lets_calls_in_flight_finish(gauzy_double: Any) -> None:
    account = gauzy_double.seed.accounts["employee@ever.co"]
    # Hypercorn's keep-alive ping task outlives a closed WebSocket by up to one interval, which
    # delays the exit by as much: a short interval keeps this test quick.
    server = ServerProcess("http,websocket", API_BASE_URL=gauzy_double.base_url, GAUZY_AUTH_EMAIL=account.email,
                           GAUZY_AUTH_PASSWORD=account.password, MCP_WS_PING_INTERVAL="0.5").start()
    http_answer: list[httpx.Response] = []
    with connect(server.ws_url, subprotocols=["mcp"]) as connection:  # type: ignore[list-item]
        ws = WsRpc(connection)
        ws.initialize()
        assert not ws.request("tools/call", json.loads(call(0))["params"])["result"]["isError"]  # signs in
        seen_before = len(gauzy_double.requests)
        gauzy_double.delay_seconds = SLOW
        try:
            for n in range(1, CALLS + 1):
                connection.send(call(n))
            poster = threading.Thread(target=lambda: http_answer.append(
                httpx.post(f"{server.url}/sse", content=call(99), headers=JSON, timeout=20)))
            poster.start()
            wait_until_in_flight(gauzy_double, seen_before, CALLS + 1)
            stopped_at = time.monotonic()
            assert server.process is not None
            server.process.terminate()
            answers = []
            with pytest.raises(ConnectionClosed):
                while True:
                    answers.append(json.loads(connection.recv(timeout=15)))
            poster.join(15)
        finally:
            gauzy_double.delay_seconds = 0.0
        close = connection.protocol.close_rcvd
    assert sorted(a["id"] for a in answers) == list(range(1, CALLS + 1))
    assert not any(a["result"]["isError"] for a in answers), answers
    assert close is not None and close.code == 1001
    assert http_answer and http_answer[0].status_code == 200
    assert not http_answer[0].json()["result"]["isError"]
    assert server.process is not None
    # Wait for the exit the one SIGTERM above started; a second signal would force the process down.
    assert server.process.wait(20) == 0, server.logs()
    server.stop()  # already exited: only releases the handle
    assert time.monotonic() - stopped_at < 5


def test_sigterm_closes_connections_that_never_sent_a_frame() -> None:
    # A connection waiting for its first frame must hear of the shutdown too, not only the
    # ones with calls in flight (decision 028).
    server = ServerProcess("websocket", MCP_WS_PING_INTERVAL="0.5").start()
    try:
        with contextlib.ExitStack() as stack:
            idle = [stack.enter_context(connect(server.ws_url, subprotocols=["mcp"]))  # type: ignore[list-item]
                    for _ in range(3)]
            assert server.process is not None
            stopped_at = time.monotonic()
            server.process.terminate()
            for connection in idle:
                with pytest.raises(ConnectionClosed):
                    connection.recv(timeout=15)
                close = connection.protocol.close_rcvd
                assert close is not None and close.code == 1001, close
            assert server.process.wait(20) == 0, server.logs()
            assert time.monotonic() - stopped_at < 5
    finally:
        server.stop()
