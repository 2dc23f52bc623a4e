"""Remove secrets from what the adapter logs or repeats in an error message.

Two nets: values under secret-sounding keys (password, token, authorization, ...) are
replaced, and anything shaped like a JWT is masked wherever it appears, in case Gauzy
echoes a token back inside a message or an unexpected field.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

REDACTED = "[redacted]"
SECRET_KEY_PARTS = ("password", "token", "secret", "authorization", "cookie", "hash", "apikey", "api-key",
                    "api_key")
JWT = re.compile(r"eyJ[\w-]{4,}\.[\w-]{4,}\.[\w-]*")
MAX_LOGGED_CHARS = 2000


SECRET_KEYS = frozenset({"code"})  # a user's one-time sign-in code; exact, or `statusCode` would go too


def is_secret_key(key: str) -> bool:
    lowered = key.lower()
    return lowered in SECRET_KEYS or any(part in lowered for part in SECRET_KEY_PARTS)


def redact(value: Any) -> Any:
    """A copy of `value` with secret fields replaced and JWTs masked (mappings and lists descend)."""
    if isinstance(value, Mapping):
        return {k: REDACTED if is_secret_key(str(k)) else redact(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [redact(item) for item in value]
    if isinstance(value, str):
        return scrub(value)
    return value


def scrub(text: str) -> str:
    return JWT.sub(REDACTED, text)


def redact_headers(headers: Mapping[str, str]) -> dict[str, str]:
    return {name: REDACTED if is_secret_key(name) else value for name, value in headers.items()}


def redact_pairs(pairs: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
    """Query-string pairs, with the values of secret-sounding names replaced."""
    return [(name, REDACTED if is_secret_key(name) else scrub(value)) for name, value in pairs]


def for_log(value: Any) -> str:
    """Redacted and cut short: debug logs show the shape of a call, not whole payloads."""
    text = repr(redact(value))
    return text if len(text) <= MAX_LOGGED_CHARS else text[:MAX_LOGGED_CHARS] + "..."
