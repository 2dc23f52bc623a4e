"""The demo server wired exactly as `gauzy-mcp` wires it, for in-process tests."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from mcp import Client

from adapters.inbound.mcp_tools import build_mcp_server
from adapters.inbound.stdio import resolve_stdio_caller
from adapters.outbound.gauzy_model.in_process import DEMO_EMAIL, DEMO_PASSWORD
from adapters.outbound.gauzy_model.seed.teamwork import DEMO_TEAM_ID

__all__ = ["DEMO_EMAIL", "DEMO_PASSWORD", "demo_client", "demo_container", "demo_harness"]
from bootstrap.container import Container, build_container, close_resources
from bootstrap.settings import Settings
from tests.tool_harness import ToolHarness, mcp_caller


def demo_container(**overrides: Any) -> Container:
    return build_container(Settings(**overrides))


@asynccontextmanager
async def demo_client(container: Container | None = None, **overrides: Any) -> AsyncIterator[Client]:
    """An MCP client connected in-process to the demo server (a fresh one unless `container` is given)."""
    owned = container is None
    container = container or demo_container(**overrides)
    server = build_mcp_server(container.dispatcher(), resolve_stdio_caller, name="gauzy-mcp", version="test")
    try:
        async with Client(server, mode="legacy") as client:
            yield client
    finally:
        if owned:
            await close_resources(container)


def demo_harness(client: Client) -> ToolHarness:
    """Sample-driven tool calls through `client` on a demo server (in-process or a real process); the
    demo is the model of Gauzy itself, so it fails where that Gauzy version does (GAUZY_CANNOT)."""
    return ToolHarness(mcp_caller(client), login_email=DEMO_EMAIL, login_password=DEMO_PASSWORD, on_gauzy=True,
                       team=DEMO_TEAM_ID)
