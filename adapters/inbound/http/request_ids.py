"""/mcp: one id, one request in flight per session.

The SDK's streamable-HTTP transport routes each answer to the HTTP request by JSON-RPC id
within the session: a second request reusing the id of one still running took over its
stream, so one client got the other's answer and the first never got one. JSON-RPC 2.0 §4
leaves ids to the client, but MCP (Basic, "Requests") says an id MUST NOT be reused within a
session; the reuse is refused here with an error naming the id, before the SDK sees it.
"""

from __future__ import annotations

import mcp_types as types

from adapters.inbound.http.asgi import App, Message, Receive, Scope, Send, jsonrpc_error, send_json
from adapters.inbound.http.client import header
from adapters.inbound.http.wire import UnreadableMessageError, parse_message, readable_id


class DistinctRequestIds:
    def __init__(self, app: App) -> None:
        self.app = app
        self._in_flight: set[tuple[str, str | int]] = set()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        session = header(scope, b"mcp-session-id") if scope["method"] == "POST" else None
        if session is None:
            await self.app(scope, receive, send)
            return
        body, replay = await _buffered(receive)
        key = _request_key(session, body)
        if key is not None and key in self._in_flight:
            await send_json(send, 409, jsonrpc_error(
                types.INVALID_REQUEST, f"A request with id {key[1]!r} is still running in this session: give each "
                "request its own id (MCP forbids reusing one within a session).", key[1]))
            return
        if key is not None:
            self._in_flight.add(key)
        try:
            await self.app(scope, replay, send)
        finally:
            if key is not None:
                self._in_flight.discard(key)


def _request_key(session: str, body: bytes) -> tuple[str, str | int] | None:
    try:
        message = parse_message(body)
    except UnreadableMessageError:
        return None  # the SDK answers it
    request_id = readable_id(message)
    return (session, request_id) if request_id is not None and "method" in message else None


async def _buffered(receive: Receive) -> tuple[bytes, Receive]:
    """The whole request body (the body limit is enforced outside), and a `receive` that
    hands it to the app again before passing on what comes next (a disconnect)."""
    chunks: list[bytes] = []
    while True:
        message = await receive()
        if message["type"] != "http.request":
            break
        chunks.append(message.get("body", b""))
        if not message.get("more_body", False):
            break
    body = b"".join(chunks)
    replayed = False

    async def replay() -> Message:
        nonlocal replayed
        if replayed:
            return await receive()
        replayed = True
        return {"type": "http.request", "body": body, "more_body": False}

    return body, replay
