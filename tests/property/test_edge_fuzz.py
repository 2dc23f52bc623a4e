"""Fuzzing the three remote endpoints (POST /sse, /mcp, WebSocket) with hostile messages:
malformed JSON, deep nesting, lone surrogates, invalid UTF-8, huge ids, batches, wrong
types. Every answer is a JSON-RPC message (no 5xx, no dropped connection), and the server
is healthy afterwards. Bounded: a modest number of examples per endpoint."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from websockets.sync.client import ClientConnection, connect

from tests.remote import ServerProcess

pytestmark = [pytest.mark.property, pytest.mark.integration]
FUZZ = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
MCP_HEADERS = {"Content-Type": "application/json", "Accept": "application/json, text/event-stream",
               "MCP-Protocol-Version": "2025-11-25"}
METHODS = ["ping", "initialize", "tools/list", "tools/call", "tasks/get", "resources/list", "nope", ""]

ids = st.one_of(st.integers(), st.integers(min_value=10**30, max_value=10**40), st.text(max_size=20),
                st.none(), st.booleans(), st.floats(allow_nan=False), st.lists(st.integers(), max_size=2))
json_values = st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=10),
                           lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner,
                                                                                       max_size=3), max_leaves=10)
messages = st.fixed_dictionaries({}, optional={
    "jsonrpc": st.sampled_from(["2.0", "1.0", 2]), "id": ids, "method": st.sampled_from(METHODS) | json_values,
    "params": json_values | st.fixed_dictionaries({"name": st.sampled_from(["get_projects", "login", "x"]),
                                                   "arguments": json_values})})


def encoded(value: Any) -> bytes:
    return json.dumps(value).encode()


def nested(depth: int) -> bytes:
    return b'{"jsonrpc":"2.0","id":1,"method":"ping","params":{"a":' + b"[" * depth + b"]" * depth + b"}}"


hostile = st.one_of(
    messages.map(encoded),
    st.lists(messages, min_size=0, max_size=3).map(encoded),  # batches, the empty one too
    st.binary(max_size=40),  # anything at all, invalid UTF-8 included
    st.integers(min_value=150, max_value=3000).map(nested),
    st.sampled_from([b'{"jsonrpc":"2.0","id":"\\udcff","method":"ping"}', b'{"jsonrpc":"2.0","id":1e400}',
                     b'{"jsonrpc":"2.0","id":NaN,"method":"ping"}', b"", b"null", b"[]", b"{}"]),
    messages.map(encoded).map(lambda raw: raw[: max(1, len(raw) // 2)]),  # cut short
)


@pytest.fixture(scope="module")
def server() -> Iterator[ServerProcess]:
    process = ServerProcess("http,websocket", MCP_SESSION_SECRET="fuzz", THROTTLE_LIMIT="1000000").start()
    try:
        yield process
    finally:
        assert process.stop() == 0, process.logs()


def assert_json_rpc(message: Any) -> None:
    assert isinstance(message, dict) and message.get("jsonrpc") == "2.0", message
    assert ("result" in message) != ("error" in message), message
    assert message.get("id") is None or isinstance(message["id"], str | int), message
    if "error" in message:
        assert isinstance(message["error"]["code"], int) and isinstance(message["error"]["message"], str), message


def assert_answer(response: httpx.Response) -> None:
    assert response.status_code < 500, response.text[:300]
    if response.status_code == 202 and not response.content:
        return  # a notification
    if response.headers.get("content-type", "").startswith("text/event-stream"):
        data = [line[5:] for line in response.text.splitlines() if line.startswith("data:") and line[5:].strip()]
        for item in data:
            assert_json_rpc(json.loads(item))
        return
    assert_json_rpc(json.loads(response.content))


def still_healthy(server: ServerProcess) -> None:
    assert httpx.get(f"{server.url}/health", timeout=10).status_code == 200
    ping = httpx.post(f"{server.url}/sse", json={"jsonrpc": "2.0", "id": 1, "method": "ping"}, timeout=10)
    assert ping.json() == {"jsonrpc": "2.0", "id": 1, "result": {}}
    assert server.alive()


def test_post_sse_answers_everything_with_json_rpc(server: ServerProcess) -> None:
    with httpx.Client(base_url=server.url, timeout=20) as http:
        @FUZZ
        @given(body=hostile)
        def check(body: bytes) -> None:
            assert_answer(http.post("/sse", content=body, headers={"Content-Type": "application/json"}))

        check()
    still_healthy(server)


def test_mcp_answers_everything_with_json_rpc(server: ServerProcess) -> None:
    with httpx.Client(base_url=server.url, timeout=20) as http:
        @FUZZ
        @given(body=hostile)
        def check(body: bytes) -> None:
            assert_answer(http.post("/mcp", content=body, headers=MCP_HEADERS))

        check()
    still_healthy(server)


def websocket_answer(ws: ClientConnection, frame: bytes) -> Any:
    """Send `frame` as text (invalid UTF-8 must close with 1007), then a ping marker; the
    answers before the marker's must each be JSON-RPC."""
    ws.send(frame, text=True)
    ws.send('{"jsonrpc":"2.0","id":"marker","method":"ping"}')
    while True:
        answer = json.loads(ws.recv(timeout=20))
        assert_json_rpc(answer)
        if answer.get("id") == "marker":
            return


def test_websocket_answers_everything_and_stays_open(server: ServerProcess) -> None:
    @FUZZ
    @given(frame=hostile)
    def check(frame: bytes) -> None:
        try:
            frame.decode("utf-8")
        except UnicodeDecodeError:
            return  # not text: the 1007 close is tested on its own (test_edge_replies)
        websocket_answer(ws, frame)

    with connect(server.ws_url, subprotocols=["mcp"]) as ws:  # type: ignore[list-item]
        check()
        assert ws.protocol.close_rcvd is None, "the connection was closed"
    still_healthy(server)
