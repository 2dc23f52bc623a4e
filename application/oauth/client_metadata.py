"""Client metadata (RFC 7591 §2) checked the same way for registrations and metadata documents."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from application.oauth.metadata import CLIENT_AUTH_METHODS, GRANT_TYPES, RESPONSE_TYPES
from application.oauth.uris import MAX_URI_LENGTH, check_redirect_uri
from domain.oauth.errors import ClientMetadataError

MAX_REDIRECT_URIS = 10
MAX_NAME_LENGTH = 120
# RFC 7591 §2.1: each grant type needs its response type and vice versa.
REDIRECTING_GRANTS = frozenset({"authorization_code"})


def invalid_metadata(description: str) -> ClientMetadataError:
    return ClientMetadataError("invalid_client_metadata", description)


@dataclass(frozen=True)
class ClientMetadata:
    client_name: str | None
    redirect_uris: tuple[str, ...]
    grant_types: tuple[str, ...]
    response_types: tuple[str, ...]
    token_endpoint_auth_method: str
    scope: str | None
    client_uri: str | None


def _strings(document: Mapping[str, Any], name: str, default: tuple[str, ...]) -> tuple[str, ...]:
    value = document.get(name)
    if value is None:
        return default
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise invalid_metadata(f"{name} must be an array of strings")
    return tuple(dict.fromkeys(value))


def _text(document: Mapping[str, Any], name: str, limit: int) -> str | None:
    value = document.get(name)
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip() or len(value) > limit:
        raise invalid_metadata(f"{name} must be a non-empty string of at most {limit} characters")
    return value.strip()


def _check_grants(grant_types: tuple[str, ...], response_types: tuple[str, ...], method: str) -> None:
    """RFC 7591 §2: only what this server supports; RFC 9700 §2.1.2/§2.4: no implicit, no password."""
    unknown = [g for g in grant_types if g not in GRANT_TYPES]
    if unknown:
        raise invalid_metadata(f"grant_types {unknown} not supported; allowed: {list(GRANT_TYPES)}")
    if [r for r in response_types if r not in RESPONSE_TYPES]:
        raise invalid_metadata(f"response_types {list(response_types)} not supported; allowed: {list(RESPONSE_TYPES)}")
    if ("code" in response_types) != ("authorization_code" in grant_types):
        raise invalid_metadata("response_types 'code' and grant_types 'authorization_code' go together (RFC 7591 §2.1)")
    if "client_credentials" in grant_types and method == "none":
        raise invalid_metadata("client_credentials needs a confidential client (token_endpoint_auth_method "
                               "client_secret_basic or client_secret_post); RFC 6749 §4.4")


def check_client_metadata(document: Mapping[str, Any], *, default_auth_method: str) -> ClientMetadata:
    """The usable metadata, or `invalid_client_metadata` / `invalid_redirect_uri` (RFC 7591 §3.2.2)."""
    method = document.get("token_endpoint_auth_method", default_auth_method)
    if method not in CLIENT_AUTH_METHODS:
        raise invalid_metadata(f"token_endpoint_auth_method {method!r} not supported; allowed: "
                               f"{list(CLIENT_AUTH_METHODS)}")
    grant_types = _strings(document, "grant_types", ("authorization_code",))
    response_types = _strings(document, "response_types", ("code",) if "authorization_code" in grant_types else ())
    _check_grants(grant_types, response_types, method)
    redirect_uris = _strings(document, "redirect_uris", ())
    if REDIRECTING_GRANTS & set(grant_types) and not redirect_uris:
        raise ClientMetadataError("invalid_redirect_uri", "redirect_uris is required for the authorization_code grant")
    if len(redirect_uris) > MAX_REDIRECT_URIS:
        raise ClientMetadataError("invalid_redirect_uri", f"at most {MAX_REDIRECT_URIS} redirect_uris")
    for uri in redirect_uris:
        check_redirect_uri(uri)
    return ClientMetadata(
        client_name=_text(document, "client_name", MAX_NAME_LENGTH),
        redirect_uris=redirect_uris, grant_types=grant_types, response_types=response_types,
        token_endpoint_auth_method=str(method),
        scope=_text(document, "scope", 200), client_uri=_text(document, "client_uri", MAX_URI_LENGTH),
    )


def check_scope_value(scope: str | None, supported: tuple[str, ...]) -> str | None:
    """A registered `scope` (RFC 7591 §2) may name only scopes this server knows."""
    if scope is None:
        return None
    unknown = sorted(set(scope.split()) - set(supported))
    if unknown:
        raise invalid_metadata(f"scope names unknown scopes {unknown}; supported: {list(supported)}")
    return " ".join(sorted(set(scope.split())))
