"""The MCP prompts (`prompts/list`, `prompts/get`) and argument completion (`completion/complete`)
for the prompt definitions of `application.prompts`, as handlers of the low-level SDK server."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import Any

import mcp_types as types
from mcp.server.context import ServerRequestContext
from mcp.shared.exceptions import MCPError

from application.dispatcher import ToolDispatcher
from application.invocation import Invocation
from application.prompts import PROMPTS, PromptCompletions, PromptSpec, prompt_named, render
from domain.errors import DomainError
from domain.principal import CallerContext

CallerResolver = Callable[[ServerRequestContext[Any, Any]], Awaitable[CallerContext]]


def mcp_prompt(prompt: PromptSpec) -> types.Prompt:
    return types.Prompt(name=prompt.name, title=prompt.title, description=prompt.description, arguments=[
        types.PromptArgument(name=a.name, description=a.description, required=a.required) for a in prompt.arguments])


LISTING = types.ListPromptsResult(prompts=[mcp_prompt(prompt) for prompt in PROMPTS])


def prompt_handlers(dispatcher: ToolDispatcher, resolve_caller: CallerResolver) -> dict[str, Any]:
    """The `on_list_prompts`, `on_get_prompt` and `on_completion` handlers of the server."""
    completions = PromptCompletions(dispatcher)

    async def list_prompts(ctx: ServerRequestContext[Any, Any],
                           params: types.PaginatedRequestParams | None) -> types.ListPromptsResult:
        return LISTING

    async def get_prompt(ctx: ServerRequestContext[Any, Any],
                         params: types.GetPromptRequestParams) -> types.GetPromptResult:
        try:
            prompt = prompt_named(params.name)
            text = render(prompt, params.arguments, datetime.now(UTC).date())
        except DomainError as error:
            raise MCPError(types.INVALID_PARAMS, str(error)) from error
        return types.GetPromptResult(description=prompt.description, messages=[
            types.PromptMessage(role="user", content=types.TextContent(type="text", text=text))])

    async def complete(ctx: ServerRequestContext[Any, Any],
                       params: types.CompleteRequestParams) -> types.CompleteResult:
        if not isinstance(params.ref, types.PromptReference):
            return types.CompleteResult(completion=types.Completion(values=[]))
        invocation = Invocation(caller=await resolve_caller(ctx))
        try:
            values = await completions.complete(params.ref.name, params.argument.name, params.argument.value,
                                                invocation)
        except DomainError as error:
            raise MCPError(types.INVALID_PARAMS, str(error)) from error
        return types.CompleteResult(completion=types.Completion(values=values, total=len(values), has_more=False))

    return {"on_list_prompts": list_prompts, "on_get_prompt": get_prompt, "on_completion": complete}
