"""Bad input at the edge of a real server: each gets a clear answer, and the server keeps serving."""

from __future__ import annotations

import json
from collections.abc import Iterator

import httpx
import pytest
from websockets.exceptions import ConnectionClosedError, InvalidStatus
from websockets.sync.client import connect

from tests.e2e.remote_clients import JSON, OTHER_USER, JsonRpc
from tests.remote import RedisProcess, ServerProcess

pytestmark = [pytest.mark.integration]
ONE_MIB = 1024 * 1024


@pytest.fixture(scope="module")
def server(redis_server: RedisProcess) -> Iterator[ServerProcess]:
    process = ServerProcess("http,websocket", REDIS_URL=redis_server.url(2), MCP_SESSION_SECRET="edge",
                            THROTTLE_LIMIT="100000", MCP_WS_MAX_PAYLOAD=str(64 * 1024),
                            MCP_WS_PER_MESSAGE_DEFLATE="false").start()
    try:
        yield process
    finally:
        assert process.stop() == 0, process.logs()


def post(server: ServerProcess, body: bytes, **headers: str) -> httpx.Response:
    return httpx.post(f"{server.url}/sse", content=body, headers={**JSON, **headers}, timeout=10)


def still_serving(server: ServerProcess) -> None:
    assert httpx.get(f"{server.url}/health", timeout=5).json() == {"status": "ok"}
    answer = post(server, b'{"jsonrpc":"2.0","id":9,"method":"tools/list"}')
    assert answer.status_code == 200 and answer.json()["result"]["tools"]


@pytest.mark.parametrize(("body", "code"), [
    (b'{"jsonrpc": "2.0", "id": 1, "method": "tools/list"', -32700),
    (b"\xff\xfe not utf-8", -32700),
    (b'{"jsonrpc": "1.0", "id": 1, "method": "tools/list"}', -32600),
    (b'{"jsonrpc": "2.0", "id": 1, "method": 42}', -32600),
    (b'{"jsonrpc": "2.0", "id": {"no": 1}, "method": "ping"}', -32600),
    (b'[{"jsonrpc": "2.0", "id": 1, "method": "ping"}]', -32600),
    (b'"just a string"', -32600),
    (b'{"jsonrpc": "2.0", "id": 1, "method": "resources/list"}', -32601),
    (b'{"jsonrpc": "2.0", "id": 1, "method": "tools/call", "params": {"name": "no_such_tool"}}', -32602),
])
def test_bad_json_rpc_gets_its_error_code(server: ServerProcess, body: bytes, code: int) -> None:
    answer = post(server, body)
    assert answer.json()["error"]["code"] == code, answer.text
    still_serving(server)


@pytest.mark.parametrize("path", ["/sse", "/mcp"])
def test_a_body_over_one_mib_is_refused_with_413(server: ServerProcess, path: str) -> None:
    big = json.dumps({"jsonrpc": "2.0", "id": 1, "method": "ping", "params": {"pad": "x" * ONE_MIB}})
    answer = httpx.post(f"{server.url}{path}", content=big, headers={**JSON, "Accept": "application/json, "
                        "text/event-stream"}, timeout=10)
    assert answer.status_code == 413
    still_serving(server)


def test_other_content_types_are_refused(server: ServerProcess) -> None:
    answer = httpx.post(f"{server.url}/sse", content=b'{"jsonrpc":"2.0","id":1,"method":"ping"}',
                        headers={"Content-Type": "text/plain"})
    assert answer.status_code == 415


def test_a_foreign_host_or_origin_is_refused(server: ServerProcess) -> None:
    """DNS-rebinding protection (MCP 2025-06-18 Transports, Security Warning)."""
    ping = b'{"jsonrpc":"2.0","id":1,"method":"ping"}'
    assert post(server, ping, Host="evil.example").status_code == 421
    assert post(server, ping, Origin="https://evil.example").status_code == 403
    with pytest.raises(InvalidStatus) as refused:
        connect(server.ws_url, subprotocols=["mcp"], origin="https://evil.example")  # type: ignore[list-item,arg-type]
    assert refused.value.response.status_code == 403


def test_a_session_presented_by_another_client_is_refused(server: ServerProcess) -> None:
    owner = JsonRpc(server.url, headers={"User-Agent": "owner-agent/1"})
    try:
        owner.tool_json("get_auth_status")  # a session exists once a call has used it
        stolen = owner.http.cookies["mcp-session-id"]
        thief = httpx.post(f"{server.url}/sse", json={"jsonrpc": "2.0", "id": 1, "method": "ping"},
                           headers={"User-Agent": "thief-agent/1"}, cookies={"mcp-session-id": stolen})
        assert thief.status_code == 403
        assert "another client" in thief.json()["error"]["message"]
        assert owner.call("ping").status_code == 200
    finally:
        owner.close()


@pytest.mark.parametrize(("frame", "code"), [
    ('{"jsonrpc": "2.0", "id": 1, "method": ', -32700),
    ('{"jsonrpc": "2.0", "id": 1}', -32600),
    ('{"id": 1, "method": "ping"}', -32600),
    ('{"jsonrpc": "2.0", "id": 1, "method": "no/such/method"}', -32601),
])
def test_bad_websocket_frames_get_their_error_code(server: ServerProcess, frame: str, code: int) -> None:
    with connect(server.ws_url, subprotocols=["mcp"]) as ws:  # type: ignore[list-item]
        ws.send(frame)
        assert json.loads(ws.recv(timeout=10))["error"]["code"] == code
        ws.send('{"jsonrpc": "2.0", "id": 2, "method": "ping"}')
        assert json.loads(ws.recv(timeout=10)) == {"jsonrpc": "2.0", "id": 2, "result": {}}


def test_an_oversize_websocket_frame_closes_with_1009(server: ServerProcess) -> None:
    with connect(server.ws_url, subprotocols=["mcp"]) as ws:  # type: ignore[list-item]
        ws.send("x" * (64 * 1024 + 1))
        with pytest.raises(ConnectionClosedError):
            ws.recv(timeout=10)
        assert ws.protocol.close_rcvd is not None and ws.protocol.close_rcvd.code == 1009
    with connect(server.ws_url, subprotocols=["mcp"]) as ws:  # type: ignore[list-item]
        ws.send('{"jsonrpc": "2.0", "id": 1, "method": "ping"}')
        assert json.loads(ws.recv(timeout=10))["result"] == {}
    still_serving(server)


def test_permessage_deflate_can_be_declined(server: ServerProcess) -> None:
    """RFC 7692: the client offers the extension; with MCP_WS_PER_MESSAGE_DEFLATE=false it is not accepted."""
    with connect(server.ws_url, subprotocols=["mcp"]) as ws:  # type: ignore[list-item]
        assert "sec-websocket-extensions" not in ws.response.headers
        ws.send('{"jsonrpc": "2.0", "id": 1, "method": "ping"}')
        assert json.loads(ws.recv(timeout=10))["result"] == {}


def test_a_websocket_presenting_another_clients_session_is_refused(server: ServerProcess) -> None:
    owner = JsonRpc(server.url, headers={"User-Agent": "owner-agent/2"})
    try:
        owner.tool_json("get_auth_status")
        cookie = f"mcp-session-id={owner.http.cookies['mcp-session-id']}"
    finally:
        owner.close()
    with pytest.raises(InvalidStatus) as refused:
        connect(server.ws_url, subprotocols=["mcp"],  # type: ignore[list-item]
                additional_headers={"Cookie": cookie, "User-Agent": "thief-agent/2"})
    assert refused.value.response.status_code == 403


def test_a_streamable_http_client_without_cookies_keeps_its_session_by_mcp_session_id(server: ServerProcess) -> None:
    headers = {**JSON, "Accept": "application/json, text/event-stream", "MCP-Protocol-Version": "2025-11-25"}

    def post(body: dict[str, object], session: str | None = None) -> httpx.Response:
        extra = {"Mcp-Session-Id": session} if session else {}
        return httpx.post(f"{server.url}/mcp", json=body, headers={**headers, **extra}, timeout=10)

    opened = post({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {
        "protocolVersion": "2025-11-25", "capabilities": {}, "clientInfo": {"name": "bare", "version": "1"}}})
    session = opened.headers["mcp-session-id"]
    post({"jsonrpc": "2.0", "method": "notifications/initialized"}, session)
    login = {"name": "login", "arguments": {"email": OTHER_USER[0], "password": OTHER_USER[1]}}
    assert '"isError":false' in post({"jsonrpc": "2.0", "id": 2, "method": "tools/call", "params": login},
                                     session).text
    status = post({"jsonrpc": "2.0", "id": 3, "method": "tools/call",
                   "params": {"name": "get_auth_status", "arguments": {}}}, session)
    assert OTHER_USER[0] in status.text
