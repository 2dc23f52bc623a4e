"""Reading what the bearer check needs from an ASGI request: the token, and the tools a
JSON-RPC body calls (to answer 403 before the MCP layer runs them)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any
from urllib.parse import parse_qs

from adapters.inbound.http.asgi import Message, Receive, Scope

# RFC 6750 §2.1: b64token = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="
B64TOKEN = re.compile(r"[A-Za-z0-9\-._~+/]+=*")
PEEK_LIMIT = 1024 * 1024  # the body limit: a larger body is refused with 413 further in anyway


class MalformedAuthorizationError(ValueError):
    """The Authorization header says Bearer but is not a well-formed bearer credential."""


def bearer_token(scope: Scope) -> str | None:
    """The token of `Authorization: Bearer <token>`, the only way a token is accepted (RFC 6750
    §2.1; MCP "Token Requirements"). None when no bearer credential was sent."""
    values = [bytes(value).decode("latin-1") for key, value in scope.get("headers", ()) if key == b"authorization"]
    if not values:
        return None
    if len(values) > 1:
        raise MalformedAuthorizationError("several Authorization headers")
    scheme, _, token = values[0].strip().partition(" ")
    if scheme.lower() != "bearer":  # auth schemes are case-insensitive (RFC 9110 §11.1)
        return None
    token = token.strip()
    if not B64TOKEN.fullmatch(token):
        raise MalformedAuthorizationError("not an RFC 6750 b64token")
    return token


def token_in_query(scope: Scope) -> bool:
    """A token in the URI (RFC 6750 §2.3) ends up in logs and browser history: it is never
    read, and its presence is logged so the client's developer can find out why."""
    query = bytes(scope.get("query_string", b"")).decode("latin-1")
    return "access_token" in parse_qs(query)


async def buffered_body(receive: Receive) -> tuple[bytes | None, Receive]:
    """The request body (None when larger than PEEK_LIMIT), and a `receive` that replays it."""
    messages: list[Message] = []
    size, more = 0, True
    while more and size <= PEEK_LIMIT:
        message = await receive()
        messages.append(message)
        if message["type"] != "http.request":
            break
        size += len(message.get("body", b""))
        more = bool(message.get("more_body", False))
    complete = not more and size <= PEEK_LIMIT
    body = b"".join(m.get("body", b"") for m in messages if m["type"] == "http.request") if complete else None

    async def replay() -> Message:
        return messages.pop(0) if messages else await receive()

    return body, replay


def called_tools(body: bytes | None) -> list[str]:
    """Names of the tools a JSON-RPC body calls (`tools/call`), batch or single; [] if none
    or if the body is not JSON (the endpoint itself answers that)."""
    if not body:
        return []
    try:
        document = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        return []
    messages: Iterable[Any] = document if isinstance(document, list) else [document]
    names = []
    for message in messages:
        if not isinstance(message, dict):
            continue
        params = message.get("params")
        if message.get("method") == "tools/call" and isinstance(params, dict) and isinstance(params.get("name"), str):
            names.append(params["name"])
    return names
