"""Refresh-token rotation — SECURITY.md item 18 (RFC 9700 §2.2.2, §4.14.2; RFC 6749 §6; MCP "Token Theft")."""

from __future__ import annotations

import asyncio

import pytest

from domain.oauth.errors import InvalidGrantError, OAuthError
from tests.security.as_harness import harness

pytestmark = pytest.mark.anyio


async def test_each_refresh_issues_a_new_refresh_token_and_retires_the_old() -> None:
    """Item 18: rotation: a new refresh token each time; the old one no longer works (RFC 9700 §4.14.2)."""
    h = harness()
    client, tokens = await h.tokens()
    rotated = await h.refresh(client, tokens["refresh_token"])
    assert rotated["refresh_token"] != tokens["refresh_token"]
    assert rotated["access_token"] != tokens["access_token"]
    with pytest.raises(InvalidGrantError):
        await h.refresh(client, tokens["refresh_token"])


async def test_replaying_a_retired_refresh_token_revokes_the_whole_family() -> None:
    """Item 18: replay of the old token → `invalid_grant` AND the family is revoked: the newest
    refresh token and every access token of the grant stop working (RFC 9700 §4.14.2)."""
    h = harness()
    client, tokens = await h.tokens()
    rotated = await h.refresh(client, tokens["refresh_token"])
    with pytest.raises(InvalidGrantError):
        await h.refresh(client, tokens["refresh_token"])  # the attacker (or the victim) replays
    with pytest.raises(InvalidGrantError):
        await h.refresh(client, rotated["refresh_token"])
    for access in (tokens["access_token"], rotated["access_token"]):
        claims = await h.signer.verify(access)
        assert claims is not None and not await h.server.ledger.access_token_active(claims["jti"])


async def test_concurrent_use_of_one_refresh_token_rotates_once_and_revokes_the_family() -> None:
    """Item 18: claiming is atomic; a race of two uses is a replay (RFC 9700 §4.14.2)."""
    h = harness()
    client, tokens = await h.tokens()
    results = await asyncio.gather(*(h.refresh(client, tokens["refresh_token"]) for _ in range(5)),
                                   return_exceptions=True)
    assert sum(isinstance(r, dict) for r in results) == 1
    winner = next(r for r in results if isinstance(r, dict))
    with pytest.raises(InvalidGrantError):
        await h.refresh(client, winner["refresh_token"])


async def test_scope_can_only_narrow() -> None:
    """Item 18: a refresh may ask for fewer scopes, never more (RFC 6749 §6 → `invalid_scope`)."""
    h = harness()
    client, tokens = await h.tokens()
    narrowed = await h.refresh(client, tokens["refresh_token"], scope="mcp.read")
    assert narrowed["scope"] == "mcp.read"
    with pytest.raises(OAuthError) as refused:
        await h.refresh(client, narrowed["refresh_token"], scope="mcp.read mcp.admin")
    assert refused.value.error == "invalid_scope"


async def test_a_narrowed_refresh_keeps_the_family_scope() -> None:
    """Item 18: the new refresh token keeps the original scope (RFC 6749 §6: identical scope)."""
    h = harness()
    client, tokens = await h.tokens()
    narrowed = await h.refresh(client, tokens["refresh_token"], scope="mcp.read")
    widened_back = await h.refresh(client, narrowed["refresh_token"], scope="mcp.read mcp.write")
    assert widened_back["scope"] == "mcp.read mcp.write"


async def test_the_refresh_token_is_bound_to_its_client() -> None:
    """Item 18: another client's refresh → `invalid_grant` (RFC 6749 §6, §10.4)."""
    h = harness()
    _, tokens = await h.tokens()
    other = await h.register()
    with pytest.raises(InvalidGrantError):
        await h.refresh(other, tokens["refresh_token"])


async def test_idle_expiry() -> None:
    """Item 18: a refresh token unused for the idle period expires (RFC 9700 §4.14.2)."""
    h = harness(refresh_token_idle_ttl=3600)
    client, tokens = await h.tokens()
    h.clock.advance(seconds=3599)
    rotated = await h.refresh(client, tokens["refresh_token"])  # use slides the window
    h.clock.advance(seconds=3599)
    rotated = await h.refresh(client, rotated["refresh_token"])
    h.clock.advance(seconds=3600)
    with pytest.raises(InvalidGrantError):
        await h.refresh(client, rotated["refresh_token"])


async def test_unknown_refresh_token_is_invalid_grant() -> None:
    """Item 18: a made-up token → `invalid_grant` (RFC 6749 §5.2)."""
    h = harness()
    client = await h.register()
    with pytest.raises(InvalidGrantError):
        await h.refresh(client, "not-a-token")


async def test_a_client_that_did_not_register_refresh_gets_no_refresh_token() -> None:
    """Item 18: refresh tokens only for clients registered for the grant (RFC 6749 §6, RFC 7591 §2)."""
    h = harness()
    client = await h.register(grant_types=["authorization_code"])
    _, tokens = await h.tokens(client)
    assert "refresh_token" not in tokens
