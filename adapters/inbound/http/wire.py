"""Reading one JSON-RPC message off the wire, the same way on `POST /sse` and WebSocket.

The parser is strict where Python's `json` is lenient, so that nothing we cannot answer
gets in: invalid UTF-8, lone surrogate escapes (RFC 8259 §8.2: unpredictable, and not
encodable in a UTF-8 reply), NaN/Infinity, and nesting past ~200 levels (which would
otherwise end in a RecursionError). The SDK's streamable-HTTP transport parses the same way.
"""

from __future__ import annotations

import json
from typing import Any

import pydantic_core


class UnreadableMessageError(ValueError):
    """The bytes are not one JSON document we accept; the message says where."""


def parse_message(raw: bytes | str) -> Any:
    try:
        return pydantic_core.from_json(raw, allow_inf_nan=False)
    except ValueError as error:
        raise UnreadableMessageError(f"Parse error: {error}.") from None


def readable_id(message: Any) -> str | int | None:
    """The request's id when it is one JSON-RPC allows (echoed in the error), else None."""
    request_id = message.get("id") if isinstance(message, dict) else None
    if isinstance(request_id, bool) or not isinstance(request_id, str | int):
        return None
    return request_id


def to_json(value: Any) -> bytes:
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False, allow_nan=False).encode("utf-8")
