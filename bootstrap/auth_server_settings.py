"""Settings of the embedded OAuth 2.0 authorization server (`MCP_AUTH_*`), read like the others.

Kept apart from `Settings` so each stays readable; `gauzy-mcp --help` lists both.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from bootstrap.settings import EnvSettings, setting


def default_key_path() -> str:
    state = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    return str(Path(state) / "gauzy-mcp" / "oauth-signing-keys.json")


@dataclass(frozen=True)
class AuthServerSettings(EnvSettings):
    allow_embedded: bool = setting(
        "MCP_AUTH_ALLOW_EMBEDDED_SERVER", False,
        "Serve the OAuth 2.0 authorization server (Gauzy sign-in page, tokens) inside the HTTP transport.",
    )
    host: str = setting(
        "MCP_AUTH_HOST", "127.0.0.1",
        "Listen address of `gauzy-mcp auth-server`.",
    )
    port: int = setting(
        "MCP_AUTH_PORT", 3003,
        "Listen port of `gauzy-mcp auth-server`.",
    )
    issuer: str | None = setting(
        "MCP_AUTH_ISSUER", None,
        "Issuer URL of the authorization server (https, no trailing slash). Unset: the MCP server's origin when "
        "embedded, http://MCP_AUTH_HOST:MCP_AUTH_PORT for auth-server.",
    )
    signing_algorithm: str = setting(
        "MCP_AUTH_SIGNING_ALGORITHM", "RS256",
        "Access-token signature: RS256 (RSA 3072) or ES256 (P-256).",
    )
    key_store: str | None = setting(
        "MCP_AUTH_KEY_STORE", None,
        "Where signing keys are kept: file or redis. Unset: redis when REDIS_URL is set, else file.",
    )
    key_path: str | None = setting(
        "MCP_AUTH_KEY_PATH", None,
        "Signing-key file for MCP_AUTH_KEY_STORE=file. Unset: $XDG_STATE_HOME/gauzy-mcp/oauth-signing-keys.json.",
    )
    key_rotation_days: float = setting(
        "MCP_AUTH_KEY_ROTATION_DAYS", 90.0,
        "Days before the signing key is replaced (the old one stays published until its tokens expire; 0: never).",
    )
    code_ttl: int = setting(
        "MCP_AUTH_CODE_TTL", 60,
        "Seconds an authorization code lives (at most 60).",
    )
    access_token_ttl: int = setting(
        "MCP_AUTH_ACCESS_TOKEN_TTL", 900,
        "Seconds an access token lives (60 to 3600).",
    )
    refresh_token_ttl: int = setting(
        "MCP_AUTH_REFRESH_TOKEN_TTL", 14 * 24 * 3600,
        "Seconds a refresh token may go unused before it expires (each use rotates it).",
    )
    login_ttl: int = setting(
        "MCP_AUTH_LOGIN_TTL", 1800,
        "Seconds the sign-in page's browser session lasts.",
    )
    client_metadata_documents: bool = setting(
        "MCP_AUTH_CLIENT_METADATA_DOCUMENTS", True,
        "Accept https client_id URLs pointing at Client ID Metadata Documents (true/false).",
    )
    cimd_allow_loopback: bool = setting(
        "MCP_AUTH_CIMD_ALLOW_LOOPBACK", False,
        "TESTS ONLY: let client metadata documents be fetched from loopback addresses.",
    )
