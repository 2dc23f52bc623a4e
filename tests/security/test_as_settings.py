"""The authorization server's settings: unsafe values stop the start, and the embedded server
is trusted by the resource server without extra configuration — SECURITY.md items 11, 16, 24."""

from __future__ import annotations

import pytest

from bootstrap.auth_server import key_backend, server_config, standalone_issuer, with_embedded_defaults
from bootstrap.auth_server_settings import AuthServerSettings
from bootstrap.settings import Settings, SettingsError


def settings(**env: str) -> tuple[Settings, AuthServerSettings]:
    environ = {"MCP_TRANSPORT": "http", "MCP_HTTP_PORT": "3001", **env}
    return Settings.from_env(environ, dotenv=None), AuthServerSettings.from_env(environ, dotenv=None)


@pytest.mark.parametrize(("name", "value"), [
    ("MCP_AUTH_CODE_TTL", "61"),  # item 16: ≤ 60 s
    ("MCP_AUTH_ACCESS_TOKEN_TTL", "3601"),  # item 24: ≤ 1 h
    ("MCP_AUTH_ISSUER", "http://auth.example.com"),  # item 11: https (http only on loopback)
    ("MCP_AUTH_ISSUER", "https://auth.example.com/?x"),  # item 11: no query
])
def test_unsafe_values_stop_the_start(name: str, value: str) -> None:
    """Items 11, 16, 24: a configuration that would break them is refused with the variable's name."""
    core, server = settings(**{name: value})
    with pytest.raises(SettingsError, match=name.split("_TTL")[0] if "TTL" in name else "MCP_AUTH_ISSUER"):
        server_config(core, server, server.issuer or "http://127.0.0.1:3001")


def test_embedded_server_is_what_the_resource_server_trusts() -> None:
    """Item 8 / issue 7 §8: embedded, the MCP server checks tokens against this issuer's JWKS,
    exact issuer, and requires `typ: at+jwt` (RFC 9068 §4)."""
    core, server = settings(MCP_AUTH_ENABLED="true", MCP_AUTH_ALLOW_EMBEDDED_SERVER="true")
    trusted = with_embedded_defaults(core, server)
    assert trusted.auth_issuer == "http://127.0.0.1:3001"
    assert trusted.auth_jwks_uri == "http://127.0.0.1:3001/.well-known/jwks.json"
    assert trusted.auth_require_at_jwt is True and trusted.auth_servers == ("http://127.0.0.1:3001",)


def test_explicit_resource_server_settings_win() -> None:
    core, server = settings(MCP_AUTH_ALLOW_EMBEDDED_SERVER="true", MCP_AUTH_JWT_PUBLIC_KEY="/k.pem",
                            MCP_AUTH_JWT_ISSUER="https://idp.example.com")
    trusted = with_embedded_defaults(core, server)
    assert trusted.auth_issuer == "https://idp.example.com" and trusted.auth_jwks_uri is None


def test_standalone_defaults_and_key_store_choice() -> None:
    core, server = settings(MCP_AUTH_PORT="4003")
    assert standalone_issuer(server) == "http://127.0.0.1:4003"
    assert key_backend(core, server) == "file"
    with_redis, _ = settings(REDIS_URL="redis://127.0.0.1:1/0")
    assert key_backend(with_redis, server) == "redis"
    with pytest.raises(SettingsError, match="MCP_AUTH_KEY_STORE"):
        key_backend(core, AuthServerSettings(key_store="redis"))
