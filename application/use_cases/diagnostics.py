"""Diagnostics: can we reach Gauzy, and what does this server offer."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from application.catalog.catalog import Catalog
from application.invocation import Invocation
from domain.ports import GauzyApi


@dataclass(frozen=True)
class ServerFacts:
    name: str
    version: str
    backend: str  # "demo (in-memory)" or the Gauzy API base URL
    transports: tuple[str, ...]
    protocol_versions: tuple[str, ...]


class TestApiConnection:
    def __init__(self, gauzy: GauzyApi, facts: ServerFacts) -> None:
        self._gauzy = gauzy
        self._facts = facts

    async def __call__(self, arguments: BaseModel, invocation: Invocation) -> Any:
        await self._gauzy.check_health()
        return {"reachable": True, "backend": self._facts.backend}


class ServerInfo:
    def __init__(self, facts: ServerFacts, catalog: Catalog) -> None:
        self._facts = facts
        self._catalog = catalog

    async def __call__(self, arguments: BaseModel, invocation: Invocation) -> Any:
        return {
            "name": self._facts.name,
            "version": self._facts.version,
            "backend": self._facts.backend,
            "transports": list(self._facts.transports),
            "protocolVersions": list(self._facts.protocol_versions),
            "tools": len(self._catalog),
        }


class McpCapabilities:
    """Also the toolset directory: what is exposed here, and what MCP_TOOLSETS could add."""

    def __init__(self, facts: ServerFacts, catalog: Catalog, available: Catalog) -> None:
        self._facts = facts
        self._catalog = catalog
        self._available = available

    async def __call__(self, arguments: BaseModel, invocation: Invocation) -> Any:
        return {
            "capabilities": {"tools": {"listChanged": False}},
            "protocolVersions": list(self._facts.protocol_versions),
            "toolsets": self._catalog.toolsets,
            "availableToolsets": self._available.toolsets,
            "readOnlyTools": sum(1 for t in self._catalog if t.read_only),
            "writeTools": sum(1 for t in self._catalog if not t.read_only),
        }
