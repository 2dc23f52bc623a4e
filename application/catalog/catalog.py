"""The catalog: every tool row, looked up by name, and the server's policy over it.

Two sets matter (docs/decisions/021): the tools the policy lets anyone call (toolsets the
operator chose, read-only mode) and, among them, the tools `tools/list` shows first. Any
allowed tool is callable by name whether listed or not; a tool outside the policy is refused
with the reason.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field

from application.catalog.core import CORE_TOOLS
from application.catalog.model import ToolSpec
from domain.errors import UnknownToolError

# Signing in, checking the connection and finding tools manage this server, not Gauzy data:
# they stay callable whatever toolsets are chosen, and in read-only mode.
ALWAYS_EXPOSED = ("auth", "test-connection", "discovery")
DEFAULT = "default"  # MCP_TOOLSETS word: list the core set, keep every tool callable by name
ALL = "all"  # MCP_TOOLSETS word: list every tool (the reference server's behaviour)


@dataclass(frozen=True)
class Catalog:
    """`tools`: the tools the policy allows. `listed`: the names `tools/list` shows (None: all).
    `refusals`: tools outside the policy, each with the reason a call is refused."""

    tools: tuple[ToolSpec, ...]
    listed_names: frozenset[str] | None = None
    refusals: Mapping[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        names = [t.name for t in self.tools]
        duplicates = {n for n in names if names.count(n) > 1}
        if duplicates:
            raise ValueError(f"duplicate tool names: {sorted(duplicates)}")

    def __iter__(self) -> Iterator[ToolSpec]:
        return iter(self.tools)

    def __len__(self) -> int:
        return len(self.tools)

    @property
    def listed(self) -> tuple[ToolSpec, ...]:
        """What `tools/list` shows, in catalog order (deterministic)."""
        if self.listed_names is None:
            return self.tools
        return tuple(t for t in self.tools if t.name in self.listed_names)

    def get(self, name: str) -> ToolSpec:
        for tool in self.tools:
            if tool.name == name:
                return tool
        raise UnknownToolError(self.why_not(name))

    def why_not(self, name: str) -> str:
        """Why `name` cannot be called here: outside the policy (and how to allow it), or unknown."""
        if name in self.refusals:
            return self.refusals[name]
        return f"No tool named {name!r}. Call find_tools to search the tools by words, or tools/list."

    @property
    def toolsets(self) -> dict[str, int]:
        sizes: dict[str, int] = {}
        for tool in self.tools:
            sizes[tool.toolset] = sizes.get(tool.toolset, 0) + 1
        return sizes

    def select(self, *, toolsets: Iterable[str] = (), tools: Iterable[str] = (), read_only: bool = False) -> Catalog:
        """The policy and listing `MCP_TOOLSETS`, `MCP_TOOLS` and `MCP_READ_ONLY` ask for.

        No toolsets, or the word `default`: the core set is listed (plus any toolsets and tools
        named) and every tool stays callable. `all`: every tool is listed. Toolsets named without
        either word are a hard limit: only they (and the tools named) can be called."""
        words, names = set(toolsets) or {DEFAULT}, set(tools)
        self._check_known(words - {DEFAULT, ALL}, names)
        limited = not words & {DEFAULT, ALL}
        chosen = {t.name for t in self.tools if t.toolset in words or t.name in names}
        allowed = tuple(t for t in self.tools
                        if t.toolset in ALWAYS_EXPOSED
                        or ((not limited or t.name in chosen) and (not read_only or t.read_only)))
        listed = None if ALL in words or limited else frozenset({*CORE_TOOLS, *chosen})
        kept = {t.name for t in allowed}
        refused = {t.name: _refusal(t, read_only, sorted(words)) for t in self.tools if t.name not in kept}
        return Catalog(allowed, listed, refused)

    def _check_known(self, toolsets: set[str], tools: set[str]) -> None:
        if unknown := toolsets - set(self.toolsets):
            raise ValueError(f"unknown toolsets {sorted(unknown)}; known: {', '.join((DEFAULT, ALL, *self.toolsets))}")
        if unknown := tools - {t.name for t in self.tools}:
            raise ValueError(f"unknown tools {sorted(unknown)} in MCP_TOOLS; find_tools lists every tool")


def _refusal(tool: ToolSpec, read_only: bool, toolsets: list[str]) -> str:
    if read_only and not tool.read_only:
        return (f"{tool.name} changes data, and this server is read-only (MCP_READ_ONLY); "
                "its operator can turn read-only mode off.")
    return (f"{tool.name} is in the {tool.toolset} toolset, which this server does not offer "
            f"(MCP_TOOLSETS={','.join(toolsets)}); its operator can add the toolset or the tool (MCP_TOOLS).")
