"""Find tools by words and hand out their schemas: the catalog's search (docs/decisions/021).

Both answer from the policy's catalog and the caller's scopes, so they show exactly the tools
this caller could call; nothing depends on a session.
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel

from application.catalog.catalog import Catalog
from application.catalog.model import ToolSpec
from application.catalog.schemas import tool_definition
from application.catalog.toolsets.discovery import FindTools as FindToolsInput
from application.catalog.toolsets.discovery import GetToolSchemas as GetToolSchemasInput
from application.invocation import Invocation
from application.use_cases.catalog_rows import arguments_as
from domain.errors import InvalidInputError

WORD = re.compile(r"[a-z0-9]+")
WEIGHTS = (("name", 3), ("title", 2), ("toolset", 2), ("description", 1))


def summary(text: str) -> str:
    """The first sentence of a description."""
    return re.split(r"(?<=[.!?])\s", text.strip(), maxsplit=1)[0]


def callable_tools(catalog: Catalog, invocation: Invocation) -> list[ToolSpec]:
    return [tool for tool in catalog if tool.scope.value in invocation.caller.scopes]


def _stem(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith("s") else word


def score(tool: ToolSpec, words: list[str]) -> int:
    fields = {"name": tool.name.replace("_", " "), "title": tool.title, "toolset": tool.toolset,
              "description": tool.description}
    texts = {key: value.lower() for key, value in fields.items()}
    return sum(weight for word in words for key, weight in WEIGHTS if word in texts[key])


class FindTools:
    def __init__(self, catalog: Catalog) -> None:
        self._catalog = catalog

    async def __call__(self, arguments: BaseModel, invocation: Invocation) -> Any:
        search = arguments_as(FindToolsInput, arguments)
        query, toolset, limit = search.query, search.toolset, search.limit
        tools = callable_tools(self._catalog, invocation)
        if toolset is not None:
            tools = self._of_toolset(tools, toolset)
        if not query and toolset is None:
            return {"toolsets": _sizes(tools), "hint": "Give query words or a toolset to see its tools."}
        words = [_stem(w) for w in WORD.findall((query or "").lower())]
        ranked = sorted(((score(t, words), i, t) for i, t in enumerate(tools)), key=lambda r: (-r[0], r[1]))
        found = [t for points, _, t in ranked if points > 0 or not words]
        return {"tools": [_entry(t) for t in found[:limit]], "total": len(found)}

    def _of_toolset(self, tools: list[ToolSpec], toolset: str) -> list[ToolSpec]:
        if toolset not in self._catalog.toolsets:
            raise InvalidInputError([f"toolset: unknown toolset {toolset!r}; allowed: "
                                     + ", ".join(self._catalog.toolsets)])
        return [t for t in tools if t.toolset == toolset]


class GetToolSchemas:
    def __init__(self, catalog: Catalog) -> None:
        self._catalog = catalog

    async def __call__(self, arguments: BaseModel, invocation: Invocation) -> Any:
        allowed = {t.name: t for t in callable_tools(self._catalog, invocation)}
        tools, problems = [], []
        for name in dict.fromkeys(arguments_as(GetToolSchemasInput, arguments).names):
            if name in allowed:
                tools.append(tool_definition(allowed[name]))
            else:
                problems.append({"name": name, "error": self._why_not(name)})
        return {"tools": tools, **({"unavailable": problems} if problems else {})}

    def _why_not(self, name: str) -> str:
        if any(t.name == name for t in self._catalog):
            return f"{name} needs an OAuth scope this token lacks."
        return self._catalog.why_not(name)


def _entry(tool: ToolSpec) -> dict[str, str]:
    return {"name": tool.name, "title": tool.title, "toolset": tool.toolset, "summary": summary(tool.description)}


def _sizes(tools: list[ToolSpec]) -> dict[str, int]:
    sizes: dict[str, int] = {}
    for tool in tools:
        sizes[tool.toolset] = sizes.get(tool.toolset, 0) + 1
    return sizes
