"""The resource server's revocation check (application/oauth/resource_check.py) — SECURITY.md
items 16, 18 and 20 whatever verifies the signature (issue 13)."""

from __future__ import annotations

import pytest

from adapters.outbound.redis_connection import connect_redis
from adapters.outbound.revocation_lists import InMemoryRevocationList, RedisRevocationList
from application.oauth.resource_check import RevocationCheckingVerifier
from domain.access import AccessClaims
from domain.errors import InvalidTokenError, UpstreamUnavailableError
from tests.clock import ManualClock
from tests.remote import free_port

pytestmark = pytest.mark.anyio
CLAIMS = AccessClaims(subject="u-1", scopes=frozenset(), audience="https://mcp.example.test/mcp", expires_at=None,
                      token_id="jti-1", grant_id="grant-1")


class Accepting:
    """Stands for any signature check (JWKS, public key, introspection) that passed."""

    async def verify(self, token: str) -> AccessClaims:
        return CLAIMS


async def test_a_token_or_its_sign_in_on_the_list_is_refused() -> None:
    """Items 18, 20: a revoked `jti` (RFC 7009 §2.1) or a revoked family (`sid`, RFC 9700
    §4.14.2) is refused; others pass as the inner verifier decided."""
    for revoke in ("token", "grant"):
        revocations = InMemoryRevocationList(ManualClock())
        verifier = RevocationCheckingVerifier(Accepting(), revocations)
        assert await verifier.verify("t") == CLAIMS
        if revoke == "token":
            await revocations.revoke_token("jti-1", 60)
        else:
            await revocations.revoke_grant("grant-1", 60)
        with pytest.raises(InvalidTokenError):
            await verifier.verify("t")


async def test_an_unreadable_list_refuses_as_retry_later() -> None:
    """Fail closed: with the store down a revoked token must not slip through; the client is
    told to retry (503), not to get a new token."""
    client = connect_redis(f"redis://127.0.0.1:{free_port()}/0")
    try:
        verifier = RevocationCheckingVerifier(Accepting(), RedisRevocationList(client))
        with pytest.raises(UpstreamUnavailableError):
            await verifier.verify("t")
    finally:
        await client.aclose()
