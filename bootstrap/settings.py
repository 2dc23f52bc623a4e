"""Settings from environment variables (and an optional `.env`), under the reference
server's names so an existing deployment's configuration keeps working."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, Self

TRUE = {"1", "true", "yes", "on"}


class SettingsError(ValueError):
    """A setting has a value the server cannot use; the message names it and what is allowed."""


def read_dotenv(path: Path) -> dict[str, str]:
    """KEY=VALUE lines; `#` comments and surrounding quotes are ignored."""
    if not path.is_file():
        return {}
    values = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#") and "=" in line:
            key, _, value = line.partition("=")
            values[key.strip().removeprefix("export ").strip()] = value.strip().strip("'\"")
    return values


def setting(env: str, default: Any, help_text: str, *, secret: bool = False) -> Any:
    """A settings field read from environment variable `env`; secrets stay out of repr."""
    return field(default=default, repr=not secret, metadata={"env": env, "help": help_text})


class EnvSettings:
    """Read a frozen dataclass of `setting(...)` fields from the environment (and `.env`);
    the environment wins over the file, and a bad value names its variable."""

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, dotenv: Path | None = None) -> Self:
        source = {**read_dotenv(dotenv or Path(".env")), **(os.environ if environ is None else environ)}
        values: dict[str, Any] = {}
        for spec in fields(cls):  # type: ignore[arg-type]  # subclasses are dataclasses
            raw = source.get(spec.metadata["env"])
            if raw is not None and raw.strip() != "":
                values[spec.name] = _convert(spec.metadata["env"], spec.type, raw.strip())
        return cls(**values)

    @classmethod
    def help_text(cls) -> str:
        return "\n".join(f"  {f.metadata['env']:<22} {f.metadata['help']}" for f in fields(cls))  # type: ignore[arg-type]


@dataclass(frozen=True)
class Settings(EnvSettings):
    """Each field's metadata names its environment variable and says what it does (for --help)."""

    api_base_url: str | None = setting(
        "API_BASE_URL", None,
        "Gauzy API base URL without /api, e.g. https://api.gauzy.co. Unset: the embedded demo Gauzy.",
    )
    api_timeout: float = setting(
        "API_TIMEOUT", 30.0,
        "Seconds before a Gauzy call times out.",
    )
    api_retry_deadline: float = setting(
        "API_RETRY_DEADLINE", 15.0,
        "Seconds a Gauzy call that is safe to repeat may spend retrying after 429/502/503/504 "
        "or a refused connection (0: never retry).",
    )
    auth_email: str | None = setting(
        "GAUZY_AUTH_EMAIL", None,
        "Email to sign in to Gauzy with automatically.",
    )
    auth_password: str | None = setting(
        "GAUZY_AUTH_PASSWORD", None,
        "Password for GAUZY_AUTH_EMAIL.", secret=True,
    )
    auto_login: bool = setting(
        "GAUZY_AUTO_LOGIN", True,
        "Sign in with GAUZY_AUTH_EMAIL/PASSWORD on first use (true/false).",
    )
    transport: str = setting(
        "MCP_TRANSPORT", "stdio",
        "stdio, http, websocket or http,websocket.",
    )
    http_host: str = setting(
        "MCP_HTTP_HOST", "127.0.0.1",
        "HTTP listen address.",
    )
    http_port: int = setting(
        "MCP_HTTP_PORT", 3001,
        "HTTP listen port.",
    )
    ws_host: str = setting(
        "MCP_WS_HOST", "127.0.0.1",
        "WebSocket listen address.",
    )
    ws_port: int = setting(
        "MCP_WS_PORT", 3002,
        "WebSocket listen port.",
    )
    ws_path: str = setting(
        "MCP_WS_PATH", "/sse",
        "WebSocket path.",
    )
    session_ttl: int = setting(
        "MCP_SESSION_TTL", 1800,
        "Seconds an idle session lives (100000 or more is read as milliseconds, the reference server's unit).",
    )
    redis_url: str | None = setting(
        "REDIS_URL", None,
        "Redis for sessions and rate limits shared by instances. Unset: in memory.",
    )
    workers: int | None = setting(
        "MCP_WORKERS", None,
        "Server processes of this instance sharing its ports (http/websocket). Unset: the core count "
        "with REDIS_URL and API_BASE_URL, else 1 (more than 1 needs both).",
    )
    session_cookie_name: str = setting(
        "MCP_SESSION_COOKIE_NAME", "mcp-session-id",
        "Name of the HTTP/WebSocket session cookie.",
    )
    session_secret: str | None = setting(
        "MCP_SESSION_SECRET", None,
        "Secret the Gauzy tokens in stored sessions are encrypted with; give every instance the same one. "
        "Unset: a random key per process (sessions do not survive a restart).", secret=True,
    )
    cors_origin: tuple[str, ...] = setting(
        "MCP_CORS_ORIGIN", ("http://localhost:3000", "http://localhost:4200",
                            "http://127.0.0.1:3000", "http://127.0.0.1:4200"),
        "Comma-separated browser origins allowed to call the HTTP transport (* for any).",
    )
    cors_credentials: bool = setting(
        "MCP_CORS_CREDENTIALS", True,
        "Let allowed browser origins send the session cookie (true/false; never with *).",
    )
    allowed_hosts: tuple[str, ...] = setting(
        "MCP_ALLOWED_HOSTS", (),
        "Comma-separated Host header values accepted (host or host:port, host:* for any port). "
        "Unset: loopback names only; set it when serving a public name.",
    )
    trusted_proxies: tuple[str, ...] = setting(
        "MCP_TRUSTED_PROXIES", (),
        "Comma-separated proxy addresses or CIDRs whose X-Forwarded-For is believed.",
    )
    throttle_enabled: bool = setting(
        "THROTTLE_ENABLED", True,
        "Rate-limit requests per client address (true/false).",
    )
    throttle_loopback: bool = setting(
        "THROTTLE_LOOPBACK", False,
        "Rate-limit loopback clients too (true/false). Off: a local user or test suite is never throttled.",
    )
    throttle_ttl: int = setting(
        "THROTTLE_TTL", 60,
        "Rate-limit window in seconds (1000 or more is read as milliseconds, the reference server's unit).",
    )
    throttle_limit: int = setting(
        "THROTTLE_LIMIT", 100,
        "Requests a client address may make per window.",
    )
    ws_allowed_origins: tuple[str, ...] = setting(
        "MCP_WS_ALLOWED_ORIGINS", (),
        "Comma-separated origins allowed to open a WebSocket (* for any). Unset: loopback origins.",
    )
    ws_per_message_deflate: bool = setting(
        "MCP_WS_PER_MESSAGE_DEFLATE", True,
        "Compress WebSocket messages when the client offers permessage-deflate (true/false).",
    )
    ws_max_payload: int = setting(
        "MCP_WS_MAX_PAYLOAD", 16 * 1024 * 1024,
        "Largest WebSocket message in bytes; a larger one closes the connection with 1009.",
    )
    ws_ping_interval: float = setting(
        "MCP_WS_PING_INTERVAL", 30.0,
        "Seconds between keep-alive pings on idle WebSocket connections (0: none).",
    )
    ws_tls: bool = setting(
        "MCP_WS_TLS", False,
        "Serve the WebSocket over TLS (wss://) with MCP_WS_KEY_PATH and MCP_WS_CERT_PATH.",
    )
    ws_key_path: str | None = setting(
        "MCP_WS_KEY_PATH", None,
        "PEM private key for MCP_WS_TLS.",
    )
    ws_cert_path: str | None = setting(
        "MCP_WS_CERT_PATH", None,
        "PEM certificate (chain) for MCP_WS_TLS.",
    )
    shutdown_timeout: float = setting(
        "MCP_SHUTDOWN_TIMEOUT", 10.0,
        "Seconds calls in flight may take to finish after SIGTERM before the server stops anyway.",
    )
    toolsets: tuple[str, ...] = setting(
        "MCP_TOOLSETS", (),
        "Comma-separated toolsets. Unset or `default`: tools/list shows the core set and every tool stays "
        "callable by name (find_tools searches them); `all`: list every tool; `default,invoices`: the core "
        "set plus those toolsets; toolsets alone: only they can be called.",
    )
    tools: tuple[str, ...] = setting(
        "MCP_TOOLS", (),
        "Comma-separated tool names to list (and allow) besides MCP_TOOLSETS, e.g. get_invoices,create_invoice.",
    )
    read_only: bool = setting(
        "MCP_READ_ONLY", False,
        "Expose only tools that do not write (true/false).",
    )
    auth_enabled: bool = setting(
        "MCP_AUTH_ENABLED", False,
        "Require OAuth 2.0 bearer tokens on /mcp, /sse, /sse/events and the WebSocket (true/false).",
    )
    auth_resource: str | None = setting(
        "MCP_AUTH_RESOURCE", None,
        "Canonical URL of this MCP server, the audience tokens must carry, e.g. https://mcp.example.com/mcp. "
        "Unset: http://MCP_HTTP_HOST:MCP_HTTP_PORT/mcp.",
    )
    auth_servers: tuple[str, ...] = setting(
        "MCP_AUTH_SERVERS", (),
        "Comma-separated authorization server issuer URLs published in the RFC 9728 metadata. "
        "Unset: MCP_AUTH_JWT_ISSUER.",
    )
    auth_required_scopes: tuple[str, ...] = setting(
        "MCP_AUTH_REQUIRED_SCOPES", (),
        "Comma-separated scopes every request needs, besides each tool's own (mcp.read, mcp.write, mcp.admin).",
    )
    auth_jwks_uri: str | None = setting(
        "MCP_AUTH_JWT_JWKS_URI", None,
        "JWKS URL of the authorization server: JWT access tokens are verified with its keys.",
    )
    auth_public_key: str | None = setting(
        "MCP_AUTH_JWT_PUBLIC_KEY", None,
        "PEM public key (or certificate), or the path of a file holding one, that verifies JWT access tokens.",
    )
    auth_algorithms: tuple[str, ...] = setting(
        "MCP_AUTH_JWT_ALGORITHMS", ("RS256", "ES256"),
        "Comma-separated JWT signature algorithms accepted (asymmetric only: none and HS* are refused).",
    )
    auth_issuer: str | None = setting(
        "MCP_AUTH_JWT_ISSUER", None,
        "The exact `iss` access tokens must carry.",
    )
    auth_audience: str | None = setting(
        "MCP_AUTH_JWT_AUDIENCE", None,
        "The exact `aud` access tokens must carry. Unset: the canonical MCP URL (MCP_AUTH_RESOURCE).",
    )
    auth_require_at_jwt: bool = setting(
        "MCP_AUTH_JWT_REQUIRE_AT_JWT", False,
        "Accept only RFC 9068 access tokens: typ at+jwt with client_id and jti (true/false). "
        "Off: a typ, when present, must still be at+jwt or JWT.",
    )
    auth_jwks_cache_ttl: int = setting(
        "MCP_AUTH_JWKS_CACHE_TTL", 600,
        "Seconds the JWKS is cached before it is fetched again.",
    )
    auth_jwks_refetch_interval: int = setting(
        "MCP_AUTH_JWKS_REFETCH_INTERVAL", 30,
        "Least seconds between two JWKS fetches caused by tokens with an unknown kid (key rotation).",
    )
    auth_introspection_endpoint: str | None = setting(
        "MCP_AUTH_INTROSPECTION_ENDPOINT", None,
        "RFC 7662 introspection URL: tokens are checked by asking the authorization server.",
    )
    auth_introspection_client_id: str | None = setting(
        "MCP_AUTH_INTROSPECTION_CLIENT_ID", None,
        "Client id this server authenticates to the introspection endpoint with.",
    )
    auth_introspection_client_secret: str | None = setting(
        "MCP_AUTH_INTROSPECTION_CLIENT_SECRET", None,
        "Client secret for MCP_AUTH_INTROSPECTION_CLIENT_ID.", secret=True,
    )
    auth_token_cache_ttl: int = setting(
        "MCP_AUTH_TOKEN_CACHE_TTL", 60,
        "Seconds an introspection answer is reused (never past the token's expiry; 0: ask every time).",
    )
    debug: bool = setting(
        "GAUZY_MCP_DEBUG", False,
        "Debug logging on stderr (secrets redacted).",
    )

    @property
    def demo(self) -> bool:
        return not self.api_base_url

    def __post_init__(self) -> None:
        # A reference deployment's MCP_SESSION_TTL=1800000 (ms) means 30 minutes, not 21 days.
        if self.session_ttl >= 100_000:
            object.__setattr__(self, "session_ttl", self.session_ttl // 1000)

    @property
    def throttle_window_seconds(self) -> int:
        """THROTTLE_TTL in seconds; a reference deployment's `60000` (ms) must not become 16 hours."""
        return max(1, self.throttle_ttl // 1000) if self.throttle_ttl >= 1000 else max(1, self.throttle_ttl)


def _convert(name: str, kind: object, raw: str) -> object:
    kind = str(kind)
    try:
        if kind.startswith("bool"):
            if raw.lower() not in TRUE | {"0", "false", "no", "off"}:
                raise ValueError
            return raw.lower() in TRUE
        if kind.startswith("int"):
            return int(raw)
        if kind.startswith("float"):
            return float(raw)
    except ValueError:
        raise SettingsError(f"{name}={raw!r} is not a valid {kind.split()[0]}") from None
    if kind.startswith("tuple"):
        return tuple(part.strip() for part in raw.split(",") if part.strip())
    return raw
