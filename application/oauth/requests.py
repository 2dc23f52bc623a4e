"""Reading OAuth request parameters: each at most once (RFC 6749 §3.1, §3.2), scopes, resources."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from urllib.parse import urlsplit

from application.oauth.config import ServerConfig
from domain.oauth.errors import OAuthError

Params = Mapping[str, Sequence[str]]
MAX_PARAM_LENGTH = 4096


def single(params: Params, name: str) -> str | None:
    """The parameter's one value, None when absent; sent twice → `invalid_request` (RFC 6749 §3.1)."""
    values = params.get(name) or ()
    if len(values) > 1:
        raise OAuthError("invalid_request", f"{name} was sent more than once (RFC 6749 §3.1)")
    if not values or values[0] == "":
        return None
    if len(values[0]) > MAX_PARAM_LENGTH:
        raise OAuthError("invalid_request", f"{name} is longer than {MAX_PARAM_LENGTH} characters")
    return values[0]


def required(params: Params, name: str) -> str:
    value = single(params, name)
    if value is None:
        raise OAuthError("invalid_request", f"{name} is required")
    return value


def checked_resource(params: Params, config: ServerConfig, *, default: str | None = None) -> str:
    """The `resource` (RFC 8707 §2): an absolute URI without fragment that is exactly our
    canonical MCP URL. Missing (with no default), several, or another → `invalid_target`."""
    values = params.get("resource") or ()
    if not values and default is not None:
        return default
    if len(values) != 1:
        raise OAuthError("invalid_target", f"send exactly one resource: {config.resource}")
    resource = values[0]
    parts = urlsplit(resource)
    if not parts.scheme or not parts.netloc or "#" in resource:
        raise OAuthError("invalid_target", "resource must be an absolute URI without a fragment (RFC 8707 §2)")
    if resource != config.resource:  # byte-equal: the canonical URI is never normalised
        raise OAuthError("invalid_target", f"unknown resource; this server issues tokens for {config.resource}")
    return resource


def checked_scopes(requested: str | None, allowed: frozenset[str], default: frozenset[str]) -> frozenset[str]:
    """RFC 6749 §3.3: the requested scopes, each one allowed, or the default when none are
    requested; anything else → `invalid_scope`."""
    if requested is None or not requested.strip():
        scopes = default & allowed
        if not scopes:
            raise OAuthError("invalid_scope", "no scope requested and no default applies; request one of "
                             + " ".join(sorted(allowed)))
        return scopes
    scopes = frozenset(requested.split())
    refused = sorted(scopes - allowed)
    if refused:
        raise OAuthError("invalid_scope", f"scopes {refused} not allowed; allowed: {' '.join(sorted(allowed))}")
    return scopes


def scope_text(scopes: frozenset[str]) -> str:
    return " ".join(sorted(scopes))
