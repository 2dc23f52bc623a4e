"""MCP sessions under OAuth — SECURITY.md item 23 (MCP Security Best Practices "Session
Hijacking"): a session id alone never authenticates, and sessions are stored as
`<sub>:<session id>`, so another user's token cannot use one. Runs on Redis, as deployed."""

from __future__ import annotations

import json
from collections.abc import Iterator

import httpx
import pytest
import redis

from tests.remote import RedisProcess
from tests.security.authserver import AuthorizationServer
from tests.security.keys import jwks
from tests.security.protected import DEMO_LOGIN, JSON, MCP_ACCEPT, Protected, start_protected

pytestmark = pytest.mark.e2e
DB = 7
COOKIE = "mcp-session-id"


@pytest.fixture(scope="module")
def on_redis(redis_server: RedisProcess, rsa_key) -> Iterator[Protected]:
    redis.Redis.from_url(redis_server.url(DB)).flushdb()
    with AuthorizationServer() as issuer:
        issuer.documents["/jwks"] = jwks(rsa_key)
        process = start_protected(issuer, "http", REDIS_URL=redis_server.url(DB), MCP_SESSION_SECRET="oauth-sessions")
        try:
            yield Protected(process, issuer, rsa_key)
        finally:
            assert process.stop() == 0, process.logs()


def status(server: Protected, client: httpx.Client, token: str | None) -> httpx.Response:
    body = {"jsonrpc": "2.0", "id": 1, "method": "tools/call", "params": {"name": "get_session_info", "arguments": {}}}
    headers = {**JSON, **({"Authorization": f"Bearer {token}"} if token else {})}
    return client.post("/sse", content=json.dumps(body), headers=headers)


def test_a_session_cookie_without_a_token_is_401(on_redis: Protected) -> None:
    """Item 23: the session exists and is live, yet without a token the request is refused."""
    with httpx.Client(base_url=on_redis.process.url, timeout=10) as alice:
        assert status(on_redis, alice, on_redis.token(sub="alice")).status_code == 200
        assert alice.cookies.get(COOKIE)
        refused = status(on_redis, alice, None)
    assert refused.status_code == 401


def test_sessions_are_stored_under_the_subject(on_redis: Protected, redis_server: RedisProcess) -> None:
    """Item 23: the store's keys are `<sub>:<session id>` (the cookie holds only the id)."""
    with httpx.Client(base_url=on_redis.process.url, timeout=10) as bob:
        status(on_redis, bob, on_redis.token(sub="bob"))
        session_id = bob.cookies[COOKIE]
    keys = {key.decode() for key in redis.Redis.from_url(redis_server.url(DB)).keys("*")}
    assert any(key.endswith(f"bob:{session_id}") for key in keys), keys
    assert not any(key.endswith(f":session:{session_id}") for key in keys)


def test_another_users_token_cannot_use_the_session(on_redis: Protected) -> None:
    """Item 23: Mallory holds Carol's session cookie and a valid token of her own: she lands in
    a session of her own and does not act as Carol's Gauzy user."""
    carol, mallory = on_redis.token(sub="carol"), on_redis.token(sub="mallory")
    with httpx.Client(base_url=on_redis.process.url, timeout=10) as browser:
        assert not on_redis.tool("login", DEMO_LOGIN, token=carol, client=browser)["isError"]
        own = on_redis.tool("get_session_info", {}, token=carol, client=browser)
        assert json.loads(own["content"][0]["text"])["authenticated"] is True
        stolen = browser.cookies[COOKIE]
    with httpx.Client(base_url=on_redis.process.url, timeout=10, cookies={COOKIE: stolen}) as thief:
        whoami = on_redis.tool("get_auth_status", {}, token=mallory, client=thief)
        session = json.loads(on_redis.tool("get_session_info", {}, token=mallory, client=thief)["content"][0]["text"])
    assert json.loads(whoami["content"][0]["text"])["authenticated"] is False
    assert session["subject"] == "mallory"


def test_an_mcp_session_id_is_bound_to_its_user(on_redis: Protected) -> None:
    """Item 23 on /mcp: an `Mcp-Session-Id` opened with Dave's token is refused with Erin's."""
    init = {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {
        "protocolVersion": "2025-06-18", "capabilities": {}, "clientInfo": {"name": "t", "version": "1"}}}
    opened = httpx.post(on_redis.resource, json=init, timeout=10,
                        headers={**MCP_ACCEPT, "Authorization": f"Bearer {on_redis.token(sub='dave')}"})
    session_id = opened.headers["mcp-session-id"]
    ping = {"jsonrpc": "2.0", "id": 2, "method": "ping"}
    hijack = httpx.post(on_redis.resource, json=ping, timeout=10,
                        headers={**MCP_ACCEPT, "Mcp-Session-Id": session_id, "Mcp-Protocol-Version": "2025-06-18",
                                 "Authorization": f"Bearer {on_redis.token(sub='erin')}"})
    assert hijack.status_code == 403
    own = httpx.post(on_redis.resource, json=ping, timeout=10,
                     headers={**MCP_ACCEPT, "Mcp-Session-Id": session_id, "Mcp-Protocol-Version": "2025-06-18",
                              "Authorization": f"Bearer {on_redis.token(sub='dave')}"})
    assert own.status_code == 200, own.text
