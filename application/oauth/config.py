"""The authorization server's fixed facts: who it is, which resource it issues tokens for,
and how long each artefact lives."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from application.protected_resource import SCOPES_SUPPORTED, check_resource_uri

# RFC 6749 §4.1.2 allows 10 minutes at most; a minute is enough for a redirect and a POST.
MAX_CODE_TTL = 60
MAX_ACCESS_TTL = 3600  # SECURITY.md item 24: access tokens short-lived, ≤ 1 h
DEFAULT_SCOPES = frozenset({"mcp.read", "mcp.write"})  # RFC 6749 §3.3: the documented default


class ConfigError(ValueError):
    """An authorization-server setting cannot be used; the message names it."""


def check_issuer(issuer: str, *, allow_http_loopback: bool = True) -> str:
    """`issuer` unchanged when it is an RFC 8414 §2 issuer identifier: https, no query, no
    fragment. Plain http is accepted only for a loopback host (tests and local use)."""
    parts = urlsplit(issuer)
    loopback = parts.hostname in {"127.0.0.1", "::1", "localhost"}
    if parts.scheme != "https" and not (parts.scheme == "http" and loopback and allow_http_loopback):
        raise ConfigError(f"MCP_AUTH_ISSUER={issuer!r}: the issuer must be an https URL (RFC 8414 §2)")
    if not parts.hostname or parts.query or parts.fragment or "?" in issuer or "#" in issuer:
        raise ConfigError(f"MCP_AUTH_ISSUER={issuer!r}: no query or fragment allowed (RFC 8414 §2)")
    if issuer.endswith("/"):
        raise ConfigError(f"MCP_AUTH_ISSUER={issuer!r}: drop the trailing slash (issuers compare byte for byte)")
    return issuer


@dataclass(frozen=True)
class ServerConfig:
    """`issuer` is compared byte for byte everywhere (RFC 8414 §3.3, RFC 9207 §2.4); `resource`
    is the canonical MCP URL, the only audience tokens are issued for (RFC 8707 §2)."""

    issuer: str
    resource: str
    scopes_supported: tuple[str, ...] = SCOPES_SUPPORTED
    default_scopes: frozenset[str] = DEFAULT_SCOPES
    code_ttl: int = MAX_CODE_TTL
    access_token_ttl: int = 900
    refresh_token_idle_ttl: int = 14 * 24 * 3600
    browser_session_ttl: int = 1800
    client_metadata_documents: bool = True

    def __post_init__(self) -> None:
        check_issuer(self.issuer)
        check_resource_uri(self.resource)
        if not 1 <= self.code_ttl <= MAX_CODE_TTL:
            raise ConfigError(f"MCP_AUTH_CODE_TTL={self.code_ttl}: 1 to {MAX_CODE_TTL} seconds")
        if not 60 <= self.access_token_ttl <= MAX_ACCESS_TTL:
            raise ConfigError(f"MCP_AUTH_ACCESS_TOKEN_TTL={self.access_token_ttl}: 60 to {MAX_ACCESS_TTL} seconds")
        if self.refresh_token_idle_ttl < 60:
            raise ConfigError(f"MCP_AUTH_REFRESH_TOKEN_TTL={self.refresh_token_idle_ttl}: at least 60 seconds")

    def endpoint(self, path: str) -> str:
        return self.issuer + path
