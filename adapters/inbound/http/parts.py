"""What the remote transports are built from: collaborators from bootstrap, and options."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from mcp.server import Server

from adapters.inbound.http.asgi import App
from adapters.inbound.http.client import TrustedProxies
from adapters.inbound.http.events import EventHub
from adapters.inbound.http.health import Check
from adapters.inbound.http.origins import CorsMiddleware, CorsPolicy, HostCheckMiddleware, HostPolicy
from adapters.inbound.http.sessions import CookiePolicy, RemoteCallers, SessionMiddleware
from adapters.inbound.http.throttle import Throttle, ThrottleMiddleware
from application.dispatcher import ToolDispatcher
from application.remote_sessions import SessionGate

ONE_MIB = 1024 * 1024


@dataclass(frozen=True)
class RemoteParts:
    """The one SDK server, the dispatcher and the stores every remote transport shares."""

    server: Server[Any]
    dispatcher: ToolDispatcher
    gate: SessionGate
    callers: RemoteCallers
    throttle: Throttle | None
    readiness: Mapping[str, Check]
    events: EventHub
    server_info: Mapping[str, str]
    bearer: Callable[[App], App] | None = None  # OAuth on: wraps the session layer in the bearer-token check


@dataclass(frozen=True)
class EdgeOptions:
    """Request checks shared by the HTTP and WebSocket listeners."""

    cookie: CookiePolicy
    proxies: TrustedProxies = field(default_factory=TrustedProxies)
    hosts: HostPolicy = field(default_factory=HostPolicy)


@dataclass(frozen=True)
class HttpOptions:
    edge: EdgeOptions
    cors: CorsPolicy = field(default_factory=lambda: CorsPolicy(origins=(), credentials=False))
    max_body_bytes: int = ONE_MIB
    session_idle_timeout: float = 1800.0


def edge_stack(app: App, parts: RemoteParts, edge: EdgeOptions, *, skip_host_check: tuple[str, ...] = ()) -> App:
    """Host/Origin check, then the rate limit, then the bearer token (OAuth), then the session (innermost)."""
    app = SessionMiddleware(app, parts.gate, edge.cookie, edge.proxies)
    if parts.bearer is not None:
        app = parts.bearer(app)  # sessions are keyed by the token's subject, so the token comes first
    if parts.throttle is not None:
        app = ThrottleMiddleware(app, parts.throttle)
    return HostCheckMiddleware(app, edge.hosts, skip=("/health", *skip_host_check))


def with_cors(app: App, cors: CorsPolicy) -> App:
    return CorsMiddleware(app, cors) if cors.origins else app
