"""The HTTP listener: MCP streamable HTTP at /mcp, JSON-RPC at POST /sse, events, health."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncGenerator
from typing import Any, cast

from mcp.server.transport_security import RequestBodyLimitMiddleware, TransportSecuritySettings
from quart import Quart, Response, jsonify, request

from adapters.inbound.http.asgi import App, Receive, Scope, Send, install, jsonrpc_error
from adapters.inbound.http.error_replies import JsonRpcErrorReplies
from adapters.inbound.http.health import readiness
from adapters.inbound.http.jsonrpc import JsonRpcEndpoint
from adapters.inbound.http.parts import HttpOptions, RemoteParts, edge_stack, with_cors
from adapters.inbound.http.replay import RETRY_MILLISECONDS, RecentEventStore
from adapters.inbound.http.request_ids import DistinctRequestIds
from adapters.inbound.http.sessions import SCOPE_KEY, SessionTicket
from adapters.inbound.http.shared_sessions import SharedSessionManager
from adapters.inbound.mcp_tools import INSTRUCTIONS

MCP_PATHS = ("/mcp", "/mcp/")
JSON_RPC_PATHS = ("/sse", *MCP_PATHS)


def session_manager(parts: RemoteParts, options: HttpOptions) -> SharedSessionManager:
    hosts = options.edge.hosts
    security = TransportSecuritySettings(enable_dns_rebinding_protection=True, allowed_hosts=list(hosts.hosts),
                                         allowed_origins=list(hosts.origins))
    return SharedSessionManager(parts.server, parts.gate, security_settings=security,
                                max_request_body_size=options.max_body_bytes,
                                session_idle_timeout=options.session_idle_timeout,
                                event_store=RecentEventStore(), retry_interval=RETRY_MILLISECONDS)


def create_http_app(parts: RemoteParts, options: HttpOptions) -> Quart:
    app = Quart("gauzy_mcp.http")
    app.config["MAX_CONTENT_LENGTH"] = options.max_body_bytes
    manager = session_manager(parts, options)
    endpoint = JsonRpcEndpoint(parts.dispatcher, parts.callers, parts.events, server_info=parts.server_info,
                               instructions=INSTRUCTIONS)
    _add_routes(app, parts, endpoint)

    @app.while_serving
    async def run_session_manager() -> AsyncGenerator[None, None]:
        async with manager.run():
            relay = asyncio.ensure_future(parts.events.relay())  # events of calls served anywhere in the fleet
            try:
                yield
            finally:
                relay.cancel()

    install(app, _outer_stack(_mcp_dispatch(cast(App, app.asgi_app), manager), parts, options))
    return app


def _mcp_dispatch(quart_app: App, manager: SharedSessionManager) -> App:
    """/mcp goes to the SDK's streamable-HTTP transport; everything else to Quart's routes."""

    mcp = DistinctRequestIds(manager.handle_request)

    async def dispatch(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["path"] in MCP_PATHS:
            await mcp(scope, receive, send)
        else:
            await quart_app(scope, receive, send)

    return dispatch


def _outer_stack(app: App, parts: RemoteParts, options: HttpOptions) -> App:
    # Body limit first (cheapest refusal), inside the edge checks so a 413 is still counted.
    limited: Any = RequestBodyLimitMiddleware(app, options.max_body_bytes)
    edged = edge_stack(limited, parts, options.edge, skip_host_check=MCP_PATHS)
    return with_cors(JsonRpcErrorReplies(edged, paths=JSON_RPC_PATHS, max_body_bytes=options.max_body_bytes),
                     options.cors)


def _ticket() -> SessionTicket:
    scope: dict[str, Any] = dict(request.scope)
    ticket: SessionTicket = scope[SCOPE_KEY]
    return ticket


def _add_routes(app: Quart, parts: RemoteParts, endpoint: JsonRpcEndpoint) -> None:
    @app.post("/sse")
    async def jsonrpc() -> Any:
        if request.mimetype != "application/json":
            # Requiring JSON forces a CORS preflight on cross-site browser requests (Fetch §3.2.3).
            return jsonify(jsonrpc_error(-32600, "Send the request with Content-Type: application/json.")), 415
        status, body = await endpoint.handle(await request.get_data(as_text=False), _ticket())
        return Response(body or b"", status=status, content_type=None if body is None else "application/json")

    @app.get("/sse/events")
    async def events() -> Any:
        response = Response(parts.events.stream(_ticket().key), mimetype="text/event-stream",
                            headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"})
        response.timeout = None  # an event stream lasts as long as the client wants it
        return response

    @app.get("/health")
    async def health() -> Any:
        return jsonify({"status": "ok"})

    @app.get("/health/ready")
    async def ready() -> Any:
        status, report = await readiness(parts.readiness)
        return jsonify(report), status
