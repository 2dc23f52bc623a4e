"""Introspection at the authorization server, and userinfo (RFC 7662 §2.1, §2.2, §4) — the AS side
of SECURITY.md item 10 (the resource-server side is test_introspection_rfc7662.py) and item 20."""

from __future__ import annotations

import pytest

from application.oauth.clients import ClientCredentials
from domain.errors import InvalidTokenError
from domain.oauth.errors import InvalidClientError
from tests.security.as_harness import RESOURCE, harness, params

pytestmark = pytest.mark.anyio


async def resource_server(h) -> ClientCredentials:
    rs = await h.register(grant_types=["client_credentials"], redirect_uris=[],
                          token_endpoint_auth_method="client_secret_basic")
    return ClientCredentials(rs["client_id"], rs["client_secret"], "client_secret_basic")


async def test_an_active_access_token_is_described() -> None:
    """Item 10 (AS side): `active: true` with the token's claims (RFC 7662 §2.2)."""
    h = harness()
    client, tokens = await h.tokens()
    answer = await h.server.introspect(params(token=tokens["access_token"]), await resource_server(h))
    assert answer["active"] is True and answer["aud"] == RESOURCE and answer["client_id"] == client["client_id"]
    assert answer["scope"] == "mcp.read mcp.write" and answer["sub"] and answer["exp"] > answer["iat"]


async def test_refresh_tokens_are_described_too() -> None:
    """RFC 7662 §2.1: any token type; the hint is optional."""
    h = harness()
    _, tokens = await h.tokens()
    answer = await h.server.introspect(params(token=tokens["refresh_token"]), await resource_server(h))
    assert answer["active"] is True and answer["token_type"] == "refresh_token"


@pytest.mark.parametrize("kind", ["revoked", "unknown", "expired", "rotated"])
async def test_inactive_tokens_say_only_active_false(kind: str) -> None:
    """Item 20 / RFC 7662 §2.2: revoked, unknown, expired or rotated → exactly `{"active": false}`."""
    h = harness()
    client, tokens = await h.tokens()
    token = tokens["access_token"]
    if kind == "revoked":
        await h.server.revoke(params(token=token), ClientCredentials(client["client_id"], None, "none"))
    elif kind == "unknown":
        token = "made-up"
    elif kind == "expired":
        h.clock.advance(seconds=900 + 60)
    else:
        await h.refresh(client, tokens["refresh_token"])
        token = tokens["refresh_token"]
    assert await h.server.introspect(params(token=token), await resource_server(h)) == {"active": False}


async def test_introspection_needs_an_authenticated_confidential_client() -> None:
    """RFC 7662 §2.1, §4: no anonymous or public-client token scanning → `invalid_client`."""
    h = harness()
    client, tokens = await h.tokens()
    with pytest.raises(InvalidClientError):
        await h.server.introspect(params(token=tokens["access_token"]), None)
    with pytest.raises(InvalidClientError):
        await h.server.introspect(params(token=tokens["access_token"]),
                                  ClientCredentials(client["client_id"], None, "none"))


async def test_a_token_signed_by_another_key_is_inactive() -> None:
    """RFC 7662 §2.2 / RFC 8725 §3.10: only tokens of our own keys are active."""
    h = harness()
    from tests.security.keys import SigningKey
    forged = SigningKey.rsa("our-kid?").token()
    assert await h.server.introspect(params(token=forged), await resource_server(h)) == {"active": False}


async def test_userinfo_names_the_signed_in_person() -> None:
    """Userinfo returns the person behind an active token; a revoked one is refused (RFC 6750 §3.1)."""
    h = harness()
    client, tokens = await h.tokens()
    info = await h.server.userinfo(tokens["access_token"])
    assert info["email"] == "admin@ever.co" and info["tenant_id"]
    await h.server.revoke(params(token=tokens["refresh_token"]), ClientCredentials(client["client_id"], None, "none"))
    with pytest.raises(InvalidTokenError):
        await h.server.userinfo(tokens["access_token"])
