"""The `WWW-Authenticate` challenges of refused requests — SECURITY.md items 2 and 3 (format;
the statuses are tested against the running server in test_bearer_http.py)."""

from __future__ import annotations

from adapters.inbound.oauth.challenges import insufficient_scope_challenge, unauthorized_challenge

METADATA = "http://127.0.0.1:3001/.well-known/oauth-protected-resource/mcp"


def test_no_token_gets_the_metadata_pointer_and_no_error_code() -> None:
    """Item 2: a request without credentials gets no `error` (RFC 6750 §3.1), only where to
    learn about the resource (RFC 9728 §5.1)."""
    assert unauthorized_challenge(METADATA, token_sent=False) == f'Bearer resource_metadata="{METADATA}"'


def test_a_refused_token_gets_invalid_token() -> None:
    """Item 2: `error="invalid_token"` when a token was sent (RFC 6750 §3.1)."""
    assert unauthorized_challenge(METADATA, token_sent=True) == (
        f'Bearer resource_metadata="{METADATA}", error="invalid_token"')


def test_a_missing_scope_is_named() -> None:
    """Item 3: `insufficient_scope` with the scope to ask for (RFC 6750 §3.1; MCP 2025-11-25
    "Runtime Insufficient Scope Errors")."""
    assert insufficient_scope_challenge(METADATA, ["mcp.write"]) == (
        f'Bearer error="insufficient_scope", scope="mcp.write", resource_metadata="{METADATA}"')


def test_quoted_values_are_escaped() -> None:
    """Item 2: a quote in a configured URL cannot break out of the parameter (RFC 9110 §5.6.4)."""
    assert unauthorized_challenge('http://h/"x\\', token_sent=False) == 'Bearer resource_metadata="http://h/\\"x\\\\"'
