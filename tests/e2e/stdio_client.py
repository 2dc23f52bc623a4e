"""Drive the real `gauzy-mcp` process over stdio with the MCP SDK's own client."""

from __future__ import annotations

import os
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from unittest import mock

from mcp import Client
from mcp.client import session as client_session
from mcp.client.stdio import StdioServerParameters

PROTOCOL_VERSIONS = ("2025-06-18", "2025-11-25", "2026-07-28")


def server_parameters(*args: str, **env: str) -> StdioServerParameters:
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("API_", "GAUZY_", "MCP_"))}
    return StdioServerParameters(command=sys.executable, args=["-m", "bootstrap.cli", *args],
                                 env={**environment, **env}, cwd=os.getcwd())


@asynccontextmanager
async def stdio_client(version: str, *args: str, **env: str) -> AsyncIterator[Client]:
    """A client speaking `version`: handshake versions through `initialize` (the SDK offers its
    latest handshake version, so older ones are requested by setting what it offers), the
    2026-07-28 era directly."""
    if version == "2026-07-28":
        async with Client(server_parameters(*args, **env), mode=version) as client:
            yield client
        return
    with mock.patch.object(client_session, "LATEST_HANDSHAKE_VERSION", version):
        async with Client(server_parameters(*args, **env), mode="legacy") as client:
            yield client
