"""The JWKS cache: fetched once per TTL, refetched for a new `kid` at most once per cooldown,
old keys kept when a fetch fails — SECURITY.md item 9 (RFC 8725 §3.10; warehouse
`oidc/services.py` practice). Fetches are counted on the real loopback server, time is a fake clock.
"""

from __future__ import annotations

import asyncio

import pytest

from adapters.outbound.token_verifiers import JwksTokenVerifier, JwtRules
from domain.errors import UpstreamUnavailableError
from tests.clock import ManualClock
from tests.security.keys import ISSUER, RESOURCE, jwks
from tests.security.refusals import refused

pytestmark = pytest.mark.anyio
TTL, COOLDOWN = 600.0, 30.0


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


@pytest.fixture
def verifier(auth_server, http, clock, rsa_key) -> JwksTokenVerifier:
    auth_server.documents["/jwks"] = jwks(rsa_key)
    return JwksTokenVerifier(auth_server.url + "/jwks", JwtRules(issuer=ISSUER, audience=RESOURCE), http, clock,
                             cache_ttl=TTL, refetch_interval=COOLDOWN)


async def test_keys_are_fetched_once_per_ttl(verifier, auth_server, clock, rsa_key) -> None:
    """Item 9: many tokens within the TTL cost one fetch; after the TTL, one more (RFC 8725 §3.10)."""
    for _ in range(5):
        await verifier.verify(rsa_key.token())
    assert auth_server.hits("/jwks") == 1
    clock.advance(seconds=TTL + 1)
    await verifier.verify(rsa_key.token())
    assert auth_server.hits("/jwks") == 2


async def test_a_rotated_key_is_picked_up_without_a_restart(verifier, auth_server, clock, rsa_key,
                                                            second_rsa_key) -> None:
    """Item 9: the authorization server publishes a new key; its first token triggers one refetch
    and is accepted; the old key keeps working while still published."""
    await verifier.verify(rsa_key.token())
    auth_server.documents["/jwks"] = jwks(rsa_key, second_rsa_key)
    clock.advance(seconds=COOLDOWN)
    assert (await verifier.verify(second_rsa_key.token())).subject == "user-1"
    assert await verifier.verify(rsa_key.token())
    assert auth_server.hits("/jwks") == 2


async def test_unknown_kids_refetch_at_most_once_per_cooldown(verifier, auth_server, clock, rsa_key,
                                                              second_rsa_key) -> None:
    """Item 9: a flood of tokens with made-up kids costs the authorization server one request per
    cooldown, not one per token (RFC 8725 §3.10: a denial-of-service vector otherwise)."""
    await verifier.verify(rsa_key.token())
    clock.advance(seconds=COOLDOWN)
    for attempt in range(10):
        with refused("unknown kid"):
            await verifier.verify(rsa_key.token(kid=f"made-up-{attempt}"))
    assert auth_server.hits("/jwks") == 2
    auth_server.documents["/jwks"] = jwks(rsa_key, second_rsa_key)
    with refused("unknown kid"):
        await verifier.verify(second_rsa_key.token())  # published, but inside the cooldown
    clock.advance(seconds=COOLDOWN)
    assert await verifier.verify(second_rsa_key.token())
    assert auth_server.hits("/jwks") == 3


async def test_concurrent_tokens_with_a_new_kid_share_one_fetch(verifier, auth_server, rsa_key,
                                                                second_rsa_key) -> None:
    """Item 9: fifty requests arriving together with a new kid do not cause fifty fetches."""
    auth_server.documents["/jwks"] = jwks(rsa_key, second_rsa_key)
    results = await asyncio.gather(*(verifier.verify(second_rsa_key.token()) for _ in range(50)))
    assert {claims.subject for claims in results} == {"user-1"}
    assert auth_server.hits("/jwks") == 1


@pytest.mark.parametrize("failure", ["status", "garbage", "empty"])
async def test_old_keys_are_kept_when_a_refetch_fails(verifier, auth_server, clock, rsa_key, failure) -> None:
    """Item 9: an authorization server outage or a broken JWKS does not lock every user out
    (keep the last good key set; RFC 8725 §3.10, warehouse practice)."""
    await verifier.verify(rsa_key.token())
    if failure == "status":
        auth_server.status["/jwks"] = 503
    else:
        auth_server.documents["/jwks"] = {"keys": []} if failure == "empty" else {"keys": "nope"}
    clock.advance(seconds=TTL + 1)
    assert await verifier.verify(rsa_key.token())
    assert auth_server.hits("/jwks") == 2
    await verifier.verify(rsa_key.token())
    assert auth_server.hits("/jwks") == 2, "a failed fetch is not retried before the cooldown"


async def test_without_any_keys_an_outage_is_unavailable_not_invalid(verifier, auth_server, clock, rsa_key) -> None:
    """Item 9: before the first good fetch, a token cannot be judged: 503-class, not 401
    (the token may be fine; TokenVerifier contract)."""
    auth_server.status["/jwks"] = 500
    with pytest.raises(UpstreamUnavailableError):
        await verifier.verify(rsa_key.token())
    del auth_server.status["/jwks"]
    clock.advance(seconds=COOLDOWN)
    assert await verifier.verify(rsa_key.token())


async def test_a_redirecting_jwks_uri_is_not_followed(auth_server, http, clock, rsa_key) -> None:
    """Item 9: keys come only from the configured URL, never from where it redirects (RFC 8725 §3.10)."""
    auth_server.status["/jwks"] = 302
    verifier = JwksTokenVerifier(auth_server.url + "/jwks", JwtRules(issuer=ISSUER, audience=RESOURCE), http, clock)
    with pytest.raises(UpstreamUnavailableError):
        await verifier.verify(rsa_key.token())
