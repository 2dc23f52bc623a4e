"""Token revocation — SECURITY.md item 20 (RFC 7009 §2.1, §2.2)."""

from __future__ import annotations

import pytest

from application.oauth.clients import ClientCredentials
from domain.oauth.errors import InvalidClientError, InvalidGrantError
from tests.security.as_harness import harness, params

pytestmark = pytest.mark.anyio


def as_public(client: dict) -> ClientCredentials:
    return ClientCredentials(client["client_id"], None, "none")


async def active(h, access_token: str) -> bool:
    claims = await h.signer.verify(access_token)
    return claims is not None and await h.server.ledger.access_token_active(claims["jti"])


@pytest.mark.parametrize("token", ["unknown", "a.b.c", "", "x" * 500])
async def test_unknown_tokens_are_answered_without_error(token: str) -> None:
    """Item 20: always 200, unknown tokens included (RFC 7009 §2.2): the use case returns normally."""
    h = harness()
    client = await h.register()
    form = params(token=token) if token else {"token": ["placeholder"]}
    assert await h.server.revoke(form, as_public(client)) is None


async def test_revoking_a_refresh_token_kills_its_access_tokens() -> None:
    """Item 20: revoking a refresh token also invalidates the access tokens of its grant (RFC 7009 §2.1)."""
    h = harness()
    client, tokens = await h.tokens()
    assert await active(h, tokens["access_token"])
    await h.server.revoke(params(token=tokens["refresh_token"], token_type_hint="refresh_token"), as_public(client))
    assert not await active(h, tokens["access_token"])
    with pytest.raises(InvalidGrantError):
        await h.refresh(client, tokens["refresh_token"])


async def test_revoking_an_access_token_leaves_the_refresh_token() -> None:
    """Item 20: an access token can be revoked on its own (RFC 7009 §2.1: MAY revoke the grant; we do not)."""
    h = harness()
    client, tokens = await h.tokens()
    await h.server.revoke(params(token=tokens["access_token"]), as_public(client))
    assert not await active(h, tokens["access_token"])
    assert (await h.refresh(client, tokens["refresh_token"]))["access_token"]


async def test_a_token_of_another_client_is_not_revoked() -> None:
    """Item 20: another client's token is left alone, and the answer is still 200 (RFC 7009 §2.1)."""
    h = harness()
    client, tokens = await h.tokens()
    intruder = await h.register()
    for token in (tokens["refresh_token"], tokens["access_token"]):
        assert await h.server.revoke(params(token=token), as_public(intruder)) is None
    assert await active(h, tokens["access_token"])
    assert (await h.refresh(client, tokens["refresh_token"]))["refresh_token"]


async def test_the_hint_is_only_a_hint() -> None:
    """Item 20: a wrong `token_type_hint` does not stop the revocation (RFC 7009 §2.1)."""
    h = harness()
    client, tokens = await h.tokens()
    await h.server.revoke(params(token=tokens["refresh_token"], token_type_hint="access_token"), as_public(client))
    with pytest.raises(InvalidGrantError):
        await h.refresh(client, tokens["refresh_token"])


async def test_a_confidential_client_must_authenticate() -> None:
    """Item 20: the client authenticates first (RFC 7009 §2.1) → `invalid_client` otherwise (§2.2.1)."""
    h = harness()
    client = await h.register(token_endpoint_auth_method="client_secret_basic")
    with pytest.raises(InvalidClientError):
        await h.server.revoke(params(token="x"), ClientCredentials(client["client_id"], "wrong", "client_secret_basic"))
    with pytest.raises(InvalidClientError):
        await h.server.revoke(params(token="x"), None)


async def test_the_resource_server_refuses_a_revoked_token_at_once() -> None:
    """Item 20 at the MCP server: a revoked access token is refused before it expires, whatever
    verified its signature (RFC 7009 §2.1: revocation takes effect immediately where state is shared)."""
    from application.oauth.resource_check import RevocationCheckingVerifier
    from domain.access import AccessClaims
    from domain.errors import InvalidTokenError

    h = harness()
    client, tokens = await h.tokens()
    claims = await h.signer.verify(tokens["access_token"])
    assert claims is not None

    class Accepting:
        async def verify(self, token: str) -> AccessClaims:
            return AccessClaims(subject=claims["sub"], scopes=frozenset(), audience=claims["aud"], expires_at=None,
                                issuer=claims["iss"], token_id=claims["jti"], grant_id=claims["sid"])

    verifier = RevocationCheckingVerifier(Accepting(), h.revocations)
    assert (await verifier.verify(tokens["access_token"])).subject == claims["sub"]
    await h.server.revoke(params(token=tokens["refresh_token"]), as_public(client))
    with pytest.raises(InvalidTokenError):
        await verifier.verify(tokens["access_token"])


async def test_a_revoked_access_token_stays_listed_for_its_remaining_lifetime() -> None:
    """Item 20: the revocation list keeps a revoked token for its remaining lifetime plus the
    verifiers' leeway (no longer: the list does not grow without bound)."""
    from application.oauth.issuance import VERIFIER_LEEWAY_SECONDS

    h = harness(access_token_ttl=600)
    client, tokens = await h.tokens()
    claims = await h.signer.verify(tokens["access_token"])
    assert claims is not None
    h.clock.advance(seconds=100)
    await h.server.revoke(params(token=tokens["access_token"]), as_public(client))
    assert await h.revocations.is_revoked(claims["jti"], None)
    h.clock.advance(seconds=500 + VERIFIER_LEEWAY_SECONDS - 1)
    assert await h.revocations.is_revoked(claims["jti"], None)
    h.clock.advance(seconds=2)
    assert not await h.revocations.is_revoked(claims["jti"], None)
