"""Authorization codes — SECURITY.md item 16 (RFC 6749 §4.1.2, §4.1.3, §10.10; RFC 9700 §4.2.4, §4.5)."""

from __future__ import annotations

import asyncio
import base64

import pytest

from application.oauth.secrets import digest
from domain.oauth.errors import InvalidGrantError, OAuthError
from tests.security.as_harness import REDIRECT, RESOURCE, harness, query

pytestmark = pytest.mark.anyio


async def test_codes_carry_at_least_128_random_bits_and_differ() -> None:
    """Item 16: ≥128-bit CSPRNG codes (RFC 6749 §10.10; RFC 6819 §5.1.4.2.2)."""
    h = harness()
    client = await h.register()
    codes = [(await h.code_for(client["client_id"]))[0] for _ in range(20)]
    assert len(set(codes)) == 20
    assert all(len(base64.urlsafe_b64decode(code + "==")) * 8 >= 128 for code in codes)


async def test_the_store_never_holds_the_code_itself() -> None:
    """Item 16: only a digest is stored, so a store dump cannot be redeemed (RFC 6819 §5.1.4.1.3)."""
    h = harness()
    client = await h.register()
    code, _ = await h.code_for(client["client_id"])
    assert await h.store.code_grant(code) is None
    assert await h.store.code_grant(digest(code)) is not None


async def test_a_code_expires_within_60_seconds() -> None:
    """Item 16: TTL ≤ 60 s (RFC 6749 §4.1.2 allows 10 min at most; SECURITY.md asks 60 s)."""
    h = harness()
    client = await h.register()
    code, _ = await h.code_for(client["client_id"])
    h.clock.advance(seconds=60)
    with pytest.raises(InvalidGrantError):
        await h.exchange(client, code)


def test_a_code_ttl_over_60_seconds_is_refused_by_configuration() -> None:
    """Item 16: the configuration cannot make codes live longer than 60 s."""
    with pytest.raises(ValueError, match="MCP_AUTH_CODE_TTL"):
        harness(code_ttl=61)


async def test_a_second_redemption_is_invalid_grant_and_revokes_what_the_first_produced() -> None:
    """Item 16: redeemed once; a second redemption → `invalid_grant` AND revokes the tokens
    minted from it (RFC 6749 §4.1.2, §10.5; RFC 9700 §4.2.4)."""
    h = harness()
    client = await h.register()
    code, _ = await h.code_for(client["client_id"])
    tokens = await h.exchange(client, code)
    with pytest.raises(InvalidGrantError):
        await h.exchange(client, code)
    introspect = h.server.ledger.access_token_active
    claims = await h.signer.verify(tokens["access_token"])
    assert claims is not None and not await introspect(claims["jti"])
    with pytest.raises(InvalidGrantError):
        await h.refresh(client, tokens["refresh_token"])


async def test_concurrent_redemptions_issue_tokens_once() -> None:
    """Item 16: redemption is atomic: of concurrent redemptions exactly one wins (RFC 9700 §4.2.4)."""
    h = harness()
    client = await h.register()
    code, _ = await h.code_for(client["client_id"])
    results = await asyncio.gather(*(h.exchange(client, code) for _ in range(10)), return_exceptions=True)
    assert sum(isinstance(r, dict) for r in results) == 1
    assert sum(isinstance(r, InvalidGrantError) for r in results) == 9


async def test_a_code_is_bound_to_its_client() -> None:
    """Item 16: another client cannot redeem it (RFC 6749 §4.1.3)."""
    h = harness()
    client, other = await h.register(), await h.register()
    code, _ = await h.code_for(client["client_id"])
    with pytest.raises(InvalidGrantError):
        await h.exchange(other, code)


@pytest.mark.parametrize("redirect_uri", [None, REDIRECT + "/", "https://client.example.test/other"])
async def test_a_code_is_bound_to_its_redirect_uri(redirect_uri: str | None) -> None:
    """Item 16: the token request's redirect_uri must be identical (RFC 6749 §4.1.3)."""
    h = harness()
    client = await h.register(redirect_uris=[REDIRECT, "https://client.example.test/other"])
    code, _ = await h.code_for(client["client_id"])
    with pytest.raises(InvalidGrantError):
        await h.exchange(client, code, redirect_uri=redirect_uri)


async def test_a_code_is_bound_to_its_resource() -> None:
    """Item 16 / 17: another resource at the token endpoint → `invalid_target` (RFC 8707 §2.2)."""
    h = harness()
    client = await h.register()
    code, _ = await h.code_for(client["client_id"])
    with pytest.raises(OAuthError) as refused:
        await h.exchange(client, code, resource=RESOURCE + "/other")
    assert refused.value.error == "invalid_target"


async def test_the_code_comes_back_with_state_and_iss() -> None:
    """Item 16 / 25: the redirect carries code, the unchanged state, and iss (RFC 6749 §4.1.2, RFC 9207 §2)."""
    h = harness()
    client = await h.register()
    code, location = await h.code_for(client["client_id"], state="x y+z")
    assert query(location) == {"code": [code], "state": ["x y+z"], "iss": [h.config.issuer]}
