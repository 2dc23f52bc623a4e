"""RFC 7662 token introspection verifier — SECURITY.md items 10 and 4.

The introspection endpoint is a real HTTP server on 127.0.0.1; time is a fake clock, so the
cache bounds (TTL, the token's `exp`) are checked exactly.
"""

from __future__ import annotations

import base64
from datetime import timedelta
from urllib.parse import unquote

import pytest

from adapters.outbound.token_verifiers import IntrospectionClient, IntrospectionTokenVerifier
from domain.errors import UpstreamUnavailableError
from domain.ports import TokenVerifier
from tests.clock import ManualClock
from tests.security.authserver import INTROSPECTION_CLIENT
from tests.security.keys import ISSUER, RESOURCE
from tests.security.refusals import refused

pytestmark = pytest.mark.anyio
TOKEN = "opaque-token-1"
TTL = 60


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


def active(clock: ManualClock, **overrides) -> dict:
    now = int(clock.now().timestamp())
    answer = {"active": True, "sub": "user-1", "aud": RESOURCE, "iss": ISSUER, "exp": now + 3600, "iat": now,
              "scope": "mcp.read", "client_id": "client-1", "token_type": "Bearer", "tenant_id": "tenant-1"}
    answer.update(overrides)
    return {key: value for key, value in answer.items() if value is not None}


def make(auth_server, http, clock, *, secret: str | None = None, ttl: float = TTL) -> TokenVerifier:
    client_id, real_secret = INTROSPECTION_CLIENT
    client = IntrospectionClient(auth_server.url + "/introspect", client_id, secret or real_secret)
    verifier: TokenVerifier = IntrospectionTokenVerifier(client, http, clock, audience=RESOURCE, issuer=ISSUER,
                                                         cache_ttl=ttl)
    return verifier


async def test_an_active_token_is_accepted(auth_server, http, clock) -> None:
    """Item 10: `active: true` for our audience → claims (RFC 7662 §2.2)."""
    auth_server.introspection[TOKEN] = active(clock)
    accepted = await make(auth_server, http, clock).verify(TOKEN)
    assert (accepted.subject, accepted.scopes, accepted.tenant_id) == ("user-1", {"mcp.read"}, "tenant-1")


async def test_the_resource_server_authenticates_and_posts_a_form(auth_server, http, clock) -> None:
    """Item 10: POST, form-encoded `token` with a hint, client authentication with the id and
    secret form-encoded inside HTTP Basic (RFC 7662 §2.1; RFC 6749 §2.3.1)."""
    auth_server.introspection[TOKEN] = active(clock)
    await make(auth_server, http, clock).verify(TOKEN)
    [request] = auth_server.requests
    assert (request.method, request.form) == ("POST", {"token": TOKEN, "token_type_hint": "access_token"})
    user, _, secret = base64.b64decode(request.headers["authorization"].removeprefix("Basic ")).decode().partition(":")
    assert (unquote(user), unquote(secret)) == INTROSPECTION_CLIENT
    assert TOKEN not in request.headers.get("authorization", "")


async def test_wrong_client_credentials_are_an_outage_not_a_bad_token(auth_server, http, clock) -> None:
    """Item 10: a 401 from the endpoint means *we* are misconfigured; the user's token is not
    called invalid (RFC 7662 §2.3)."""
    auth_server.introspection[TOKEN] = active(clock)
    with pytest.raises(UpstreamUnavailableError):
        await make(auth_server, http, clock, secret="wrong").verify(TOKEN)


@pytest.mark.parametrize("flag", [False, "true", 1, None])
async def test_anything_but_active_true_is_invalid(auth_server, http, clock, flag) -> None:
    """Item 10: a revoked or unknown token (`active: false`), and any non-boolean `active`,
    are invalid (RFC 7662 §2.2)."""
    auth_server.introspection[TOKEN] = active(clock, active=flag)
    with refused("inactive"):
        await make(auth_server, http, clock).verify(TOKEN)


async def test_a_revoked_token_is_refused_once_the_cache_lapses(auth_server, http, clock) -> None:
    """Item 10: revocation is noticed within MCP_AUTH_TOKEN_CACHE_TTL (RFC 7662 §4; RFC 7009)."""
    verifier = make(auth_server, http, clock)
    auth_server.introspection[TOKEN] = active(clock)
    await verifier.verify(TOKEN)
    auth_server.introspection[TOKEN] = {"active": False}
    await verifier.verify(TOKEN)  # still cached
    clock.advance(seconds=TTL)
    with refused("inactive"):
        await verifier.verify(TOKEN)
    assert auth_server.hits("/introspect") == 2


async def test_the_cache_never_outlives_the_token(auth_server, http, clock) -> None:
    """Item 10: a token expiring in 10 s is cached 10 s, not MCP_AUTH_TOKEN_CACHE_TTL (RFC 7662 §4)."""
    verifier = make(auth_server, http, clock)
    expires = int(clock.now().timestamp()) + 10
    auth_server.introspection[TOKEN] = active(clock, exp=expires)
    await verifier.verify(TOKEN)
    clock.advance(seconds=9)
    await verifier.verify(TOKEN)
    assert auth_server.hits("/introspect") == 1
    clock.advance(seconds=2)
    await verifier.verify(TOKEN)  # a second past exp: asked again (and inside the clock-skew leeway)
    assert auth_server.hits("/introspect") == 2
    clock.advance(seconds=60)  # a lenient server still says active; the expiry check does not
    with refused("exp"):
        await verifier.verify(TOKEN)


async def test_a_zero_ttl_asks_every_time(auth_server, http, clock) -> None:
    """Item 10: MCP_AUTH_TOKEN_CACHE_TTL=0 disables the cache (RFC 7662 §4 trade-off left to us)."""
    verifier = make(auth_server, http, clock, ttl=0)
    auth_server.introspection[TOKEN] = active(clock)
    for _ in range(3):
        await verifier.verify(TOKEN)
    assert auth_server.hits("/introspect") == 3


@pytest.mark.parametrize("audience", ["https://other.example.test/mcp", [RESOURCE], None, RESOURCE + "/"])
async def test_the_answer_must_name_our_resource(auth_server, http, clock, audience) -> None:
    """Items 10 and 4: an active token for another resource, a list-valued or a missing `aud`
    is refused (RFC 7662 §4; RFC 8707 §2)."""
    auth_server.introspection[TOKEN] = active(clock, aud=audience)
    with refused("audience"):
        await make(auth_server, http, clock).verify(TOKEN)


async def test_the_answer_must_name_our_issuer_when_it_names_one(auth_server, http, clock) -> None:
    """Item 10: `iss` in the answer, when present, equals MCP_AUTH_JWT_ISSUER (RFC 7662 §2.2)."""
    auth_server.introspection[TOKEN] = active(clock, iss="https://evil.example.test")
    with refused("issuer"):
        await make(auth_server, http, clock).verify(TOKEN)


async def test_a_refresh_token_is_not_an_access_token(auth_server, http, clock) -> None:
    """Item 10: an active refresh token presented as a bearer token is refused (RFC 7662 §2.2 token_type)."""
    auth_server.introspection[TOKEN] = active(clock, token_type="refresh_token")
    with refused("token_type"):
        await make(auth_server, http, clock).verify(TOKEN)


async def test_not_yet_valid_and_expired_answers_are_refused(auth_server, http, clock) -> None:
    """Item 10: `nbf`/`exp` are checked even when the server says active (RFC 7662 §2.2)."""
    now = clock.now()
    auth_server.introspection[TOKEN] = active(clock, nbf=int((now + timedelta(minutes=10)).timestamp()))
    with refused("nbf"):
        await make(auth_server, http, clock).verify(TOKEN)
    auth_server.introspection[TOKEN] = active(clock, exp=int((now - timedelta(minutes=10)).timestamp()))
    with refused("exp"):
        await make(auth_server, http, clock).verify(TOKEN)


async def test_an_unreachable_endpoint_is_unavailable(http, clock) -> None:
    """Item 10: no answer is not an answer of "inactive": the client is told to retry (503 class)."""
    client = IntrospectionClient("http://127.0.0.1:9/introspect", *INTROSPECTION_CLIENT)
    verifier = IntrospectionTokenVerifier(client, http, clock, audience=RESOURCE)
    with pytest.raises(UpstreamUnavailableError):
        await verifier.verify(TOKEN)


async def test_the_cache_is_keyed_by_a_digest_not_the_token(auth_server, http, clock) -> None:
    """Item 10 hardening: a memory dump of the cache holds no usable bearer token."""
    verifier = make(auth_server, http, clock)
    auth_server.introspection[TOKEN] = active(clock)
    await verifier.verify(TOKEN)
    assert TOKEN not in repr(vars(verifier)["_cache"].keys())
