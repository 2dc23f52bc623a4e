"""`WWW-Authenticate` challenges for refused requests (RFC 6750 §3, RFC 9728 §5.1).

The challenge tells a client where to learn how to get a token (`resource_metadata`) and, on a
403, which scope to ask for; it never says which check a bad token failed.
"""

from __future__ import annotations

from collections.abc import Iterable


def _quoted(value: str) -> str:
    """An RFC 9110 §5.6.4 quoted-string."""
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _challenge(params: Iterable[tuple[str, str]]) -> str:
    return "Bearer " + ", ".join(f"{name}={_quoted(value)}" for name, value in params)


def unauthorized_challenge(metadata_url: str, *, token_sent: bool) -> str:
    """401: no usable token. RFC 6750 §3.1: a request that carried no credentials gets no
    error code; one whose token was refused gets `invalid_token`."""
    params = [("resource_metadata", metadata_url)]  # RFC 9728 §5.1
    if token_sent:
        params.append(("error", "invalid_token"))
    return _challenge(params)


def insufficient_scope_challenge(metadata_url: str, scopes: Iterable[str]) -> str:
    """403: the token is good but lacks `scopes` (RFC 6750 §3.1 `insufficient_scope`; MCP
    2025-11-25 "Runtime Insufficient Scope Errors": name the scopes so the client can step up)."""
    return _challenge([("error", "insufficient_scope"), ("scope", " ".join(scopes)),
                       ("resource_metadata", metadata_url)])
