"""JWT access-token claim checks (RFC 9068 §4, RFC 7519 §4.1) — SECURITY.md items 4 and 8.

The public-key verifier is used here: the claim rules are shared with the JWKS verifier
(`jwt_checks`), and one key keeps the cases short.
"""

from __future__ import annotations

import time

import jwt
import pytest

from adapters.outbound.token_verifiers import JwtRules, PublicKeyTokenVerifier
from domain.ports import TokenVerifier
from tests.security.keys import ISSUER, RESOURCE, SigningKey, claims
from tests.security.refusals import refused

pytestmark = pytest.mark.anyio


def now() -> int:
    return int(time.time())


def verifier_for(key: SigningKey, *, strict_type: bool = False, audience: str = RESOURCE) -> TokenVerifier:
    rules = JwtRules(issuer=ISSUER, audience=audience, access_token_type=strict_type)
    verifier: TokenVerifier = PublicKeyTokenVerifier(key.public_pem(), rules)
    return verifier


async def test_an_expired_token_is_refused(rsa_key) -> None:
    """Item 8: `exp` in the past beyond the leeway (RFC 7519 §4.1.4; RFC 9068 §4)."""
    with refused("expired"):
        await verifier_for(rsa_key).verify(rsa_key.token(claims(exp=now() - 120, iat=now() - 600)))


async def test_an_expiry_within_the_leeway_is_tolerated(rsa_key) -> None:
    """Item 8: clock skew of a few seconds is not an attack (RFC 7519 §4.1.4 "small leeway")."""
    assert await verifier_for(rsa_key).verify(rsa_key.token(claims(exp=now() - 5, iat=now() - 600)))


async def test_a_token_not_yet_valid_is_refused(rsa_key) -> None:
    """Item 8: `nbf` in the future (RFC 7519 §4.1.5)."""
    with refused("not yet valid"):
        await verifier_for(rsa_key).verify(rsa_key.token(claims(nbf=now() + 600)))


async def test_a_token_issued_in_the_future_is_refused(rsa_key) -> None:
    """Item 8: `iat` in the future beyond the leeway (RFC 7519 §4.1.6; RFC 9068 §4)."""
    with refused("iat"):
        await verifier_for(rsa_key).verify(rsa_key.token(claims(iat=now() + 600, exp=now() + 900)))


@pytest.mark.parametrize("issuer", ["https://evil.example.test", ISSUER + "/", ISSUER.upper(), ""])
async def test_a_wrong_issuer_is_refused(rsa_key, issuer) -> None:
    """Item 8: `iss` must equal the configured issuer exactly — no trailing slash, no case folding
    (RFC 9068 §4; RFC 8414 §3.3)."""
    with refused():
        await verifier_for(rsa_key).verify(rsa_key.token(claims(iss=issuer)))


@pytest.mark.parametrize("missing", ["iss", "sub", "aud", "exp", "iat"])
async def test_a_missing_required_claim_is_refused(rsa_key, missing) -> None:
    """Item 8: iss, sub, aud, exp and iat are required of every access token (RFC 9068 §2.2)."""
    with refused():
        await verifier_for(rsa_key).verify(rsa_key.token(claims(**{missing: None})))


@pytest.mark.parametrize("missing", ["client_id", "jti"])
async def test_rfc9068_profile_also_requires_client_id_and_jti(rsa_key, missing) -> None:
    """Item 8: with MCP_AUTH_JWT_REQUIRE_AT_JWT (our own authorization server's tokens), the
    full RFC 9068 §2.2 claim set is required."""
    with refused(missing):
        await verifier_for(rsa_key, strict_type=True).verify(rsa_key.token(claims(**{missing: None})))


@pytest.mark.parametrize("typ", ["JWT", "jwt", "application/at+jwt", "AT+JWT"])
async def test_jwt_and_at_jwt_types_are_accepted(rsa_key, typ) -> None:
    """Item 8: `typ` compares case-insensitively, with or without `application/` (RFC 7515 §4.1.9)."""
    assert await verifier_for(rsa_key).verify(rsa_key.token(typ=typ))


@pytest.mark.parametrize("typ", ["id_token+jwt", "logout+jwt", "secevent+jwt", "JOSE", 7])
async def test_a_token_of_another_type_is_refused(rsa_key, typ) -> None:
    """Item 8: an ID token or another JWT type is not an access token (RFC 8725 §3.11; RFC 9068 §4)."""
    with refused("type"):
        await verifier_for(rsa_key).verify(rsa_key.token(typ=typ))


async def test_the_rfc9068_profile_needs_at_jwt(rsa_key) -> None:
    """Item 8: for our own authorization server `typ: at+jwt` is mandatory (RFC 9068 §4)."""
    plain = rsa_key.token(typ="JWT")
    assert await verifier_for(rsa_key).verify(plain)
    with refused("type"):
        await verifier_for(rsa_key, strict_type=True).verify(plain)


async def test_a_token_without_typ_is_refused_only_by_the_rfc9068_profile(rsa_key) -> None:
    """Item 8: `typ` is checked when present; third-party servers (Keycloak, Auth0) may omit it."""
    untyped = jwt.encode(claims(), rsa_key.private, algorithm="RS256", headers={"kid": rsa_key.kid, "typ": None})
    assert await verifier_for(rsa_key).verify(untyped)
    with refused("type"):
        await verifier_for(rsa_key, strict_type=True).verify(untyped)


async def test_a_token_for_another_resource_is_refused(rsa_key) -> None:
    """Item 4: `aud` naming another server (RFC 8707 §2; RFC 9068 §4; MCP "Token Handling")."""
    with refused("audience"):
        await verifier_for(rsa_key).verify(rsa_key.token(claims(aud="https://other.example.test/mcp")))


@pytest.mark.parametrize("audience", [RESOURCE + "/", "http://localhost:3001/mcp", "http://127.0.0.1:3001/MCP"])
async def test_audience_is_compared_byte_for_byte(rsa_key, audience) -> None:
    """Item 4: no URL normalisation — a different spelling is a different resource (RFC 8707 §2)."""
    with refused("audience"):
        await verifier_for(rsa_key).verify(rsa_key.token(claims(aud=audience)))


@pytest.mark.parametrize("audience", [[RESOURCE], [RESOURCE, "https://other.example.test"]])
async def test_a_list_valued_audience_is_refused(rsa_key, audience) -> None:
    """Item 4: strict audience — a token valid at several resources could be replayed from one
    to another (RFC 9700 §4.10.2; RFC 8707 §2)."""
    with refused("audience"):
        await verifier_for(rsa_key).verify(rsa_key.token(claims(aud=audience)))


async def test_a_configured_audience_replaces_the_resource(rsa_key) -> None:
    """Item 4: MCP_AUTH_JWT_AUDIENCE, when set, is the one accepted `aud`."""
    verifier = verifier_for(rsa_key, audience="api://gauzy-mcp")
    assert (await verifier.verify(rsa_key.token(claims(aud="api://gauzy-mcp")))).audience == "api://gauzy-mcp"
    with refused("audience"):
        await verifier.verify(rsa_key.token())


@pytest.mark.parametrize(("claim", "value"), [("scope", "mcp.read  mcp.admin"), ("scp", ["mcp.read", "mcp.admin"]),
                                               ("scp", "mcp.read mcp.admin")])
async def test_scopes_come_from_scope_or_scp(rsa_key, claim, value) -> None:
    """Item 3 groundwork: `scope` is space-separated (RFC 9068 §2.2.3); `scp` is what Azure AD and Okta send."""
    accepted = await verifier_for(rsa_key).verify(rsa_key.token(claims(**{"scope": None, claim: value})))
    assert accepted.scopes == {"mcp.read", "mcp.admin"}


async def test_a_scope_claim_of_the_wrong_shape_is_refused(rsa_key) -> None:
    """Item 8: a claim that cannot be read as scopes is not read as "no scopes" (RFC 9068 §2.2.3)."""
    with refused("scope"):
        await verifier_for(rsa_key).verify(rsa_key.token(claims(scope={"mcp.admin": True})))


async def test_a_short_rsa_public_key_cannot_be_configured() -> None:
    """Item 7/24 for the resource side: RSA keys under 2048 bits are refused (RFC 8725 §3.5)."""
    weak = SigningKey.rsa("weak", bits=1024)
    with pytest.raises(ValueError, match="2048"):
        PublicKeyTokenVerifier(weak.public_pem(), JwtRules(issuer=ISSUER, audience=RESOURCE))


async def test_a_key_type_fits_only_its_algorithms(ec_key) -> None:
    """Item 7: an EC key with only RS* configured is a configuration error, not a silent accept-all."""
    with pytest.raises(ValueError, match="none of the algorithms"):
        PublicKeyTokenVerifier(ec_key.public_pem(), JwtRules(issuer=ISSUER, audience=RESOURCE, algorithms=("RS256",)))
