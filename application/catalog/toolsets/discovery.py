"""Discovery: search the whole catalog and fetch schemas on demand, so `tools/list` can stay
short while every tool the policy allows is a search away (docs/decisions/021)."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from application.catalog.fields import ToolInput
from application.catalog.model import Effect, ToolSpec, UseCaseCall

TOOLSET = "discovery"
ToolName = Annotated[str, Field(min_length=1, max_length=100)]


class FindTools(ToolInput):
    query: str | None = Field(None, max_length=200, description="Words to look for, e.g. 'invoice overdue'.")
    toolset: str | None = Field(None, max_length=100, description="Only tools of this toolset, e.g. 'invoices'.")
    limit: int = Field(15, ge=1, le=50)


class GetToolSchemas(ToolInput):
    names: list[ToolName] = Field(min_length=1, max_length=20, description="Tool names, as find_tools returns them.")


def _tool(name: str, title: str, description: str, model: type[ToolInput]) -> ToolSpec:
    return ToolSpec(name=name, title=title, description=description, toolset=TOOLSET, input_model=model,
                    effect=Effect.READ, operation=UseCaseCall(name), idempotent=True)


TOOLS = (
    _tool("find_tools", "Find tools",
          "Search every tool, listed or not, by words and/or toolset; without arguments, the toolsets. Any tool "
          "found can be called by name at once; get_tool_schemas gives its parameters.",
          FindTools),
    _tool("get_tool_schemas", "Get tool schemas",
          "The full definitions of the named tools: title, input and output schema, hints.", GetToolSchemas),
)
