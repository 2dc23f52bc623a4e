"""The WebSocket listener: one JSON-RPC message per text frame, subprotocol `mcp`, bridged to
the same SDK server loop stdio uses, over two anyio memory streams.

Frame size (1009 on excess), permessage-deflate and keep-alive pings are Hypercorn's job,
configured in bootstrap; origin, rate limit and session checks are the shared edge stack.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
from dataclasses import dataclass
from typing import Any, cast

import anyio
import mcp_types as types
from anyio.streams.memory import MemoryObjectReceiveStream, MemoryObjectSendStream
from mcp.shared.message import ServerMessageMetadata, SessionMessage
from pydantic import ValidationError
from quart import Quart, jsonify, websocket

from adapters.inbound.http.asgi import RATE_LIMITED, SERVER_ERROR, App, install, jsonrpc_error
from adapters.inbound.http.health import readiness
from adapters.inbound.http.jsonrpc import envelope_problem
from adapters.inbound.http.parts import EdgeOptions, RemoteParts, edge_stack
from adapters.inbound.http.sessions import SCOPE_KEY, SessionTicket
from adapters.inbound.http.throttle import Throttle
from adapters.inbound.http.wire import UnreadableMessageError, parse_message, readable_id
from domain.errors import DomainError

SUBPROTOCOL = "mcp"
GOING_AWAY = 1001  # RFC 6455 §7.4.1: the server is going down


@dataclass(frozen=True)
class WebSocketOptions:
    edge: EdgeOptions
    path: str = "/sse"
    shutdown_grace: float = 10.0


def create_websocket_app(parts: RemoteParts, options: WebSocketOptions, stopping: asyncio.Event) -> Quart:
    app = Quart("gauzy_mcp.websocket")

    @app.websocket(options.path)
    async def mcp_socket() -> None:
        # RFC 6455 §4.2.2: answer with the subprotocol when offered; plain clients (wscat) offer none.
        offered = SUBPROTOCOL in websocket.requested_subprotocols
        await websocket.accept(subprotocol=SUBPROTOCOL if offered else None)
        scope: dict[str, Any] = dict(websocket.scope)
        bridge = Bridge(parts, scope[SCOPE_KEY], scope, stopping, options.shutdown_grace)
        await bridge.serve()

    @app.get("/health")
    async def health() -> Any:
        return jsonify({"status": "ok"})

    @app.get("/health/ready")
    async def ready() -> Any:
        status, report = await readiness(parts.readiness)
        return jsonify(report), status

    install(app, edge_stack(cast(App, app.asgi_app), parts, options.edge))
    return app


class Bridge:
    """One connection: frames in -> SDK server loop -> frames out; drains calls on shutdown."""

    def __init__(self, parts: RemoteParts, ticket: SessionTicket, scope: dict[str, Any], stopping: asyncio.Event,
                 grace: float) -> None:
        self._parts = parts
        self._ticket = ticket
        self._scope = scope
        self._stopping = stopping
        self._grace = grace
        self._pending: set[Any] = set()
        self._closing = False
        self._drained = anyio.Event()

    async def serve(self) -> None:
        """Nothing is built before the first frame, so an idle connection costs little more than
        its socket; on close, a session the connection opened and never signed in is freed."""
        try:
            first = await self._first_frame()
            if first is not None:
                await self.run(first)
            if self._stopping.is_set():
                await websocket.close(GOING_AWAY, "server shutting down")
        finally:
            if self._ticket.issued:
                with anyio.CancelScope(shield=True):
                    await self._leave()

    async def _first_frame(self) -> str | bytes | None:
        """The first frame, or None when the server stops first."""
        frames: list[str | bytes] = []
        async with anyio.create_task_group() as tg:
            async def receive() -> None:
                frames.append(await websocket.receive())
                tg.cancel_scope.cancel()

            async def stop() -> None:
                await self._stopping.wait()
                tg.cancel_scope.cancel()

            tg.start_soon(receive)
            tg.start_soon(stop)
        return frames[0] if frames else None

    async def _leave(self) -> None:
        with contextlib.suppress(DomainError):  # the store is down: the session expires on its own
            await self._parts.gate.leave(self._ticket.key)

    async def run(self, first: str | bytes) -> None:
        to_server, server_reads = anyio.create_memory_object_stream[SessionMessage | Exception](16)
        server_writes, from_server = anyio.create_memory_object_stream[SessionMessage](16)
        server = self._parts.server
        async with anyio.create_task_group() as tg:
            reading = anyio.CancelScope()
            tg.start_soon(self._read, to_server, reading, first)
            tg.start_soon(self._drain_on_shutdown, reading)
            async with anyio.create_task_group() as writing:
                # The server loop closes its write stream when it ends; the writer then flushes and ends.
                writing.start_soon(self._write, from_server)
                await server.run(server_reads, server_writes, server.create_initialization_options())
            tg.cancel_scope.cancel()

    async def _read(self, to_server: MemoryObjectSendStream[SessionMessage | Exception],
                    scope: anyio.CancelScope, first: str | bytes) -> None:
        frame: str | bytes | None = first
        with scope:
            async with to_server:
                while True:
                    parsed = await self._parse(frame if frame is not None else await websocket.receive())
                    frame = None
                    if isinstance(parsed, SessionMessage):
                        await to_server.send(parsed)
                    else:
                        await websocket.send(json.dumps(parsed, separators=(",", ":")))

    async def _parse(self, raw: str | bytes) -> SessionMessage | dict[str, Any]:
        """The frame as a message for the server, or the JSON-RPC error to answer it with here."""
        if isinstance(raw, bytes):
            return jsonrpc_error(types.INVALID_REQUEST, "Send JSON-RPC as text frames.")
        try:
            document = parse_message(raw)
        except UnreadableMessageError as error:
            return jsonrpc_error(types.PARSE_ERROR, str(error))
        request_id = readable_id(document)
        problem = envelope_problem(document)
        if problem is not None:
            return jsonrpc_error(types.INVALID_REQUEST, problem, request_id)
        refusal = await self._refusal(request_id)
        return refusal if refusal is not None else self._to_message(document, request_id)

    def _to_message(self, document: dict[str, Any], request_id: Any) -> SessionMessage | dict[str, Any]:
        try:
            message = types.jsonrpc_message_adapter.validate_python(document, by_name=False)
        except ValidationError:
            return jsonrpc_error(types.INVALID_REQUEST, "Invalid Request.", request_id)
        if isinstance(message, types.JSONRPCRequest):
            self._pending.add(request_id)
        # The ticket rides on every message: the caller resolver reads it as the request context.
        return SessionMessage(message, metadata=ServerMessageMetadata(request_context=self._ticket))

    async def _refusal(self, request_id: Any) -> dict[str, Any] | None:
        if self._closing and request_id is not None:
            return jsonrpc_error(SERVER_ERROR, "The server is shutting down; reconnect shortly.", request_id)
        throttle: Throttle | None = self._parts.throttle
        decision = await throttle.check(self._scope) if throttle is not None and request_id is not None else None
        if decision is not None and not decision.allowed:
            return jsonrpc_error(RATE_LIMITED, f"Too many requests: retry after {decision.reset_after} s.",
                                 request_id, {"retryAfter": decision.reset_after})
        return None

    async def _write(self, from_server: MemoryObjectReceiveStream[SessionMessage]) -> None:
        async with from_server:
            async for item in from_server:
                message = item.message
                await websocket.send(message.model_dump_json(by_alias=True, exclude_unset=True))
                if isinstance(message, types.JSONRPCResponse | types.JSONRPCError):
                    self._settled(message.id)

    def _settled(self, request_id: Any) -> None:
        self._pending.discard(request_id)
        if self._closing and not self._pending:
            self._drained.set()

    async def _drain_on_shutdown(self, reading: anyio.CancelScope) -> None:
        """On shutdown, refuse new requests, let the calls in flight answer, then stop reading
        (which ends the server loop: it cancels whatever is still running at end of input)."""
        await self._stopping.wait()
        self._closing = True
        if self._pending:
            with anyio.move_on_after(self._grace):
                await self._drained.wait()
        reading.cancel()
