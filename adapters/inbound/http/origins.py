"""Host and Origin checks (DNS-rebinding protection) and CORS for browser callers."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from adapters.inbound.http.asgi import App, Headers, Receive, Scope, Send, adding_headers, jsonrpc_error, refuse
from adapters.inbound.http.client import header

LOOPBACK_HOSTS = ("127.0.0.1", "127.0.0.1:*", "localhost", "localhost:*", "[::1]", "[::1]:*")
LOOPBACK_ORIGINS = ("http://127.0.0.1:*", "http://localhost:*", "http://[::1]:*",
                    "https://127.0.0.1:*", "https://localhost:*", "https://[::1]:*")
# WWW-Authenticate: a browser client reads the 401/403 challenge to find the resource metadata.
EXPOSED = (b"Mcp-Session-Id, Mcp-Protocol-Version, Retry-After, WWW-Authenticate, "
           b"X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset")


def matches(value: str, patterns: Iterable[str]) -> bool:
    """Exact match, `*`, or `base:*` for any port of `base` (the SDK's pattern syntax)."""
    for pattern in patterns:
        if pattern in ("*", value) or (pattern.endswith(":*") and value.startswith(pattern[:-1])):
            return True
    return False


@dataclass(frozen=True)
class HostPolicy:
    hosts: tuple[str, ...] = LOOPBACK_HOSTS
    origins: tuple[str, ...] = LOOPBACK_ORIGINS

    def host_allowed(self, host: str | None) -> bool:
        return host is not None and matches(host, self.hosts)

    def origin_allowed(self, origin: str | None) -> bool:
        # Non-browser clients send no Origin; browsers always do on cross-origin and WebSocket requests.
        return origin is None or matches(origin, self.origins)


class HostCheckMiddleware:
    """Refuse requests naming a Host or coming from an Origin that is not ours. A page that
    rebinds its own DNS name to this server's address would otherwise be same-origin with it
    (MCP 2025-06-18 Transports, "Security Warning"; RFC 9110 §15.5.20 for the 421)."""

    def __init__(self, app: App, policy: HostPolicy, *, skip: tuple[str, ...] = ()) -> None:
        self.app = app
        self.policy = policy
        self.skip = skip

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket") or scope["path"].startswith(self.skip):
            await self.app(scope, receive, send)
        elif not self.policy.host_allowed(header(scope, b"host")):
            await refuse(scope, send, 421, jsonrpc_error(-32000, "Host not allowed; see MCP_ALLOWED_HOSTS."))
        elif not self.policy.origin_allowed(header(scope, b"origin")):
            await refuse(scope, send, 403, jsonrpc_error(-32000, "Origin not allowed."))
        else:
            await self.app(scope, receive, send)


@dataclass(frozen=True)
class CorsPolicy:
    origins: tuple[str, ...]
    credentials: bool

    def allow_origin(self, origin: str) -> bytes | None:
        if not matches(origin, self.origins):
            return None
        # Fetch standard §3.2.5: a credentialed response may not use the `*` wildcard.
        wildcard = "*" in self.origins and not self.credentials
        return b"*" if wildcard else origin.encode("latin-1")

    def headers(self, origin: str) -> Headers:
        allowed = self.allow_origin(origin)
        if allowed is None:
            return [(b"vary", b"Origin")]
        headers = [(b"access-control-allow-origin", allowed), (b"vary", b"Origin"),
                   (b"access-control-expose-headers", EXPOSED)]
        if self.credentials and allowed != b"*":
            headers.append((b"access-control-allow-credentials", b"true"))
        return headers


class CorsMiddleware:
    """CORS (Fetch standard §3.2) from `MCP_CORS_ORIGIN` / `MCP_CORS_CREDENTIALS`."""

    def __init__(self, app: App, policy: CorsPolicy) -> None:
        self.app = app
        self.policy = policy

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        origin = header(scope, b"origin") if scope["type"] == "http" else None
        if origin is None:
            await self.app(scope, receive, send)
        elif scope["method"] == "OPTIONS" and header(scope, b"access-control-request-method"):
            await self._preflight(scope, send, origin)
        else:
            await self.app(scope, receive, adding_headers(send, lambda: self.policy.headers(origin)))

    async def _preflight(self, scope: Scope, send: Send, origin: str) -> None:
        requested = header(scope, b"access-control-request-headers") or ""
        headers = self.policy.headers(origin)
        if self.policy.allow_origin(origin) is not None:
            headers += [(b"access-control-allow-methods", b"GET, POST, DELETE, OPTIONS"),
                        (b"access-control-allow-headers", requested.encode("latin-1")),
                        (b"access-control-max-age", b"600")]
        await send({"type": "http.response.start", "status": 204, "headers": headers})
        await send({"type": "http.response.body", "body": b""})
