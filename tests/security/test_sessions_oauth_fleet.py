"""MCP sessions under OAuth across instances — SECURITY.md item 23 where another instance
resumes an `Mcp-Session-Id` (issue 13): it resumes only for a token of the user who opened
the session (the store key is `<sub>:mcp:<id>`), never for an id alone."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from tests.remote import RedisProcess, ServerProcess
from tests.security.authserver import AuthorizationServer
from tests.security.keys import jwks
from tests.security.protected import MCP_ACCEPT, Protected, start_protected

pytestmark = pytest.mark.e2e
DB = 8
PING = {"jsonrpc": "2.0", "id": 2, "method": "ping"}
RESOURCE = "https://mcp.example.test/mcp"  # one deployment, one resource, whichever instance answers


@pytest.fixture(scope="module")
def pair(redis_server: RedisProcess, rsa_key) -> Iterator[tuple[Protected, ServerProcess]]:
    with AuthorizationServer() as issuer:
        issuer.documents["/jwks"] = jwks(rsa_key)
        first, second = (start_protected(issuer, "http", REDIS_URL=redis_server.url(DB), MCP_AUTH_RESOURCE=RESOURCE,
                                         MCP_SESSION_SECRET="fleet-oauth") for _ in range(2))
        try:
            yield Protected(first, issuer, rsa_key), second
        finally:
            assert first.stop() == 0, first.logs()
            assert second.stop() == 0, second.logs()


def ping(server: ServerProcess, session_id: str, token: str | None) -> httpx.Response:
    auth = {"Authorization": f"Bearer {token}"} if token else {}
    return httpx.post(server.url + "/mcp", json=PING, timeout=10, headers={
        **MCP_ACCEPT, "Mcp-Session-Id": session_id, "Mcp-Protocol-Version": "2025-11-25", **auth})


def test_another_instance_resumes_a_session_for_its_user_only(pair: tuple[Protected, ServerProcess]) -> None:
    """Item 23: opened on the first instance with Dave's token; on the second, Erin's token
    with Dave's id finds nothing (404), no token is 401, and Dave's token carries on (200)."""
    first, second = pair
    init = {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {
        "protocolVersion": "2025-11-25", "capabilities": {}, "clientInfo": {"name": "t", "version": "1"}}}
    dave, erin = first.token(sub="dave", aud=RESOURCE), first.token(sub="erin", aud=RESOURCE)
    opened = httpx.post(first.process.url + "/mcp", json=init, timeout=10,
                        headers={**MCP_ACCEPT, "Authorization": f"Bearer {dave}"})
    assert opened.status_code == 200, opened.text
    session_id = opened.headers["mcp-session-id"]
    assert ping(second, session_id, erin).status_code == 404
    assert ping(second, session_id, None).status_code == 401
    resumed = ping(second, session_id, dave)
    assert resumed.status_code == 200, resumed.text
    assert ping(second, session_id, erin).status_code == 403  # live here now, and still Dave's
