"""Small ASGI helpers shared by the middlewares: JSON answers and header injection."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
App = Callable[[Scope, Receive, Send], Awaitable[None]]
Headers = list[tuple[bytes, bytes]]

# JSON-RPC 2.0 §5.1 leaves -32000..-32099 to the server: these are ours.
SERVER_ERROR = -32000
RATE_LIMITED = -32029


def jsonrpc_error(code: int, message: str, request_id: Any = None, data: Any = None) -> dict[str, Any]:
    error: dict[str, Any] = {"code": code, "message": message}
    if data is not None:
        error["data"] = data
    return {"jsonrpc": "2.0", "id": request_id, "error": error}


async def send_json(send: Send, status: int, body: Any, headers: Headers | None = None) -> None:
    payload = json.dumps(body, separators=(",", ":")).encode("utf-8")
    await send({"type": "http.response.start", "status": status, "headers": [
        (b"content-type", b"application/json"), (b"content-length", str(len(payload)).encode()),
        *(headers or []),
    ]})
    await send({"type": "http.response.body", "body": payload})


async def refuse(scope: Scope, send: Send, status: int, body: Any, headers: Headers | None = None) -> None:
    """Answer an HTTP request, or refuse a WebSocket handshake with the same status (through the
    ASGI websocket denial-response extension, which Hypercorn implements)."""
    if scope["type"] == "http":
        await send_json(send, status, body, headers)
        return
    payload = json.dumps(body).encode("utf-8")
    await send({"type": "websocket.http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), *(headers or [])]})
    await send({"type": "websocket.http.response.body", "body": payload})


def install(app: Any, asgi: App) -> None:
    """Replace a Quart app's ASGI entry point (Quart's documented way to add middleware)."""
    app.asgi_app = asgi


def adding_headers(send: Send, extra: Callable[[], Headers]) -> Send:
    """`send`, with `extra()` appended to the response start (or a WebSocket accept)."""

    async def wrapped(message: Message) -> None:
        if message["type"] in ("http.response.start", "websocket.accept"):
            message = {**message, "headers": [*message.get("headers", []), *extra()]}
        await send(message)

    return wrapped
