"""JWT verifier against the attacks of RFC 8725 (JWT Best Current Practices) — SECURITY.md item 7.

Mostly negative cases: each forged or mis-keyed token must be refused with `InvalidTokenError`,
and the keys must come only from the configured JWKS, chosen only by `kid`.
"""

from __future__ import annotations

import httpx
import pytest

from adapters.outbound.token_verifiers import JwksTokenVerifier, JwtRules, PublicKeyTokenVerifier, allowed_algorithms
from domain.ports import TokenVerifier
from tests.clock import ManualClock
from tests.security.authserver import AuthorizationServer
from tests.security.keys import ISSUER, RESOURCE, SigningKey, claims, hmac_with_public_key, jwks, unsigned_token
from tests.security.refusals import refused

pytestmark = pytest.mark.anyio
RULES = JwtRules(issuer=ISSUER, audience=RESOURCE)


def jwks_verifier(server: AuthorizationServer, http: httpx.AsyncClient, *keys: SigningKey) -> TokenVerifier:
    server.documents["/jwks"] = jwks(*keys)
    verifier: TokenVerifier = JwksTokenVerifier(server.url + "/jwks", RULES, http, ManualClock())
    return verifier


async def test_a_valid_token_is_accepted_with_its_claims(auth_server, http, rsa_key) -> None:
    """Item 7 baseline: a token signed by the JWKS key, with every claim right, is accepted
    (RFC 9068 §4 validation steps all pass)."""
    verifier = jwks_verifier(auth_server, http, rsa_key)
    accepted = await verifier.verify(rsa_key.token())
    assert accepted.subject == "user-1"
    assert accepted.scopes == {"mcp.read", "mcp.write"}
    assert (accepted.client_id, accepted.tenant_id, accepted.organization_id) == ("client-1", "tenant-1", "org-1")
    assert accepted.audience == RESOURCE


async def test_an_ec_p256_token_is_accepted(auth_server, http, ec_key) -> None:
    """Item 7: ES256 is in the default allow-list (RFC 8725 §3.1, RFC 7518 §3.4)."""
    verifier = jwks_verifier(auth_server, http, ec_key)
    assert (await verifier.verify(ec_key.token())).subject == "user-1"


async def test_alg_none_is_refused(auth_server, http, rsa_key) -> None:
    """Item 7: `alg: none` is never accepted (RFC 8725 §2.1, §3.1)."""
    verifier = jwks_verifier(auth_server, http, rsa_key)
    with refused("algorithm 'none' not allowed"):
        await verifier.verify(unsigned_token(kid=rsa_key.kid))


async def test_hs256_signed_with_the_public_key_is_refused(auth_server, http, rsa_key) -> None:
    """Item 7: the key-confusion attack — HMAC keyed with the RSA public key (RFC 8725 §2.1, §3.1)."""
    verifier = jwks_verifier(auth_server, http, rsa_key)
    with refused("HS256"):
        await verifier.verify(hmac_with_public_key(rsa_key))


async def test_hs256_with_the_public_key_is_refused_by_the_public_key_verifier(rsa_key) -> None:
    """Item 7: same attack against a verifier holding one PEM key (RFC 8725 §2.1)."""
    verifier: TokenVerifier = PublicKeyTokenVerifier(rsa_key.public_pem(), RULES)
    with refused():
        await verifier.verify(hmac_with_public_key(rsa_key))


@pytest.mark.parametrize("configured", [("none",), ("HS256",), ("RS256", "HS512"), ("HS384",), ()])
def test_none_and_hmac_cannot_even_be_configured(configured) -> None:
    """Item 7: the allow-list is asymmetric only, whatever MCP_AUTH_JWT_ALGORITHMS says (RFC 8725 §3.1, §3.2)."""
    with pytest.raises(ValueError):
        allowed_algorithms(configured)
    with pytest.raises(ValueError):
        JwtRules(issuer=ISSUER, audience=RESOURCE, algorithms=tuple(configured))


async def test_an_allowed_algorithm_outside_the_configured_list_is_refused(auth_server, http, ec_key) -> None:
    """Item 7: only the configured algorithms (RFC 8725 §3.1) — ES256 refused when only RS256 is set."""
    auth_server.documents["/jwks"] = jwks(ec_key)
    rules = JwtRules(issuer=ISSUER, audience=RESOURCE, algorithms=("RS256",))
    verifier = JwksTokenVerifier(auth_server.url + "/jwks", rules, http, ManualClock())
    with refused("ES256"):
        await verifier.verify(ec_key.token())


async def test_an_unknown_kid_is_refused(auth_server, http, rsa_key, second_rsa_key) -> None:
    """Item 7: a token naming a kid the JWKS does not have (RFC 8725 §3.10; RFC 9068 §4)."""
    verifier = jwks_verifier(auth_server, http, rsa_key)
    with refused("unknown kid"):
        await verifier.verify(second_rsa_key.token())


async def test_a_missing_kid_is_refused(auth_server, http, rsa_key) -> None:
    """Item 7: without a kid there is no key to choose — even when the JWKS holds a single key
    (RFC 8725 §3.10: keys are looked up by kid only)."""
    verifier = jwks_verifier(auth_server, http, rsa_key)
    with refused("no kid"):
        await verifier.verify(rsa_key.token(kid=None))


async def test_a_kid_of_ours_on_a_token_signed_by_another_key_is_refused(auth_server, http, rsa_key) -> None:
    """Item 7: an attacker's key with our kid fails the signature (RFC 7515 §5.2)."""
    verifier = jwks_verifier(auth_server, http, rsa_key)
    impostor = SigningKey.rsa(rsa_key.kid)
    with refused("Signature"):
        await verifier.verify(impostor.token())


@pytest.mark.parametrize("header", ["jku", "x5u"])
async def test_jku_and_x5u_pointing_elsewhere_are_ignored(auth_server, http, rsa_key, header) -> None:
    """Item 7: a token carrying its own key URL is never verified with what that URL serves,
    and the URL is never fetched (RFC 8725 §3.10; RFC 7515 §4.1.2, §4.1.5)."""
    verifier = jwks_verifier(auth_server, http, rsa_key)
    attacker = SigningKey.rsa("attacker-1")
    with AuthorizationServer() as evil:
        evil.documents["/keys"] = jwks(attacker)
        forged = attacker.token(**{header: evil.url + "/keys"})
        with refused():
            await verifier.verify(forged)
        assert evil.requests == [], "the attacker's URL was never fetched"
    genuine = rsa_key.token(**{header: "https://elsewhere.example/keys"})
    assert (await verifier.verify(genuine)).subject == "user-1", "the header is ignored, not trusted"


async def test_an_embedded_jwk_header_is_ignored(auth_server, http, rsa_key) -> None:
    """Item 7: a self-signed token carrying its own public key in `jwk` (RFC 7515 §4.1.3;
    RFC 8725 §3.10) is not verified with that key."""
    verifier = jwks_verifier(auth_server, http, rsa_key)
    attacker = SigningKey.rsa(rsa_key.kid)
    with refused():
        await verifier.verify(attacker.token(jwk=attacker.jwk()))


async def test_a_token_alg_different_from_the_keys_alg_is_refused(auth_server, http, rsa_key) -> None:
    """Item 7: a JWK that names `alg` is used with that algorithm only (RFC 7517 §4.4; RFC 8725 §3.1)."""
    auth_server.documents["/jwks"] = {"keys": [rsa_key.jwk(alg="PS256")]}
    rules = JwtRules(issuer=ISSUER, audience=RESOURCE, algorithms=("RS256", "PS256"))
    verifier = JwksTokenVerifier(auth_server.url + "/jwks", rules, http, ManualClock())
    with refused("does not match"):
        await verifier.verify(rsa_key.token())


async def test_an_rsa_key_cannot_verify_an_es256_token(auth_server, http, rsa_key, ec_key) -> None:
    """Item 7: the key type must fit the algorithm (RFC 8725 §3.1) — ES256 header, RSA kid."""
    auth_server.documents["/jwks"] = {"keys": [{k: v for k, v in rsa_key.jwk().items() if k != "alg"}]}
    verifier = JwksTokenVerifier(auth_server.url + "/jwks", RULES, http, ManualClock())
    forged = ec_key.token(kid=rsa_key.kid)
    with refused():
        await verifier.verify(forged)


async def test_symmetric_and_private_jwks_members_are_never_used(auth_server, http, rsa_key) -> None:
    """Item 7: an `oct` key, or a JWK leaking private members, is left out of the key set
    (RFC 8725 §3.2; RFC 7517 §4)."""
    leaked = rsa_key.jwk(kid="leaky", d="AQAB")
    auth_server.documents["/jwks"] = {"keys": [rsa_key.jwk(), {"kty": "oct", "kid": "shared", "k": "c2VjcmV0"},
                                               leaked]}
    verifier = JwksTokenVerifier(auth_server.url + "/jwks", RULES, http, ManualClock())
    assert (await verifier.verify(rsa_key.token())).subject == "user-1"
    for kid in ("shared", "leaky"):
        with refused("unknown kid"):
            await verifier.verify(rsa_key.token(kid=kid))


async def test_a_malformed_token_is_refused(auth_server, http, rsa_key) -> None:
    """Item 7: garbage, a truncated token and an oversized one are invalid, not errors (RFC 7519 §7.2)."""
    verifier = jwks_verifier(auth_server, http, rsa_key)
    for token in ("not-a-jwt", rsa_key.token()[:-20] + "x", "a" * 20_000, rsa_key.token(claims()).replace(".", "", 1)):
        with refused():
            await verifier.verify(token)
