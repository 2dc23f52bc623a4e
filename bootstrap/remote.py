"""Wiring and running the remote transports (HTTP, WebSocket or both) on Hypercorn."""

from __future__ import annotations

import asyncio
import logging
import signal
import socket
from collections.abc import Callable
from typing import Any

from hypercorn.asyncio import serve
from hypercorn.config import Config
from quart import Quart

from adapters.inbound.http import (
    LOOPBACK_HOSTS,
    LOOPBACK_ORIGINS,
    CookiePolicy,
    CorsPolicy,
    EdgeOptions,
    EventHub,
    HostPolicy,
    HttpOptions,
    RemoteCallers,
    RemoteParts,
    Throttle,
    TrustedProxies,
    create_http_app,
)
from adapters.inbound.http.health import Check
from adapters.inbound.mcp_tools import build_mcp_server
from adapters.inbound.oauth.listings import ScopedListings
from adapters.inbound.oauth.middleware import BearerGuard
from adapters.inbound.websocket import WebSocketOptions, create_websocket_app
from bootstrap import auth
from bootstrap.container import SERVER_NAME, VERSION, Container, close_resources, storage_backend
from bootstrap.settings import Settings, SettingsError
from bootstrap.websocket_frames import close_on_unparseable_frames, pings_end_with_their_connection
from bootstrap.workers import worker_count

log = logging.getLogger("gauzy_mcp")
REMOTE_TRANSPORTS = frozenset({"http", "websocket"})


def remote_transports(settings: Settings) -> set[str]:
    kinds = {part.strip() for part in settings.transport.split(",") if part.strip()}
    if not kinds or not kinds <= REMOTE_TRANSPORTS:
        raise SettingsError(f"MCP_TRANSPORT={settings.transport!r}: use stdio, http, websocket or http,websocket")
    return kinds


def readiness_checks(container: Container) -> dict[str, Check]:
    checks: dict[str, Check] = {"gauzy": container.gauzy_api().check_health}
    if storage_backend(container.settings()) == "redis":
        checks["redis"] = container.sessions().check_health
    return checks


def remote_parts(container: Container) -> RemoteParts:
    settings: Settings = container.settings()
    guard = oauth_guard(container)
    listings = ScopedListings(container.catalog(), container.scope_policy()) if guard is not None else None
    callers = RemoteCallers(container.session_gate(), listings=listings)
    throttle = None
    if settings.throttle_enabled:
        throttle = Throttle(container.rate_limiter(), settings.throttle_limit, settings.throttle_window_seconds,
                            TrustedProxies.parse(settings.trusted_proxies), loopback=settings.throttle_loopback)
    return RemoteParts(
        server=build_mcp_server(container.dispatcher(), callers, name=SERVER_NAME, version=VERSION,
                                listing_for=callers.listing),
        dispatcher=container.dispatcher(), gate=container.session_gate(), callers=callers, throttle=throttle,
        readiness=readiness_checks(container), events=EventHub(container.event_bus()),
        server_info={"name": SERVER_NAME, "version": VERSION, "title": "Gauzy MCP server"}, bearer=guard,
    )


def oauth_guard(container: Container) -> BearerGuard | None:
    """MCP_AUTH_ENABLED: the bearer check, built (and its settings checked) before serving."""
    settings: Settings = container.settings()
    if not settings.auth_enabled:
        return None
    guard = auth.bearer_guard(settings, container.checked_token_verifier(), container.protected_resource(),
                              container.scope_policy(), container.catalog())
    log.info("OAuth on: tokens for %s, metadata at %s", container.protected_resource().resource,
             container.protected_resource().metadata_url)
    return guard


def edge_options(settings: Settings, origins: tuple[str, ...]) -> EdgeOptions:
    hosts = HostPolicy(hosts=settings.allowed_hosts or LOOPBACK_HOSTS, origins=(*LOOPBACK_ORIGINS, *origins))
    return EdgeOptions(cookie=CookiePolicy(settings.session_cookie_name, settings.session_ttl),
                       proxies=TrustedProxies.parse(settings.trusted_proxies), hosts=hosts)


def http_options(settings: Settings) -> HttpOptions:
    if "*" in settings.cors_origin and settings.cors_credentials:
        log.warning("MCP_CORS_ORIGIN=* with credentials: browsers get no credentials (Fetch forbids * with them)")
    return HttpOptions(edge=edge_options(settings, settings.cors_origin),
                       cors=CorsPolicy(settings.cors_origin, settings.cors_credentials),
                       session_idle_timeout=float(settings.session_ttl))


def websocket_options(settings: Settings) -> WebSocketOptions:
    return WebSocketOptions(edge=edge_options(settings, settings.ws_allowed_origins), path=settings.ws_path,
                            shutdown_grace=settings.shutdown_timeout)


def hypercorn_config(settings: Settings, host: str, port: int) -> Config:
    config = Config()
    if worker_count(settings) > 1:
        config.bind = [shared_port(host, port)]
    else:
        config.bind = [f"[{host}]:{port}" if ":" in host else f"{host}:{port}"]
    config.graceful_timeout = settings.shutdown_timeout  # in-flight requests get this long after SIGTERM
    config.accesslog = None
    config.errorlog = logging.getLogger("hypercorn.error")
    return config


def shared_port(host: str, port: int) -> str:
    """A listening address bound with SO_REUSEPORT, as Hypercorn's `fd://` bind: every worker binds
    one, and the kernel spreads new connections over them (Hypercorn's own switch for it,
    `workers`, is for its own process manager and only warns under `serve`)."""
    listener = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    listener.bind((host, port))
    return f"fd://{listener.detach()}"


def websocket_config(settings: Settings) -> Config:
    config = hypercorn_config(settings, settings.ws_host, settings.ws_port)
    config.websocket_max_message_size = settings.ws_max_payload  # Hypercorn closes with 1009 past it
    config.websocket_ping_interval = settings.ws_ping_interval or None
    close_on_unparseable_frames()
    pings_end_with_their_connection()
    if settings.ws_tls:
        if not (settings.ws_key_path and settings.ws_cert_path):
            raise SettingsError("MCP_WS_TLS=true needs MCP_WS_KEY_PATH and MCP_WS_CERT_PATH")
        config.keyfile, config.certfile = settings.ws_key_path, settings.ws_cert_path
    if not settings.ws_per_message_deflate:
        decline_permessage_deflate()
    return config


def decline_permessage_deflate() -> None:
    """Hypercorn offers no switch for permessage-deflate (RFC 7692): swap in an extension that
    declines every offer, so connections go uncompressed."""
    from hypercorn.protocol import ws_stream
    from wsproto.extensions import PerMessageDeflate

    class Declined(PerMessageDeflate):
        def accept(self, offer: str) -> None:
            return None

    ws_stream.PerMessageDeflate = Declined  # type: ignore[attr-defined]


def _on_signals(stopping: asyncio.Event, events: EventHub) -> None:
    def stop() -> None:
        log.info("shutting down: finishing calls in flight")
        events.close()
        stopping.set()

    loop = asyncio.get_running_loop()
    for name in ("SIGINT", "SIGTERM"):
        loop.add_signal_handler(getattr(signal, name), stop)


async def serve_remote(container: Container, http_extras: Callable[[Quart], None] | None = None) -> None:
    """`http_extras` adds to the HTTP app before it serves (the embedded authorization server)."""
    settings: Settings = container.settings()
    kinds = remote_transports(settings)
    parts = remote_parts(container)
    stopping = asyncio.Event()
    listeners: list[tuple[Any, Config]] = []
    if "http" in kinds:
        http_app = create_http_app(parts, http_options(settings))
        if http_extras is not None:
            http_extras(http_app)
        listeners.append((http_app, hypercorn_config(settings, settings.http_host, settings.http_port)))
        log.info("MCP over HTTP on http://%s:%d/mcp (JSON-RPC at /sse)", settings.http_host, settings.http_port)
    if "websocket" in kinds:
        listeners.append((create_websocket_app(parts, websocket_options(settings), stopping),
                          websocket_config(settings)))
        log.info("MCP over WebSocket on %s://%s:%d%s", "wss" if settings.ws_tls else "ws",
                 settings.ws_host, settings.ws_port, settings.ws_path)
    _on_signals(stopping, parts.events)
    try:
        await asyncio.gather(*(serve(app, config, shutdown_trigger=stopping.wait) for app, config in listeners))
    finally:
        await close_resources(container)
