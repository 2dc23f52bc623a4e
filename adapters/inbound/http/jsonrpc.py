"""`POST /sse`: the reference server's plain JSON-RPC 2.0 endpoint, one request per POST.

It serves the same catalog through the same dispatcher as the MCP transports, without the
streamable-HTTP ceremony, so `curl -H 'Content-Type: application/json'` is all a caller needs.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Mapping
from typing import Any

import mcp_types as types
from mcp.shared.exceptions import MCPError
from mcp_types.version import HANDSHAKE_PROTOCOL_VERSIONS, LATEST_HANDSHAKE_VERSION

from adapters.inbound.audit import audited_call
from adapters.inbound.http.asgi import SERVER_ERROR, jsonrpc_error
from adapters.inbound.http.events import EventHub
from adapters.inbound.http.sessions import RemoteCallers, SessionTicket
from adapters.inbound.http.wire import UnreadableMessageError, parse_message, readable_id, to_json
from adapters.inbound.mcp_tools import tool_listing
from application.dispatcher import ToolDispatcher, ToolOutcome
from application.invocation import Invocation, ProgressSink
from domain.errors import DomainError
from domain.principal import CallerContext

log = logging.getLogger(__name__)
Reply = tuple[int, bytes | None]
Handler = Callable[[Mapping[str, Any], SessionTicket, Any], Awaitable[dict[str, Any]]]
METHODS = "initialize, ping, tools/list, tools/call"


def envelope_problem(message: Any) -> str | None:
    """What makes `message` not a JSON-RPC 2.0 request (JSON-RPC 2.0 §4), or None."""
    if isinstance(message, list):
        return "Batches are not supported (MCP 2025-06-18 removed JSON-RPC batching); send one request per POST."
    if not isinstance(message, dict):
        return "Expected a JSON-RPC 2.0 request object."
    if message.get("jsonrpc") != "2.0":
        return 'Invalid Request: "jsonrpc" must be "2.0".'
    if not isinstance(message.get("method"), str):
        return 'Invalid Request: "method" must be a string.'
    request_id = message.get("id")
    if "id" in message and (isinstance(request_id, bool) or not isinstance(request_id, str | int)):
        return 'Invalid Request: "id" must be a string or an integer (MCP forbids null ids).'
    if "params" in message and not isinstance(message["params"], dict):
        return 'Invalid Request: "params" must be an object.'
    return None


def call_result(outcome: ToolOutcome) -> dict[str, Any]:
    result: dict[str, Any] = {"content": [{"type": "text", "text": outcome.text}], "isError": outcome.is_error}
    if outcome.structured is not None:
        result["structuredContent"] = outcome.structured
    return result


class JsonRpcEndpoint:
    def __init__(self, dispatcher: ToolDispatcher, callers: RemoteCallers, events: EventHub, *,
                 server_info: Mapping[str, str], instructions: str | None) -> None:
        self._dispatcher = dispatcher
        self._callers = callers
        self._events = events
        self._server_info = dict(server_info)
        self._instructions = instructions
        listing = tool_listing(dispatcher.catalog).model_dump(by_alias=True, mode="json", exclude_none=True,
                                                             exclude_unset=True)
        self._listing = listing
        # Unscoped tools/list answers are spliced around this, serialized once: ~0.5 MB of schemas.
        self._listing_json = to_json(listing)
        self._known = {spec.name for spec in dispatcher.catalog}
        self._scoped: dict[int, dict[str, Any]] = {}
        self._methods: dict[str, Handler] = {"initialize": self._initialize, "ping": self._ping,
                                             "tools/list": self._list_tools, "tools/call": self._call_tool}

    async def handle(self, body: bytes | str, ticket: SessionTicket) -> Reply:
        """HTTP status and response body (None: nothing to answer) for one POSTed message."""
        try:
            message = parse_message(body)
        except UnreadableMessageError as error:
            return 400, to_json(jsonrpc_error(types.PARSE_ERROR, str(error)))
        problem = envelope_problem(message)
        if problem is not None:
            return 400, to_json(jsonrpc_error(types.INVALID_REQUEST, problem, readable_id(message)))
        if "id" not in message:
            return 202, None  # a notification: JSON-RPC 2.0 §4.1 says it gets no response
        if message["method"] == "tools/list" and self._callers.listing(ticket) is None:
            return 200, b'{"jsonrpc":"2.0","id":' + to_json(message["id"]) + b',"result":' + self._listing_json + b"}"
        return 200, to_json(await self._answer(message, ticket))

    async def _answer(self, message: dict[str, Any], ticket: SessionTicket) -> dict[str, Any]:
        request_id, method = message["id"], message["method"]
        handler = self._methods.get(method)
        if handler is None:
            return jsonrpc_error(types.METHOD_NOT_FOUND, f"Method not found: {method!r}. This endpoint serves "
                                 f"{METHODS}; use /mcp for the full MCP protocol.", request_id)
        try:
            result = await handler(message.get("params") or {}, ticket, request_id)
        except MCPError as error:
            return jsonrpc_error(error.code, error.message, request_id, error.data)
        return {"jsonrpc": "2.0", "id": request_id, "result": result}

    async def _initialize(self, params: Mapping[str, Any], ticket: SessionTicket, request_id: Any) -> dict[str, Any]:
        requested = params.get("protocolVersion")
        version = requested if requested in HANDSHAKE_PROTOCOL_VERSIONS else LATEST_HANDSHAKE_VERSION
        result: dict[str, Any] = {"protocolVersion": version, "capabilities": {"tools": {"listChanged": False}},
                                  "serverInfo": self._server_info}
        if self._instructions:
            result["instructions"] = self._instructions
        return result

    async def _ping(self, params: Mapping[str, Any], ticket: SessionTicket, request_id: Any) -> dict[str, Any]:
        return {}

    async def _list_tools(self, params: Mapping[str, Any], ticket: SessionTicket, request_id: Any) -> dict[str, Any]:
        scoped = self._callers.listing(ticket)  # OAuth: only the tools the token may call
        if scoped is None:
            return self._listing
        if id(scoped) not in self._scoped:  # one listing object per scope combination: dump each once
            self._scoped[id(scoped)] = scoped.model_dump(by_alias=True, mode="json", exclude_none=True,
                                                         exclude_unset=True)
        return self._scoped[id(scoped)]

    async def _call_tool(self, params: Mapping[str, Any], ticket: SessionTicket, request_id: Any) -> dict[str, Any]:
        name, arguments = params.get("name"), params.get("arguments")
        if not isinstance(name, str) or name not in self._known:
            raise MCPError(types.INVALID_PARAMS, self._dispatcher.catalog.why_not(str(name)))
        if arguments is not None and not isinstance(arguments, dict):
            raise MCPError(types.INVALID_PARAMS, '"arguments" must be an object.')
        invocation = Invocation(caller=await self._caller(ticket),
                                progress=self._progress_sink(ticket, request_id, name, params))
        return call_result(await self._run(name, arguments, invocation))

    async def _caller(self, ticket: SessionTicket) -> CallerContext:
        """The session's caller; a session that cannot be had (store down, refused) is a JSON-RPC error."""
        try:
            return await self._callers.for_ticket(ticket)
        except DomainError as error:
            raise MCPError(SERVER_ERROR, str(error), {"reason": error.code}) from error

    async def _run(self, name: str, arguments: dict[str, Any] | None, invocation: Invocation) -> ToolOutcome:
        try:
            return await audited_call(self._dispatcher, name, arguments, invocation)
        except Exception:
            # A defect, not a user error: logged here; the caller learns no internals.
            log.exception("tool %s failed unexpectedly", name)
            return ToolOutcome(text=f"Error (internal): {name} failed unexpectedly.", is_error=True)

    def _progress_sink(self, ticket: SessionTicket, request_id: Any, tool: str,
                       params: Mapping[str, Any]) -> ProgressSink:
        meta = params.get("_meta")
        token = meta.get("progressToken") if isinstance(meta, dict) else None

        async def report(progress: float, total: float | None, message: str | None) -> None:
            await self._events.publish(ticket.key, "progress", {"requestId": request_id, "tool": tool,
                                 "progressToken": token, "progress": progress, "total": total, "message": message})

        return report
