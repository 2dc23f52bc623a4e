"""Which session a remote request belongs to, carried as a cookie (or the MCP session id).

The middleware decides the key (one store read, one write for a new session); the session's
TTL slides when a tool call uses it (`RemoteCallers`). Store failures here are not fatal, so
`tools/list` keeps working while the session store is down; the calls that need it say so.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from http.cookies import CookieError, SimpleCookie
from typing import Any

import mcp_types as types
from mcp.shared.exceptions import MCPError

from adapters.inbound.http.asgi import SERVER_ERROR, App, Headers, Receive, Scope, Send, adding_headers, refuse
from adapters.inbound.http.client import TrustedProxies, fingerprint, header, subject_of
from adapters.inbound.oauth.principal import principal_of
from application.access_policy import caller_from_claims, oauth_session_key
from application.remote_sessions import SessionGate, new_session_key
from domain.access import AccessClaims
from domain.errors import DomainError, SessionRefusedError, StorageUnavailableError
from domain.principal import CallerContext

log = logging.getLogger(__name__)
SCOPE_KEY = "gauzy_mcp.session"


@dataclass(frozen=True)
class SessionTicket:
    """The session key a request presents (or was given) and the fingerprint of its client.

    With OAuth, `claims` are the request's verified token and `key` is `<sub>:<id>`, so a
    session id works only with a token of the user who opened it (SECURITY.md item 23);
    `cookie` is then the bare id handed to the client.
    """

    key: str
    fingerprint: str
    issued: bool = False  # True: a new key this response must hand out as a cookie
    claims: AccessClaims | None = None
    cookie: str | None = None

    @property
    def subject(self) -> str:
        return self.claims.subject if self.claims is not None else subject_of(self.key)


def session_key(claims: AccessClaims | None, session_id: str) -> str:
    """The store key of a session id: `<sub>:<id>` with OAuth, the bare id without."""
    return oauth_session_key(claims.subject, session_id) if claims is not None else session_id


def mcp_session_key(ticket: SessionTicket, mcp_session_id: str) -> str:
    """The store key of a streamable-HTTP session (`Mcp-Session-Id`) for the request's token."""
    return session_key(ticket.claims, "mcp:" + mcp_session_id)


@dataclass(frozen=True)
class CookiePolicy:
    name: str
    max_age: int

    def read(self, scope: Scope) -> str | None:
        raw = header(scope, b"cookie")
        if not raw:
            return None
        try:
            morsel = SimpleCookie(raw).get(self.name)
        except CookieError:
            return None
        return morsel.value if morsel and morsel.value else None

    def issue(self, key: str, scope: Scope) -> Headers:
        # HttpOnly: scripts cannot read the bearer key; SameSite=Lax: not sent on cross-site
        # POSTs (RFC 6265bis §5.4.7); Secure whenever the connection is (RFC 6265 §4.1.2.5).
        secure = "; Secure" if scope.get("scheme") in ("https", "wss") else ""
        value = f"{self.name}={key}; Path=/; Max-Age={self.max_age}; HttpOnly; SameSite=Lax{secure}"
        return [(b"set-cookie", value.encode("latin-1"))]


class SessionMiddleware:
    def __init__(self, app: App, gate: SessionGate, cookies: CookiePolicy, proxies: TrustedProxies, *,
                 exempt: tuple[str, ...] = ("/health",)) -> None:
        self.app = app
        self.gate = gate
        self.cookies = cookies
        self.proxies = proxies
        self.exempt = exempt

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket") or scope["path"].startswith(self.exempt):
            await self.app(scope, receive, send)
            return
        try:
            ticket = await self._ticket(scope)
        except SessionRefusedError as error:
            await refuse(scope, send, 403, {"jsonrpc": "2.0", "id": None,
                                            "error": {"code": SERVER_ERROR, "message": str(error)}})
            return
        scope[SCOPE_KEY] = ticket
        if ticket.issued:
            send = adding_headers(send, lambda: self.cookies.issue(ticket.cookie or ticket.key, scope))
        await self.app(scope, receive, send)

    async def _ticket(self, scope: Scope) -> SessionTicket:
        address = self.proxies.client_address(scope)
        print_ = fingerprint(address, header(scope, b"user-agent"))
        claims = principal_of(scope)

        def keyed(session_id: str) -> str:
            return session_key(claims, session_id)

        presented = self.cookies.read(scope)
        if presented is not None and await self._still_valid(keyed(presented), print_):
            return SessionTicket(keyed(presented), print_, claims=claims)
        mcp_session = header(scope, b"mcp-session-id")
        if presented is None and mcp_session:
            # The session manager refuses ids no instance issued (shared_sessions.py).
            return SessionTicket(keyed("mcp:" + mcp_session), print_, claims=claims)
        issued = new_session_key()
        return await self._issue(SessionTicket(keyed(issued), print_, issued=True, claims=claims, cookie=issued))

    async def _issue(self, ticket: SessionTicket) -> SessionTicket:
        """Store a new session before handing out its cookie: a key the store has never seen
        is replaced, not adopted (no session fixation), so an unstored one would not last."""
        try:
            await self.gate.enter(ticket.key, ticket.fingerprint, ticket.subject)
        except StorageUnavailableError:
            log.warning("session store unavailable: session %s not stored yet", subject_of(ticket.key))
        return ticket

    async def _still_valid(self, key: str, print_: str) -> bool:
        try:
            return await self.gate.verify(key, print_)
        except StorageUnavailableError:
            return True  # cannot tell now; the tool call that needs the session will say so


class RemoteCallers:
    """The `CallerContext` of a remote request: its session, entered (created) on first use."""

    def __init__(self, gate: SessionGate, *, listings: Callable[[frozenset[str]], Any] | None = None) -> None:
        self._gate = gate
        self._listings = listings  # OAuth on: `tools/list` for the token's scopes

    async def for_ticket(self, ticket: SessionTicket) -> CallerContext:
        await self._gate.enter(ticket.key, ticket.fingerprint, ticket.subject)
        if ticket.claims is not None:
            return caller_from_claims(ticket.claims, ticket.key)
        return CallerContext(session_key=ticket.key, subject=ticket.subject)

    def listing(self, source: Any) -> Any:
        """The `tools/list` answer for the token of `source` (an SDK request context or a
        ticket), or None when every tool is listed (OAuth off)."""
        ticket = source if isinstance(source, SessionTicket) else _ticket_of(source.request)
        if self._listings is None or ticket is None or ticket.claims is None:
            return None
        return self._listings(ticket.claims.scopes)

    async def __call__(self, ctx: Any) -> CallerContext:
        """The SDK's caller resolver: the ticket rides on the request (HTTP) or is the request
        context itself (WebSocket). Domain errors become JSON-RPC errors the client can read."""
        ticket = _ticket_of(ctx.request)
        if ticket is None:
            raise MCPError(types.INTERNAL_ERROR, "No session: this request did not come through the session layer.")
        try:
            return await self.for_ticket(ticket)
        except DomainError as error:
            raise MCPError(SERVER_ERROR, str(error), {"reason": error.code}) from error


def _ticket_of(request: Any) -> SessionTicket | None:
    ticket = request if isinstance(request, SessionTicket) else getattr(request, "scope", {}).get(SCOPE_KEY)
    return ticket if isinstance(ticket, SessionTicket) else None
