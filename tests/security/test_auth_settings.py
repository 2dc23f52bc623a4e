"""MCP_AUTH_* settings: a server that cannot check tokens safely refuses to start — SECURITY.md
items 1, 4, 7 and 10 (configuration side)."""

from __future__ import annotations

import pytest

from adapters.outbound.token_verifiers import IntrospectionTokenVerifier, JwksTokenVerifier, PublicKeyTokenVerifier
from bootstrap import auth
from bootstrap.container import build_container
from bootstrap.settings import Settings, SettingsError
from tests.security.keys import ISSUER, SigningKey

JWKS = {"MCP_AUTH_ENABLED": "true", "MCP_AUTH_JWT_JWKS_URI": "http://127.0.0.1:1/jwks", "MCP_AUTH_JWT_ISSUER": ISSUER}


def settings(**env: str) -> Settings:
    return Settings.from_env(env, dotenv=None)


def test_auth_is_off_by_default() -> None:
    """With MCP_AUTH_ENABLED unset there is no verifier (the transports stay open, as before)."""
    assert build_container(settings()).token_verifier() is None


def test_each_verifier_is_chosen_by_its_setting(rsa_key: SigningKey, tmp_path) -> None:
    """Item 7/10: JWKS, public key (PEM or file) or introspection, by the setting present."""
    assert isinstance(build_container(settings(**JWKS)).token_verifier(), JwksTokenVerifier)
    pem_file = tmp_path / "key.pem"
    pem_file.write_text(rsa_key.public_pem())
    for value in (rsa_key.public_pem(), rsa_key.public_pem().replace("\n", "\\n"), str(pem_file)):
        chosen = build_container(settings(MCP_AUTH_ENABLED="true", MCP_AUTH_JWT_PUBLIC_KEY=value,
                                          MCP_AUTH_JWT_ISSUER=ISSUER)).token_verifier()
        assert isinstance(chosen, PublicKeyTokenVerifier)
    introspecting = settings(MCP_AUTH_ENABLED="true", MCP_AUTH_INTROSPECTION_ENDPOINT="http://127.0.0.1:1/i",
                             MCP_AUTH_INTROSPECTION_CLIENT_ID="rs", MCP_AUTH_INTROSPECTION_CLIENT_SECRET="x",
                             MCP_AUTH_SERVERS=ISSUER)
    assert isinstance(build_container(introspecting).token_verifier(), IntrospectionTokenVerifier)


def test_every_verifier_is_wrapped_in_the_revocation_check(rsa_key: SigningKey) -> None:
    """Items 16, 18, 20 at the resource server: JWKS, public key or introspection, revoked
    tokens are refused through the shared revocation list (issue 13)."""
    from application.oauth.resource_check import RevocationCheckingVerifier

    public_key = {"MCP_AUTH_ENABLED": "true", "MCP_AUTH_JWT_PUBLIC_KEY": rsa_key.public_pem(),
                  "MCP_AUTH_JWT_ISSUER": ISSUER}
    introspecting = {"MCP_AUTH_ENABLED": "true", "MCP_AUTH_INTROSPECTION_ENDPOINT": "http://127.0.0.1:1/i",
                     "MCP_AUTH_INTROSPECTION_CLIENT_ID": "rs", "MCP_AUTH_INTROSPECTION_CLIENT_SECRET": "x",
                     "MCP_AUTH_SERVERS": ISSUER}
    for env in (JWKS, public_key, introspecting):
        assert isinstance(build_container(settings(**env)).checked_token_verifier(), RevocationCheckingVerifier)
    assert build_container(settings()).checked_token_verifier() is None


@pytest.mark.parametrize(("env", "named"), [
    ({"MCP_AUTH_ENABLED": "true"}, "exactly one of"),
    ({**JWKS, "MCP_AUTH_INTROSPECTION_ENDPOINT": "http://127.0.0.1:1/i"}, "exactly one of"),
    ({**JWKS, "MCP_AUTH_JWT_ISSUER": ""}, "MCP_AUTH_JWT_ISSUER"),
    ({**JWKS, "MCP_AUTH_JWT_ALGORITHMS": "RS256,HS256"}, "MCP_AUTH_JWT_ALGORITHMS"),
    ({**JWKS, "MCP_AUTH_JWT_ALGORITHMS": "none"}, "MCP_AUTH_JWT_ALGORITHMS"),
    ({"MCP_AUTH_ENABLED": "true", "MCP_AUTH_INTROSPECTION_ENDPOINT": "http://127.0.0.1:1/i"}, "CLIENT_SECRET"),
    ({"MCP_AUTH_ENABLED": "true", "MCP_AUTH_JWT_PUBLIC_KEY": "/no/such/key.pem", "MCP_AUTH_JWT_ISSUER": ISSUER},
     "MCP_AUTH_JWT_PUBLIC_KEY"),
])
def test_an_unsafe_or_incomplete_configuration_is_refused_naming_the_variable(env, named) -> None:
    """Item 7: `none`/HS* cannot be configured (RFC 8725 §3.1); item 10: introspection needs
    client credentials (RFC 7662 §2.1); item 8: an issuer is required (RFC 9068 §4)."""
    with pytest.raises(SettingsError, match=named):
        build_container(settings(**env)).token_verifier()


def test_the_audience_defaults_to_the_canonical_resource() -> None:
    """Item 4: tokens must name this server (RFC 8707 §2); MCP_AUTH_JWT_AUDIENCE overrides it."""
    assert auth.audience(settings(**JWKS, MCP_HTTP_PORT="4000")) == "http://127.0.0.1:4000/mcp"
    assert auth.audience(settings(**JWKS, MCP_AUTH_RESOURCE="https://mcp.example.test/mcp")) == (
        "https://mcp.example.test/mcp")
    assert auth.audience(settings(**JWKS, MCP_AUTH_JWT_AUDIENCE="api://gauzy")) == "api://gauzy"


def test_the_metadata_needs_an_authorization_server_and_a_usable_resource() -> None:
    """Item 1: servers from MCP_AUTH_SERVERS, else the issuer; a wildcard listen address needs
    MCP_AUTH_RESOURCE (RFC 9728 §2, §3.3)."""
    resource = auth.protected_resource(settings(**JWKS))
    assert resource.authorization_servers == (ISSUER,)
    listed = auth.protected_resource(settings(**JWKS, MCP_AUTH_SERVERS="https://a.test,https://b.test"))
    assert listed.authorization_servers == ("https://a.test", "https://b.test")
    with pytest.raises(SettingsError, match="MCP_AUTH_RESOURCE"):
        auth.protected_resource(settings(**JWKS, MCP_HTTP_HOST="0.0.0.0"))
    with pytest.raises(SettingsError, match="MCP_AUTH_SERVERS"):
        auth.protected_resource(settings(MCP_AUTH_ENABLED="true"))


def test_the_introspection_secret_stays_out_of_repr() -> None:
    """Item 10 hardening: the client secret never appears in a logged Settings."""
    assert "hunter2" not in repr(settings(MCP_AUTH_INTROSPECTION_CLIENT_SECRET="hunter2"))
