"""The OAuth 2.0 protected resource at the edge: every request to a protected path needs a valid
bearer token; RFC 9728 metadata is served from the well-known paths.

Order of checks, each refusing with its challenge: token present and valid (401), scopes every
request needs (403), scopes of the tools a JSON-RPC body calls (403), the MCP session belongs
to the token's subject (403). The verified claims go on to the session layer in the ASGI scope.
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Mapping
from dataclasses import dataclass

from adapters.inbound.http.asgi import App, Message, Receive, Scope, Send, refuse, send_json
from adapters.inbound.http.client import header
from adapters.inbound.oauth.challenges import insufficient_scope_challenge, unauthorized_challenge
from adapters.inbound.oauth.principal import PRINCIPAL_KEY
from adapters.inbound.oauth.requests import (
    MalformedAuthorizationError,
    bearer_token,
    buffered_body,
    called_tools,
    token_in_query,
)
from adapters.inbound.oauth.sessions import SessionOwners
from application.access_policy import ScopePolicy
from application.protected_resource import ProtectedResource, metadata_paths
from domain.access import AccessClaims
from domain.errors import InvalidTokenError, UpstreamUnavailableError
from domain.ports import TokenVerifier

log = logging.getLogger("gauzy_mcp.auth")
POLICY_VIOLATION = 1008  # RFC 6455 §7.4.1


@dataclass(frozen=True)
class BearerGuard:
    """What the bearer check needs, built in bootstrap. `protected`: path prefixes that need a
    token (the MCP endpoint, the JSON-RPC endpoint and its events, the WebSocket path)."""

    verifier: TokenVerifier
    resource: ProtectedResource
    policy: ScopePolicy
    tool_scopes: Mapping[str, str]
    protected: tuple[str, ...] = ("/mcp", "/sse")

    def protects(self, path: str) -> bool:
        return any(path == prefix or path.startswith(prefix.rstrip("/") + "/") for prefix in self.protected)

    def __call__(self, app: App) -> App:
        return BearerAuthMiddleware(app, self)


class BearerAuthMiddleware:
    def __init__(self, app: App, guard: BearerGuard) -> None:
        self.app = app
        self.guard = guard
        self.metadata_url = guard.resource.metadata_url
        self.metadata_paths = metadata_paths(guard.resource.resource)
        self.owners = SessionOwners()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        kind, path = scope["type"], scope.get("path", "")
        if kind == "http" and scope["method"] in ("GET", "HEAD") and path in self.metadata_paths:
            await send_json(send, 200, self.guard.resource.metadata())  # RFC 9728 §3.2
            return
        if kind not in ("http", "websocket") or not self.guard.protects(path) or scope.get("method") == "OPTIONS":
            await self.app(scope, receive, send)
            return
        claims = await self._authenticate(scope, send)
        if claims is None:
            return
        checked = await self._authorize(scope, receive, send, claims)
        if checked is None:
            return
        scope[PRINCIPAL_KEY] = claims
        send = self.owners.recording(send, claims.subject)
        if kind == "websocket" and claims.expires_at is not None:
            checked = _until_expiry(checked, send, claims.expires_at.timestamp())
        await self.app(scope, checked, send)

    async def _authenticate(self, scope: Scope, send: Send) -> AccessClaims | None:
        if token_in_query(scope):
            log.warning("%s: access_token in the query string ignored; send it in the Authorization header "
                        "(RFC 6750 §2.3)", scope.get("path"))
        try:
            token = bearer_token(scope)
        except MalformedAuthorizationError as error:
            await self._unauthorized(scope, send, token_sent=True, reason=str(error))
            return None
        if token is None:
            await self._unauthorized(scope, send, token_sent=False, reason="no bearer token")
            return None
        try:
            return await self.guard.verifier.verify(token)
        except InvalidTokenError as error:
            await self._unauthorized(scope, send, token_sent=True, reason=f"{error.reason} ({_digest(token)})")
            return None
        except UpstreamUnavailableError:
            # The token may be fine: tell the client to retry, not to get a new one.
            await refuse(scope, send, 503, {"error": "temporarily_unavailable", "error_description":
                         "The access token cannot be checked right now. Retry shortly."}, [(b"retry-after", b"5")])
            return None

    async def _authorize(self, scope: Scope, receive: Receive, send: Send, claims: AccessClaims) -> Receive | None:
        """`receive` (replaying a peeked body) when the token may make this request, else None."""
        needed: list[str] = []
        if scope["type"] == "http" and scope["method"] == "POST":
            body, receive = await buffered_body(receive)
            needed = [self.guard.tool_scopes[name] for name in called_tools(body) if name in self.guard.tool_scopes]
        missing = self.guard.policy.missing(claims.scopes, *needed)
        if missing:
            log.info("%s: token of %s lacks %s", scope.get("path"), claims.subject, " ".join(missing))
            challenge = insufficient_scope_challenge(self.metadata_url, missing)
            await refuse(scope, send, 403, {"error": "insufficient_scope", "error_description":
                         f"This request needs the OAuth scope {' '.join(missing)}."},
                         [(b"www-authenticate", challenge.encode("latin-1"))])
            return None
        if not self.owners.allows(header(scope, b"mcp-session-id"), claims.subject):
            await refuse(scope, send, 403, {"error": "invalid_request", "error_description":
                         "This MCP session was opened with another user's token; start a new session."})
            return None
        return receive

    async def _unauthorized(self, scope: Scope, send: Send, *, token_sent: bool, reason: str) -> None:
        # RFC 6750 §3.1 / RFC 9728 §5.1: the challenge says where to learn how to get a token;
        # the reason stays in the log (a forger learns nothing from the answer).
        log.info("%s: bearer token refused: %s", scope.get("path"), reason)
        challenge = unauthorized_challenge(self.metadata_url, token_sent=token_sent)
        body = {"error": "invalid_token" if token_sent else "unauthorized", "error_description":
                "This endpoint needs a valid OAuth 2.0 access token in the Authorization: Bearer header."}
        await refuse(scope, send, 401, body, [(b"www-authenticate", challenge.encode("latin-1"))])


def _digest(token: str) -> str:
    """A short fingerprint that lets an operator match log lines to a token they hold."""
    return "token sha256:" + hashlib.sha256(token.encode()).hexdigest()[:12]


def _until_expiry(receive: Receive, send: Send, expires_at: float) -> Receive:
    """A WebSocket outlives its handshake: once the token expires, the next frame closes the
    connection (1008) instead of running with a dead token (MCP "Token Handling")."""

    async def checked() -> Message:
        message = await receive()
        if message["type"] == "websocket.receive" and time.time() >= expires_at:
            await send({"type": "websocket.close", "code": POLICY_VIOLATION, "reason": "access token expired"})
            return {"type": "websocket.disconnect", "code": POLICY_VIOLATION}
        return message

    return checked

