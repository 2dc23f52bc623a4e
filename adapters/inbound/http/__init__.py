"""The HTTP transport (Quart): MCP streamable HTTP, JSON-RPC /sse, events, health, and the
edge checks (host/origin, CORS, rate limits, sessions) the WebSocket listener shares."""

from adapters.inbound.http.app import create_http_app
from adapters.inbound.http.client import TrustedProxies
from adapters.inbound.http.events import EventHub
from adapters.inbound.http.origins import LOOPBACK_HOSTS, LOOPBACK_ORIGINS, CorsPolicy, HostPolicy
from adapters.inbound.http.parts import EdgeOptions, HttpOptions, RemoteParts
from adapters.inbound.http.sessions import CookiePolicy, RemoteCallers
from adapters.inbound.http.throttle import Throttle

__all__ = [
    "LOOPBACK_HOSTS", "LOOPBACK_ORIGINS", "CookiePolicy", "CorsPolicy", "EdgeOptions", "EventHub", "HostPolicy",
    "HttpOptions", "RemoteCallers", "RemoteParts", "Throttle", "TrustedProxies", "create_http_app",
]
