"""No token passthrough: our OAuth access token never reaches Gauzy, and Gauzy's token never
reaches the client — SECURITY.md item 5 (MCP 2025-06-18 "Access Token Privilege Restriction";
MCP Security Best Practices "Token Passthrough").

The server runs against the Gauzy double over real HTTP, whose recorded requests are the spy.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from adapters.outbound.gauzy_model import GauzyDouble
from tests.security.authserver import AuthorizationServer
from tests.security.keys import jwks
from tests.security.protected import DEMO_LOGIN, Protected, sdk_client, start_protected

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def gauzy() -> Iterator[GauzyDouble]:
    with GauzyDouble() as double:
        yield double


@pytest.fixture(scope="module")
def against_gauzy(gauzy: GauzyDouble, rsa_key) -> Iterator[Protected]:
    with AuthorizationServer() as issuer:
        issuer.documents["/jwks"] = jwks(rsa_key)
        process = start_protected(issuer, "http", API_BASE_URL=gauzy.base_url)
        try:
            yield Protected(process, issuer, rsa_key)
        finally:
            assert process.stop() == 0, process.logs()


def carried(request) -> str:
    """Everything a recorded Gauzy request carried, as one string."""
    return " ".join([request.path, request.query, json.dumps(request.headers), request.body.decode("latin-1")])


@pytest.mark.anyio
async def test_no_gauzy_request_carries_our_bearer_token(against_gauzy: Protected, gauzy: GauzyDouble) -> None:
    """Item 5: sign in, read, write, over /sse and /mcp — Gauzy sees its own token only."""
    token = against_gauzy.token(sub="passthrough-user")
    gauzy.clear_requests()
    assert not against_gauzy.tool("login", DEMO_LOGIN, token=token)["isError"]
    assert not against_gauzy.tool("get_projects", {"limit": 2}, token=token)["isError"]
    assert not against_gauzy.tool("get_task_count", {}, token=token)["isError"]
    async with sdk_client(against_gauzy.resource, token) as client:
        assert not (await client.call_tool("get_employees", {"limit": 1})).is_error
        await client.call_tool("create_task", {"title": "passthrough check"})
    seen = gauzy.requests
    assert len(seen) >= 4, "the calls reached the double"
    assert all(token not in carried(request) for request in seen)
    authorizations = {request.headers.get("Authorization") or request.headers.get("authorization") for request in seen}
    assert f"Bearer {token}" not in authorizations


def test_the_gauzy_token_never_reaches_the_client(against_gauzy: Protected, gauzy: GauzyDouble) -> None:
    """Item 5, the other direction: tool results never contain the Gauzy access token."""
    token = against_gauzy.token(sub="no-leak-user")
    results = [against_gauzy.tool("login", DEMO_LOGIN, token=token),
               against_gauzy.tool("get_auth_status", {"includeSessionInfo": True}, token=token),
               against_gauzy.tool("refresh_auth_token", {}, token=token)]
    gauzy_tokens = {value.removeprefix("Bearer ") for request in gauzy.requests
                    for name, value in request.headers.items() if name.lower() == "authorization"}
    assert gauzy_tokens
    text = json.dumps(results)
    assert not any(secret in text for secret in gauzy_tokens)
