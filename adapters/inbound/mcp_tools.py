"""The MCP face of the catalog: one low-level SDK server that lists and calls every row.

Every transport (stdio, streamable HTTP, WebSocket) runs this same server. The tool list is
built once: it does not change between calls, so `tools/list` costs a cached object.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

import mcp_types as types
from mcp.server import Server
from mcp.server.context import ServerRequestContext
from mcp.shared.exceptions import MCPError

from adapters.inbound.audit import audited_call
from adapters.inbound.listing_cache import ListingCache
from adapters.inbound.mcp_prompts import prompt_handlers
from adapters.inbound.request_errors import clear_request_errors
from application.catalog.catalog import Catalog
from application.catalog.model import ToolSpec
from application.catalog.schemas import listed_definition, tool_definition
from application.dispatcher import ToolDispatcher, ToolOutcome
from application.invocation import Invocation
from domain.principal import CallerContext

log = logging.getLogger("gauzy_mcp.tools")
CallerResolver = Callable[[ServerRequestContext[Any, Any]], Awaitable[CallerContext]]
ListingResolver = Callable[[ServerRequestContext[Any, Any]], "types.ListToolsResult | None"]
INSTRUCTIONS = (
    "Tools for the Ever Gauzy business platform: projects, tasks, timers, employees and more. "
    "Ids come from list tools (get_projects, get_tasks, get_employees). If the tool you need is not "
    "listed (invoices, CRM, inventory, time off, ...), call find_tools: any tool it finds can be called by "
    "name at once. If a tool says you are not signed in, call login with the user's Gauzy "
    "email and password. A list answers {items, total}, a count {count}, a bulk call {succeeded, failed, "
    "results: [{index, ok, id, error}]}, a record itself; get_tool_schemas shows any tool's output schema. "
    "An end date given as a date alone means the end of that day."
)


def mcp_tool(spec: ToolSpec) -> types.Tool:
    return types.Tool.model_validate(listed_definition(tool_definition(spec)))


_LISTINGS: dict[int, tuple[Catalog, types.ListToolsResult]] = {}


def tool_listing(catalog: Catalog) -> types.ListToolsResult:
    """The `tools/list` answer, built once per catalog (it does not change between calls, and
    building ~300 JSON schemas takes seconds): every transport of the process shares it."""
    cached = _LISTINGS.get(id(catalog))
    if cached is None or cached[0] is not catalog:
        listing = types.ListToolsResult(tools=[mcp_tool(spec) for spec in catalog.listed])
        cached = _LISTINGS[id(catalog)] = (catalog, listing)
    return cached[1]


def build_mcp_server(
    dispatcher: ToolDispatcher, resolve_caller: CallerResolver, *, name: str, version: str,
    listing_for: ListingResolver | None = None,
) -> Server[Any]:
    """`listing_for` (OAuth): the `tools/list` answer for a request's token, None for every tool."""
    catalog: Catalog = dispatcher.catalog
    known = {spec.name for spec in catalog}

    def listing_of(ctx: ServerRequestContext[Any, Any]) -> types.ListToolsResult:
        # Built on the first tools/list, not at start-up: stdio answers `initialize` sooner.
        scoped = listing_for(ctx) if listing_for is not None else None
        return tool_listing(catalog) if scoped is None else scoped

    async def list_tools(
        ctx: ServerRequestContext[Any, Any], params: types.PaginatedRequestParams | None
    ) -> types.ListToolsResult:
        return listing_of(ctx)

    async def call_tool(
        ctx: ServerRequestContext[Any, Any], params: types.CallToolRequestParams
    ) -> types.CallToolResult:
        if params.name not in known:
            raise MCPError(types.INVALID_PARAMS, catalog.why_not(params.name))
        invocation = Invocation(caller=await resolve_caller(ctx), progress=ctx.session.report_progress)
        try:
            outcome = await audited_call(dispatcher, params.name, params.arguments, invocation)
        except Exception:
            # A defect, not a user error: log it here, and tell the model without internals.
            log.exception("tool %s failed unexpectedly", params.name)
            outcome = ToolOutcome(text=f"Error (internal): {params.name} failed unexpectedly; the server log "
                                       "has the details.", is_error=True)
        return types.CallToolResult(
            content=[types.TextContent(type="text", text=outcome.text)],
            structured_content=outcome.structured,
            is_error=outcome.is_error,
        )

    server: Server[Any] = Server(name, version=version, title="Gauzy MCP server", instructions=INSTRUCTIONS,
                                 on_list_tools=list_tools, on_call_tool=call_tool,
                                 **prompt_handlers(dispatcher, resolve_caller))
    server.middleware.append(clear_request_errors)
    server.middleware.append(ListingCache(listing_of))
    return server
