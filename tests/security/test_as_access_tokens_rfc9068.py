"""The access tokens the authorization server issues — SECURITY.md item 24, and the RFC 9068
shape the resource server's verifier (items 7, 8) requires of them."""

from __future__ import annotations

import base64
from datetime import UTC, datetime

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import ec, rsa

from adapters.outbound.signing_keys import InMemoryKeyStorage, JwtTokenSigner
from adapters.outbound.token_verifiers import JwksTokenVerifier, JwtRules
from application.oauth.config import ConfigError
from tests.clock import ManualClock
from tests.security.as_harness import ISSUER, RESOURCE, harness

pytestmark = pytest.mark.anyio
REQUIRED = {"iss", "sub", "aud", "exp", "iat", "jti", "scope", "client_id", "tenant_id", "organization_id"}


async def test_claims_and_header() -> None:
    """Item 24 / issue 7: typ at+jwt, kid, RS256; iss, sub, aud = resource, exp 15 min, iat, jti,
    scope, client_id, tenant_id, organization_id (RFC 9068 §2.1, §2.2)."""
    h = harness()
    client, tokens = await h.tokens()
    header = jwt.get_unverified_header(tokens["access_token"])
    claims = jwt.decode(tokens["access_token"], options={"verify_signature": False})
    assert header["typ"] == "at+jwt" and header["alg"] == "RS256" and header["kid"]
    assert set(claims) >= REQUIRED
    assert claims["iss"] == ISSUER and claims["aud"] == RESOURCE and claims["client_id"] == client["client_id"]
    assert claims["exp"] - claims["iat"] == 900


async def test_access_tokens_are_short_lived_with_unique_jti() -> None:
    """Item 24: short-lived (≤ 1 h) with a unique `jti` (RFC 9068 §2.2; MCP "Token Theft")."""
    h = harness()
    client, tokens = await h.tokens()
    seen = {jwt.decode(tokens["access_token"], options={"verify_signature": False})["jti"]}
    refresh = tokens["refresh_token"]
    for _ in range(10):
        rotated = await h.refresh(client, refresh)
        refresh = rotated["refresh_token"]
        claims = jwt.decode(rotated["access_token"], options={"verify_signature": False})
        assert claims["exp"] - claims["iat"] <= 3600
        seen.add(claims["jti"])
    assert len(seen) == 11


def test_access_token_lifetime_over_an_hour_is_refused() -> None:
    """Item 24: the configuration cannot issue tokens living over 1 h."""
    with pytest.raises(ConfigError, match="MCP_AUTH_ACCESS_TOKEN_TTL"):
        harness(access_token_ttl=3601)


def _bits(jwk: dict) -> int:
    return len(base64.urlsafe_b64decode(jwk["n"] + "==")) * 8


async def test_rsa_signing_key_is_at_least_2048_bits() -> None:
    """Item 24: RSA ≥ 2048 bits (RFC 8725 §3.5)."""
    jwks = await harness().signer.public_jwks()
    assert all(_bits(key) >= 2048 for key in jwks["keys"])
    public = jwt.PyJWK(jwks["keys"][0]).key
    assert isinstance(public, rsa.RSAPublicKey) and public.key_size >= 2048


async def test_es256_uses_p256() -> None:
    """Item 24: ES256 configurable, on P-256 (RFC 7518 §3.4; RFC 8725 §3.5)."""
    clock = ManualClock()
    signer = JwtTokenSigner(InMemoryKeyStorage(), clock, algorithm="ES256")
    h = harness(signer=signer, clock=clock)
    _, tokens = await h.tokens()
    assert jwt.get_unverified_header(tokens["access_token"])["alg"] == "ES256"
    key = jwt.PyJWK((await signer.public_jwks())["keys"][0]).key
    assert isinstance(key, ec.EllipticCurvePublicKey) and key.curve.name == "secp256r1"


def test_an_unknown_signing_algorithm_is_refused() -> None:
    """Item 24: only RS256 / ES256 (RFC 8725 §3.1: asymmetric, explicit)."""
    from adapters.outbound.signing_keys.keys import generate_key

    for algorithm in ("HS256", "none", "RS1"):
        with pytest.raises(ValueError, match="MCP_AUTH_SIGNING_ALGORITHM"):
            generate_key(algorithm, 0)


async def test_the_resource_servers_jwks_verifier_accepts_them(auth_server, http) -> None:
    """Items 7, 8, 24: a token of ours passes the issue-5 JWKS verifier with `typ` required and
    the exact issuer and audience (RFC 9068 §4), i.e. the MCP server can trust this server."""
    clock = ManualClock(datetime.now(UTC))
    h = harness(clock=clock)
    _, tokens = await h.tokens()
    auth_server.documents["/jwks"] = await h.signer.public_jwks()
    rules = JwtRules(issuer=ISSUER, audience=RESOURCE, algorithms=("RS256",), access_token_type=True)
    claims = await JwksTokenVerifier(auth_server.url + "/jwks", rules, http, clock).verify(tokens["access_token"])
    assert claims.audience == RESOURCE and claims.tenant_id and claims.organization_id and claims.token_id
