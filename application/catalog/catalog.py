"""The catalog: every tool row, looked up by name, filtered by toolset and read-only mode."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from application.catalog.model import ToolSpec
from domain.errors import UnknownToolError

# Signing in and checking the connection manage this server, not Gauzy data: they stay
# available whatever toolsets are chosen, and in read-only mode.
ALWAYS_EXPOSED = ("auth", "test-connection")


@dataclass(frozen=True)
class Catalog:
    tools: tuple[ToolSpec, ...]

    def __post_init__(self) -> None:
        names = [t.name for t in self.tools]
        duplicates = {n for n in names if names.count(n) > 1}
        if duplicates:
            raise ValueError(f"duplicate tool names: {sorted(duplicates)}")

    def __iter__(self) -> Iterator[ToolSpec]:
        return iter(self.tools)

    def __len__(self) -> int:
        return len(self.tools)

    def get(self, name: str) -> ToolSpec:
        for tool in self.tools:
            if tool.name == name:
                return tool
        raise UnknownToolError(f"No tool named {name!r}.", hint="Call tools/list to see the available tools.")

    @property
    def toolsets(self) -> dict[str, int]:
        sizes: dict[str, int] = {}
        for tool in self.tools:
            sizes[tool.toolset] = sizes.get(tool.toolset, 0) + 1
        return sizes

    def select(self, *, toolsets: Iterable[str] | None = None, read_only: bool = False) -> Catalog:
        """The subset exposed by `MCP_TOOLSETS` / `MCP_READ_ONLY`; unknown toolset names are an error."""
        wanted = set(toolsets) if toolsets else None
        if wanted is not None and (unknown := wanted - set(self.toolsets)):
            raise ValueError(f"unknown toolsets {sorted(unknown)}; known: {', '.join(self.toolsets)}")
        return Catalog(tuple(
            t for t in self.tools
            if t.toolset in ALWAYS_EXPOSED
            or ((wanted is None or t.toolset in wanted) and (not read_only or t.read_only))
        ))
