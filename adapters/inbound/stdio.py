"""stdio transport: the SDK's stdio server. stdout carries only protocol; logs go to stderr."""

from __future__ import annotations

from typing import Any

from mcp.server import Server
from mcp.server.stdio import stdio_server

from domain.principal import CallerContext

# stdio serves exactly one local user, so there is one session.
STDIO_CALLER = CallerContext(session_key="stdio", subject="local")


async def resolve_stdio_caller(ctx: Any) -> CallerContext:
    return STDIO_CALLER


async def serve_stdio(server: Server[Any]) -> None:
    async with stdio_server() as (read_stream, write_stream):
        await server.run(read_stream, write_stream, server.create_initialization_options())
