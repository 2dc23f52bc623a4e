"""Every reply at the edge is JSON-RPC: bad bytes, deep nesting, lone surrogates, refused
requests. One bad message gets an error and leaves the connection and its session working."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from websockets.exceptions import ConnectionClosedError
from websockets.sync.client import ClientConnection, connect

from tests.e2e.remote_clients import JSON
from tests.remote import ServerProcess

pytestmark = [pytest.mark.integration]
MCP_HEADERS = {**JSON, "Accept": "application/json, text/event-stream", "MCP-Protocol-Version": "2025-11-25"}
DEEP = b"[" * 1000 + b"]" * 1000
LONE_SURROGATE_ID = b'{"jsonrpc":"2.0","id":"\\udcff","method":"ping"}'
DEEP_PARAMS = b'{"jsonrpc":"2.0","id":7,"method":"ping","params":{"a":' + b"[" * 990 + b"]" * 990 + b"}}"


@pytest.fixture(scope="module")
def server() -> Iterator[ServerProcess]:
    process = ServerProcess("http,websocket", MCP_SESSION_SECRET="edge-replies", THROTTLE_LIMIT="100000").start()
    try:
        yield process
    finally:
        assert process.stop() == 0, process.logs()


def json_rpc_error(response: httpx.Response) -> dict[str, Any]:
    assert response.headers["content-type"].startswith("application/json"), response.text
    body: dict[str, Any] = response.json()
    assert body["jsonrpc"] == "2.0" and isinstance(body["error"]["code"], int) and body["error"]["message"], body
    return body


@pytest.mark.parametrize("body", [DEEP, LONE_SURROGATE_ID, DEEP_PARAMS], ids=["deep", "surrogate", "deep-params"])
def test_sse_answers_unreadable_json_with_a_parse_error(server: ServerProcess, body: bytes) -> None:
    answer = httpx.post(f"{server.url}/sse", content=body, headers=JSON, timeout=10)
    assert answer.status_code == 400
    assert json_rpc_error(answer)["error"]["code"] == -32700


def test_sse_never_echoes_an_id_that_is_not_valid_json(server: ServerProcess) -> None:
    answer = httpx.post(f"{server.url}/sse", content=b'{"jsonrpc":"2.0","id":1e400,"method":"ping"}',
                        headers=JSON, timeout=10)
    assert json_rpc_error(answer)["id"] is None


def sse_post(server: ServerProcess, body: bytes, **headers: str) -> httpx.Response:
    return httpx.post(f"{server.url}/sse", content=body, headers={**JSON, **headers}, timeout=10)


def mcp_post(server: ServerProcess, body: bytes, **headers: str) -> httpx.Response:
    return httpx.post(f"{server.url}/mcp", content=body, headers={**MCP_HEADERS, **headers}, timeout=10)


@pytest.mark.parametrize("post", [sse_post, mcp_post], ids=["sse", "mcp"])
def test_a_wrong_content_type_is_a_json_rpc_error_with_the_id(server: ServerProcess, post: Any) -> None:
    answer = post(server, b'{"jsonrpc":"2.0","id":41,"method":"ping"}', **{"Content-Type": "text/plain"})
    assert answer.status_code in (400, 415)
    assert json_rpc_error(answer)["id"] == 41


@pytest.mark.parametrize("post", [sse_post, mcp_post], ids=["sse", "mcp"])
def test_a_body_too_large_is_a_json_rpc_error(server: ServerProcess, post: Any) -> None:
    big = json.dumps({"jsonrpc": "2.0", "id": 1, "method": "ping", "params": {"pad": "x" * (1 << 20)}}).encode()
    answer = post(server, big)
    assert answer.status_code == 413
    assert "1048576" in json_rpc_error(answer)["error"]["message"]


def test_mcp_not_acceptable_is_a_json_rpc_error(server: ServerProcess) -> None:
    answer = mcp_post(server, b'{"jsonrpc":"2.0","id":5,"method":"ping"}', Accept="text/html")
    assert answer.status_code == 406
    assert json_rpc_error(answer)["id"] == 5


@pytest.fixture
def ws(server: ServerProcess) -> Iterator[ClientConnection]:
    with connect(server.ws_url, subprotocols=["mcp"]) as connection:  # type: ignore[list-item]
        yield connection


def ask(ws: ClientConnection, frame: str | bytes) -> dict[str, Any]:
    ws.send(frame)
    answer: dict[str, Any] = json.loads(ws.recv(timeout=10))
    return answer


def initialized(ws: ClientConnection) -> None:
    ask(ws, json.dumps({"jsonrpc": "2.0", "id": 0, "method": "initialize", "params": {
        "protocolVersion": "2025-06-18", "capabilities": {}, "clientInfo": {"name": "edge", "version": "1"}}}))
    ws.send('{"jsonrpc":"2.0","method":"notifications/initialized"}')


@pytest.mark.parametrize("frame", [DEEP, LONE_SURROGATE_ID, DEEP_PARAMS], ids=["deep", "surrogate", "deep-params"])
def test_websocket_answers_unreadable_json_and_keeps_the_session(ws: ClientConnection, frame: bytes) -> None:
    initialized(ws)
    assert ask(ws, frame.decode())["error"]["code"] == -32700
    listed = ask(ws, '{"jsonrpc":"2.0","id":2,"method":"tools/list"}')
    assert listed["result"]["tools"], listed  # still the initialized session, not a fresh one


def test_websocket_invalid_utf8_closes_with_1007(ws: ClientConnection) -> None:
    ws.send(b'{"jsonrpc":"2.0","id":1,"method":"ping","x":"\xff\xfe"}', text=True)
    with pytest.raises(ConnectionClosedError):
        ws.recv(timeout=10)
    assert ws.protocol.close_rcvd is not None and ws.protocol.close_rcvd.code == 1007


def test_websocket_request_before_initialize_says_so(ws: ClientConnection) -> None:
    error = ask(ws, '{"jsonrpc":"2.0","id":3,"method":"tools/list"}')["error"]
    assert "initialize" in error["message"] and error.get("data") != ""


def test_mcp_streams_start_with_a_priming_event_and_retry(server: ServerProcess) -> None:
    """MCP 2025-11-25 Transports: an SSE stream SHOULD start with an event id (and a retry hint)."""
    answer = mcp_post(server, json.dumps({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {
        "protocolVersion": "2025-11-25", "capabilities": {}, "clientInfo": {"name": "edge", "version": "1"}}}).encode())
    assert answer.headers["content-type"].startswith("text/event-stream"), answer.text
    first_event = answer.text.split("\n\n")[0].splitlines()
    assert any(line.startswith("id:") for line in first_event) and "retry: 1000" in first_event, first_event


def test_tasks_methods_say_the_extension_is_not_offered(ws: ClientConnection) -> None:
    initialized(ws)
    error = ask(ws, '{"jsonrpc":"2.0","id":4,"method":"tasks/get","params":{"taskId":"t1"}}')["error"]
    assert error["code"] == -32021, error
    assert "io.modelcontextprotocol/tasks" in error["data"]["requiredCapabilities"]["extensions"], error
