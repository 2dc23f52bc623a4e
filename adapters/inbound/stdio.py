"""stdio transport: the SDK's stdio server. stdout carries only protocol; logs go to stderr.

Between the SDK's line reader and the server loop sits a relay that does two things the
SDK leaves out: a line that is not a JSON-RPC message gets a -32700 reply (the SDK drops it
silently), and when stdin closes, the requests already read are answered before the server
loop ends (the SDK would cancel them, losing answers a client is waiting for).
"""

from __future__ import annotations

from typing import Any

import anyio
import mcp_types as types
from anyio.abc import ObjectReceiveStream, ObjectSendStream
from mcp.server import Server
from mcp.server.stdio import stdio_server
from mcp.shared.message import SessionMessage

from domain.principal import CallerContext

# stdio serves exactly one local user, so there is one session.
STDIO_CALLER = CallerContext(session_key="stdio", subject="local")
DRAIN_SECONDS = 30.0  # how long requests read before stdin closed may take to finish

Incoming = SessionMessage | Exception


async def resolve_stdio_caller(ctx: Any) -> CallerContext:
    return STDIO_CALLER


def parse_error() -> SessionMessage:
    error = types.ErrorData(code=types.PARSE_ERROR, message="Parse error: the line is not a JSON-RPC message.")
    return SessionMessage(types.JSONRPCError(jsonrpc="2.0", id=None, error=error))


class Relay:
    """Counts the requests in flight, answers unreadable lines, and drains before closing."""

    def __init__(self, wire_out: ObjectSendStream[SessionMessage]) -> None:
        self._wire_out = wire_out
        self._pending: set[Any] = set()
        self._settled = anyio.Event()

    async def inbound(self, wire_in: ObjectReceiveStream[Incoming], to_server: ObjectSendStream[Incoming]) -> None:
        async with to_server:
            async for item in wire_in:
                if isinstance(item, Exception):
                    await self._wire_out.send(parse_error())
                    continue
                if isinstance(item.message, types.JSONRPCRequest):
                    self._pending.add(item.message.id)
                await to_server.send(item)
            with anyio.move_on_after(DRAIN_SECONDS):
                while self._pending:
                    await self._settled.wait()
                    self._settled = anyio.Event()

    async def outbound(self, from_server: ObjectReceiveStream[SessionMessage]) -> None:
        """Until the server loop ends (it closes its write stream); then stdout is closed too."""
        async with self._wire_out, from_server:
            async for item in from_server:
                await self._wire_out.send(item)
                if isinstance(item.message, types.JSONRPCResponse | types.JSONRPCError):
                    self._pending.discard(item.message.id)
                    self._settled.set()


async def serve_stdio(server: Server[Any]) -> None:
    async with stdio_server() as (wire_in, wire_out):
        to_server, server_reads = anyio.create_memory_object_stream[Incoming](0)
        server_writes, from_server = anyio.create_memory_object_stream[SessionMessage](0)
        relay = Relay(wire_out)
        async with anyio.create_task_group() as tg:
            tg.start_soon(relay.inbound, wire_in, to_server)
            tg.start_soon(relay.outbound, from_server)
            await server.run(server_reads, server_writes, server.create_initialization_options())
