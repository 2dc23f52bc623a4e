"""Bearer tokens on the WebSocket handshake of a real server process — SECURITY.md items 2, 3
and 6, acceptance of issue 5 ("a valid token works on ... the WebSocket")."""

from __future__ import annotations

import json
import time

import pytest
from websockets.exceptions import ConnectionClosed, InvalidStatus
from websockets.sync.client import ClientConnection, connect

from tests.e2e.remote_clients import WsRpc
from tests.security.keys import SigningKey
from tests.security.protected import DEMO_LOGIN, Protected

pytestmark = pytest.mark.e2e


def open_socket(protected: Protected, token: str | None = None, query: str = "") -> ClientConnection:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return connect(protected.process.ws_url + query, subprotocols=["mcp"],  # type: ignore[list-item]
                   additional_headers=headers, open_timeout=10)


def refused_handshake(protected: Protected, token: str | None = None, query: str = "") -> InvalidStatus:
    with pytest.raises(InvalidStatus) as refused:
        open_socket(protected, token, query)
    return refused.value


def test_a_handshake_without_a_token_is_401(protected: Protected) -> None:
    """Item 2: the upgrade is refused with 401 and the metadata pointer (RFC 6750 §3; RFC 9728 §5.1)."""
    refused = refused_handshake(protected)
    assert refused.response.status_code == 401
    assert refused.response.headers["www-authenticate"] == f'Bearer resource_metadata="{protected.metadata_url}"'


@pytest.mark.parametrize("case", ["expired", "unknown kid", "other resource"])
def test_a_handshake_with_a_bad_token_is_401_invalid_token(protected: Protected, case: str) -> None:
    """Items 2, 4, 7, 8 on the WebSocket (RFC 6750 §3.1)."""
    token = {"expired": lambda: protected.token(exp=int(time.time()) - 300, iat=int(time.time()) - 900),
             "unknown kid": lambda: protected.token(key=SigningKey.ec("unpublished")),
             "other resource": lambda: protected.token(aud="https://other.example.test/mcp")}[case]()
    refused = refused_handshake(protected, token)
    assert refused.response.status_code == 401
    assert refused.response.headers["www-authenticate"].endswith('error="invalid_token"')
    assert b"expired" not in refused.response.body and b"kid" not in refused.response.body


def test_a_token_in_the_query_string_does_not_open_a_socket(protected: Protected) -> None:
    """Item 6: browsers cannot set headers on a WebSocket, which tempts servers to read a query
    token; this one does not (RFC 6750 §2.3; MCP "Token Requirements")."""
    refused = refused_handshake(protected, query=f"?access_token={protected.token()}")
    assert refused.response.status_code == 401


def test_a_valid_token_lists_and_calls_tools(protected: Protected) -> None:
    """Acceptance: with a valid token the socket works end to end (sign in, call a read tool)."""
    with open_socket(protected, protected.token(sub="ws-user")) as connection:
        ws = WsRpc(connection)
        assert ws.initialize()["result"]["protocolVersion"] == "2025-06-18"
        assert ws.request("tools/list")["result"]["tools"]
        login = ws.request("tools/call", {"name": "login", "arguments": DEMO_LOGIN})["result"]
        assert not login["isError"], login
        projects = ws.request("tools/call", {"name": "get_projects", "arguments": {"limit": 1}})["result"]
        assert not projects["isError"], projects


def test_a_read_only_token_gets_an_error_naming_the_write_scope(protected: Protected) -> None:
    """Item 3 on the WebSocket: no HTTP status exists per message, so the tool result is an error
    naming the scope to ask for (MCP 2025-11-25 "Runtime Insufficient Scope Errors")."""
    with open_socket(protected, protected.token(sub="ws-reader", scope="mcp.read")) as connection:
        ws = WsRpc(connection)
        ws.initialize()
        listed = {tool["name"] for tool in ws.request("tools/list")["result"]["tools"]}
        assert "get_projects" in listed and "create_task" not in listed and "login" not in listed
        denied = ws.request("tools/call", {"name": "login", "arguments": DEMO_LOGIN})["result"]
        assert denied["isError"] and "mcp.write" in denied["content"][0]["text"]


def test_the_socket_closes_once_the_token_expires(protected: Protected) -> None:
    """Item 2 over time: a connection does not outlive its token; the next frame after expiry
    closes it with 1008 (RFC 6455 §7.4.1; MCP "Token Handling")."""
    short = protected.token(sub="ws-short", exp=int(time.time()) + 2)
    with open_socket(protected, short) as connection:
        ws = WsRpc(connection)
        ws.initialize()
        time.sleep(3)
        connection.send(json.dumps({"jsonrpc": "2.0", "id": 99, "method": "ping"}))
        with pytest.raises(ConnectionClosed) as closed:
            connection.recv(timeout=10)
    assert closed.value.rcvd is not None and closed.value.rcvd.code == 1008
