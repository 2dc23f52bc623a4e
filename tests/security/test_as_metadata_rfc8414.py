"""Authorization server metadata (RFC 8414) and the JWKS it points at — SECURITY.md items 11,
24 (JWKS part) and 25 (metadata part). HTTP-level checks of the same documents are in
test_as_endpoints_http.py."""

from __future__ import annotations

import pytest

from application.oauth.config import ConfigError, ServerConfig, check_issuer
from application.oauth.metadata import authorization_server_metadata, openid_configuration, well_known_url
from tests.security.as_harness import ISSUER, RESOURCE, harness

pytestmark = pytest.mark.anyio
PRIVATE_MEMBERS = {"d", "p", "q", "dp", "dq", "qi", "oth", "k"}


def metadata() -> dict:
    return authorization_server_metadata(ServerConfig(issuer=ISSUER, resource=RESOURCE), "RS256")


def test_issuer_is_the_configured_string_exactly() -> None:
    """Item 11: `issuer` equals the configured issuer byte for byte (RFC 8414 §2, §3.3)."""
    assert metadata()["issuer"] == ISSUER


@pytest.mark.parametrize("issuer", ["http://auth.example.test", "https://auth.example.test?x=1",
                                    "https://auth.example.test#f", "https://auth.example.test/", "ftp://a.test",
                                    "https://"])
def test_an_issuer_that_is_not_https_or_has_query_or_fragment_is_refused(issuer: str) -> None:
    """Item 11: the issuer is an https URL with no query or fragment (RFC 8414 §2); http only
    on loopback for local use; a trailing slash would make byte comparison fail (§3.3)."""
    with pytest.raises(ConfigError):
        check_issuer(issuer)


def test_loopback_http_issuer_is_allowed_for_local_use() -> None:
    """Item 11 (exception): `http://127.0.0.1:port` for tests and local runs only (RFC 8252 §8.3 spirit)."""
    assert check_issuer("http://127.0.0.1:3003") == "http://127.0.0.1:3003"


def test_pkce_is_s256_only() -> None:
    """Item 11: `code_challenge_methods_supported == ["S256"]` (RFC 8414 §2; RFC 9700 §2.1.1)."""
    assert metadata()["code_challenge_methods_supported"] == ["S256"]


def test_only_the_code_response_type() -> None:
    """Item 11: `response_types_supported == ["code"]`: no implicit flow (RFC 9700 §2.1.2)."""
    assert metadata()["response_types_supported"] == ["code"]


def test_grant_types_are_a_subset_of_the_allowed_three() -> None:
    """Item 11: no `password`, no `implicit` (RFC 9700 §2.4, §2.1.2)."""
    assert set(metadata()["grant_types_supported"]) <= {"authorization_code", "refresh_token", "client_credentials"}


def test_iss_parameter_support_is_advertised() -> None:
    """Item 25: `authorization_response_iss_parameter_supported: true` (RFC 9207 §3)."""
    assert metadata()["authorization_response_iss_parameter_supported"] is True


def test_every_endpoint_lives_under_the_issuer() -> None:
    """Item 11: endpoints are absolute URLs of this issuer (RFC 8414 §2)."""
    endpoints = {k: v for k, v in metadata().items() if k.endswith(("_endpoint", "jwks_uri"))}
    assert endpoints and all(url.startswith(ISSUER + "/") for url in endpoints.values())


def test_openid_configuration_says_the_same() -> None:
    """Item 11: the OpenID discovery copy carries the same issuer and PKCE methods."""
    document = openid_configuration(ServerConfig(issuer=ISSUER, resource=RESOURCE), "RS256")
    assert document["issuer"] == ISSUER and document["code_challenge_methods_supported"] == ["S256"]


def test_well_known_location_of_an_issuer_with_a_path() -> None:
    """Item 11: the well-known segment goes between host and path (RFC 8414 §3.1)."""
    assert well_known_url("https://a.test/tenant1") == "https://a.test/.well-known/oauth-authorization-server/tenant1"
    assert well_known_url("https://a.test") == "https://a.test/.well-known/oauth-authorization-server"


async def test_jwks_serves_public_keys_only_each_with_a_kid() -> None:
    """Item 24: the JWKS endpoint serves public keys only, and `kid` is set (RFC 7517 §4.5, §9.3)."""
    jwks = await harness().signer.public_jwks()
    assert jwks["keys"]
    for key in jwks["keys"]:
        assert key["kid"] and key["alg"] == "RS256" and key["use"] == "sig"
        assert not PRIVATE_MEMBERS & set(key), f"private members published: {PRIVATE_MEMBERS & set(key)}"
