"""Every error answer on a JSON-RPC endpoint is a JSON-RPC error object, with the request's
id whenever it can be read.

Refusals come from many layers (the SDK's transport, Quart, the body limit, the host check,
the rate limit), most before anyone reads the body and some in plain text. This middleware
holds any 4xx/5xx answer of /sse or /mcp, reads the request's id from the body when nobody
has read it yet, and sends the answer as JSON-RPC: plain text becomes the error message;
a JSON-RPC error with `"id": null` gets the id. JSON bodies of other standards (the OAuth
errors of RFC 6750 §3) keep their shape: clients read those by their own rules.
"""

from __future__ import annotations

import json
from http import HTTPStatus
from typing import Any

import mcp_types as types

from adapters.inbound.http.asgi import RATE_LIMITED, App, Message, Receive, Scope, Send, jsonrpc_error
from adapters.inbound.http.wire import UnreadableMessageError, parse_message, readable_id, to_json


def error_code(status: int) -> int:
    if status >= 500:
        return types.INTERNAL_ERROR
    return RATE_LIMITED if status == 429 else types.INVALID_REQUEST


class JsonRpcErrorReplies:
    def __init__(self, app: App, *, paths: tuple[str, ...], max_body_bytes: int) -> None:
        self.app = app
        self.paths = paths
        self.max_body_bytes = max_body_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] not in self.paths:
            await self.app(scope, receive, send)
            return
        exchange = _Exchange(receive, send, self.max_body_bytes)
        await self.app(scope, exchange.receive, exchange.send)


class _Exchange:
    """One request: notes whether the app read the body; holds an error answer to rewrite it."""

    def __init__(self, receive: Receive, send: Send, max_body_bytes: int) -> None:
        self._receive = receive
        self._send = send
        self._max_body = max_body_bytes
        self._reads = 0
        self._body = bytearray()
        self._complete = False
        self._start: Message | None = None
        self._held = bytearray()

    async def receive(self) -> Message:
        """The app's read, with a copy of the body kept (up to the limit) to find the id in."""
        self._reads += 1
        message = await self._receive()
        self._keep(message)
        return message

    def _keep(self, message: Message) -> None:
        if message["type"] == "http.request" and len(self._body) <= self._max_body:
            self._body += message.get("body", b"")
            self._complete = not message.get("more_body", False)

    async def send(self, message: Message) -> None:
        if message["type"] == "http.response.start" and message["status"] >= 400:
            self._start = message
            return
        if self._start is None or message["type"] != "http.response.body":
            await self._send(message)
            return
        self._held += message.get("body", b"")
        if not message.get("more_body", False):
            await self._send_rewritten()

    async def _send_rewritten(self) -> None:
        assert self._start is not None
        status: int = self._start["status"]
        headers = [(k, v) for k, v in self._start.get("headers", []) if k.lower() not in (b"content-type",
                                                                                          b"content-length")]
        body = to_json(await self._as_json_rpc(status, _content_type(self._start)))
        await self._send({"type": "http.response.start", "status": status, "headers": [
            *headers, (b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
        await self._send({"type": "http.response.body", "body": body})

    async def _as_json_rpc(self, status: int, content_type: bytes) -> Any:
        held = _json_or_none(bytes(self._held)) if b"json" in content_type else None
        if isinstance(held, dict) and held.get("jsonrpc") == "2.0":
            if held.get("id") is None:
                held["id"] = await self._request_id()
            return held
        if isinstance(held, dict):
            return held  # another standard's error object (OAuth), kept as it is
        return jsonrpc_error(error_code(status), self._message(status, content_type), await self._request_id())

    def _message(self, status: int, content_type: bytes) -> str:
        if status == 413:
            return f"Request body too large: at most {self._max_body} bytes per request."
        text = bytes(self._held).decode("utf-8", "replace").strip() if content_type.startswith(b"text/plain") else ""
        return text[:300] or HTTPStatus(status).phrase

    async def _request_id(self) -> str | int | None:
        """The request's id: from the body the app read, or (when it read none) from the body
        read here, within the size limit; None when the body is not all there."""
        if self._reads == 0:
            while not self._complete and len(self._body) <= self._max_body:
                self._reads += 1
                message = await self._receive()
                if message["type"] != "http.request":
                    break  # the client went away
                self._keep(message)
        return _id_in(bytes(self._body)) if self._complete else None


def _content_type(start: Message) -> bytes:
    return next((bytes(v).lower() for k, v in start.get("headers", []) if k.lower() == b"content-type"), b"")


def _json_or_none(raw: bytes) -> Any:
    try:
        return json.loads(raw)
    except ValueError:
        return None


def _id_in(body: bytes) -> str | int | None:
    try:
        return readable_id(parse_message(body))
    except UnreadableMessageError:
        return None
