"""A real server process verifying tokens by RFC 7662 introspection — SECURITY.md item 10,
acceptance of issue 5 ("revoked (introspection says inactive)" is refused)."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from websockets.exceptions import InvalidStatus
from websockets.sync.client import connect

from tests.remote import ServerProcess
from tests.security.authserver import INTROSPECTION_CLIENT, AuthorizationServer
from tests.security.keys import ISSUER
from tests.security.protected import Protected, start_protected

pytestmark = pytest.mark.e2e
TOKEN = "opaque-access-token-0001"


@pytest.fixture(scope="module")
def introspecting(rsa_key) -> Iterator[Protected]:
    with AuthorizationServer() as issuer:
        client_id, secret = INTROSPECTION_CLIENT
        process: ServerProcess = start_protected(
            issuer, MCP_AUTH_JWT_JWKS_URI=None, MCP_AUTH_INTROSPECTION_ENDPOINT=issuer.url + "/introspect",
            MCP_AUTH_INTROSPECTION_CLIENT_ID=client_id, MCP_AUTH_INTROSPECTION_CLIENT_SECRET=secret,
            MCP_AUTH_TOKEN_CACHE_TTL="0")
        try:
            yield Protected(process, issuer, rsa_key)
        finally:
            assert process.stop() == 0, process.logs()


def activate(server: Protected, token: str = TOKEN, **overrides) -> None:
    now = int(time.time())
    answer = {"active": True, "sub": "user-9", "aud": server.resource, "iss": ISSUER, "exp": now + 600, "iat": now,
              "scope": "mcp.read mcp.write", "client_id": "client-9", **overrides}
    server.issuer.introspection[token] = answer


def test_an_active_token_works_and_a_revoked_one_is_refused(introspecting: Protected) -> None:
    """Item 10: the endpoint's `active: true` admits the token; once revoked (`active: false`)
    it is refused with 401 `invalid_token` (RFC 7662 §2.2; RFC 6750 §3.1)."""
    activate(introspecting)
    assert introspecting.rpc("tools/list", token=TOKEN).status_code == 200
    introspecting.issuer.introspection[TOKEN] = {"active": False}
    refused = introspecting.rpc("tools/list", token=TOKEN)
    assert refused.status_code == 401
    assert refused.headers["www-authenticate"].endswith('error="invalid_token"')


def test_an_unknown_token_is_refused(introspecting: Protected) -> None:
    """Item 10: a token the authorization server never issued is inactive (RFC 7662 §2.2)."""
    assert introspecting.rpc("tools/list", token="never-issued").status_code == 401


def test_an_active_token_for_another_resource_is_refused(introspecting: Protected) -> None:
    """Items 10 and 4: `active` is not enough; the answer's `aud` must be us (RFC 7662 §4; RFC 8707 §2)."""
    activate(introspecting, "for-elsewhere", aud="https://other.example.test/mcp")
    assert introspecting.rpc("tools/list", token="for-elsewhere").status_code == 401


def test_a_revoked_token_cannot_open_a_websocket(introspecting: Protected) -> None:
    """Item 10 on the WebSocket handshake."""
    introspecting.issuer.introspection["revoked-ws"] = {"active": False}
    with pytest.raises(InvalidStatus) as refused:
        connect(introspecting.process.ws_url, additional_headers={"Authorization": "Bearer revoked-ws"})
    assert refused.value.response.status_code == 401


def test_the_server_authenticates_to_the_endpoint(introspecting: Protected) -> None:
    """Item 10: every introspection request carries the resource server's client credentials
    (RFC 7662 §2.1) and the token only in the form body."""
    activate(introspecting, "audit-me")
    introspecting.rpc("ping", token="audit-me")
    calls = [r for r in introspecting.issuer.requests if r.path == "/introspect"]
    assert calls and all(r.headers.get("authorization", "").startswith("Basic ") for r in calls)
    assert any(r.form.get("token") == "audit-me" for r in calls)
    assert all("audit-me" not in r.path for r in calls)


def test_an_unreachable_endpoint_is_503_not_401(introspecting: Protected) -> None:
    """Item 10: when the token cannot be checked the client is told to retry, not that its token
    is bad (RFC 6750 §3.1 reserves invalid_token for bad tokens)."""
    introspecting.issuer.status["/introspect"] = 500
    try:
        answer = introspecting.rpc("ping", token=TOKEN)
    finally:
        del introspecting.issuer.status["/introspect"]
    assert answer.status_code == 503 and answer.headers["retry-after"]
