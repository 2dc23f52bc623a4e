"""Connection checks and server facts (the reference's `test-connection` tools)."""

from __future__ import annotations

from application.catalog.model import Effect, ToolSpec, UseCaseCall
from application.catalog.toolsets.auth import NoArguments

TOOLSET = "test-connection"


def _tool(name: str, title: str, description: str, routes: tuple[str, ...] = ()) -> ToolSpec:
    return ToolSpec(name=name, title=title, description=description, toolset=TOOLSET, input_model=NoArguments,
                    effect=Effect.READ, operation=UseCaseCall(name, routes), idempotent=True)


TOOLS = (
    _tool("test_api_connection", "Check the Gauzy connection",
          "Check that the Gauzy API answers, when tools report Gauzy unreachable.",
          ("GET /api/health",)),
    _tool("get_server_info", "About this server",
          "This server's name, version, Gauzy backend, transports, protocols and tool count."),
    _tool("test_mcp_capabilities", "What this server can do",
          "MCP capabilities and protocols offered, the toolsets exposed now and all toolsets MCP_TOOLSETS can "
          "choose from."),
)
