"""OAuth protected-resource wiring: which token verifier, which resource URI, which metadata.

Every check of the `MCP_AUTH_*` settings happens here, at start-up, so a misconfigured server
refuses to start with a message naming the variable instead of refusing every token later.
"""

from __future__ import annotations

from pathlib import Path

import httpx

from adapters.inbound.oauth.middleware import BearerGuard
from adapters.outbound.token_verifiers import (
    IntrospectionClient,
    IntrospectionTokenVerifier,
    JwksTokenVerifier,
    JwtRules,
    PublicKeyTokenVerifier,
    allowed_algorithms,
)
from application.access_policy import ScopePolicy, tool_scopes
from application.catalog.catalog import Catalog
from application.oauth.resource_check import RevocationCheckingVerifier
from application.protected_resource import (
    ProtectedResource,
    ResourceUriError,
    authorization_servers,
    check_resource_uri,
    derived_resource_uri,
)
from bootstrap.settings import Settings, SettingsError
from domain.ports import Clock, TokenVerifier
from domain.ports.revocation_list import RevocationList

VERIFIER_SETTINGS = {
    "jwks": "MCP_AUTH_JWT_JWKS_URI",
    "public_key": "MCP_AUTH_JWT_PUBLIC_KEY",
    "introspection": "MCP_AUTH_INTROSPECTION_ENDPOINT",
}


def verifier_kind(settings: Settings) -> str:
    """`none` with auth off; else the one verifier configured (exactly one must be)."""
    if not settings.auth_enabled:
        return "none"
    configured = {"jwks": settings.auth_jwks_uri, "public_key": settings.auth_public_key,
                  "introspection": settings.auth_introspection_endpoint}
    chosen = [kind for kind, value in configured.items() if value]
    if len(chosen) != 1:
        names = " or ".join(VERIFIER_SETTINGS.values())
        found = ", ".join(VERIFIER_SETTINGS[kind] for kind in chosen) or "none"
        raise SettingsError(f"MCP_AUTH_ENABLED=true needs exactly one of {names} (set: {found})")
    return chosen[0]


def resource_uri(settings: Settings) -> str:
    try:
        if settings.auth_resource:
            return check_resource_uri(settings.auth_resource)
        return derived_resource_uri(settings.http_host, settings.http_port)
    except ResourceUriError as error:
        raise SettingsError(f"MCP_AUTH_RESOURCE: {error}") from None


def protected_resource(settings: Settings) -> ProtectedResource:
    servers = authorization_servers(settings.auth_servers, settings.auth_issuer)
    if not servers:
        raise SettingsError("MCP_AUTH_ENABLED=true needs MCP_AUTH_SERVERS (or MCP_AUTH_JWT_ISSUER): clients "
                            "learn from it where to get tokens (RFC 9728 §2)")
    return ProtectedResource(resource=resource_uri(settings), authorization_servers=servers)


def scope_policy(settings: Settings) -> ScopePolicy:
    return ScopePolicy(required=frozenset(settings.auth_required_scopes))


def audience(settings: Settings) -> str:
    return settings.auth_audience or resource_uri(settings)


def jwt_rules(settings: Settings) -> JwtRules:
    if not settings.auth_issuer:
        raise SettingsError("MCP_AUTH_JWT_ISSUER is needed to check JWT access tokens (RFC 9068 §4)")
    try:
        algorithms = allowed_algorithms(settings.auth_algorithms)
    except ValueError as error:
        raise SettingsError(f"MCP_AUTH_JWT_ALGORITHMS: {error}") from None
    return JwtRules(issuer=settings.auth_issuer, audience=audience(settings), algorithms=algorithms,
                    access_token_type=settings.auth_require_at_jwt)


def public_key_pem(value: str) -> str:
    """The PEM itself, or the contents of the file it names. Escaped `\\n` (one-line env files) work."""
    if "-----BEGIN" in value:
        return value.replace("\\n", "\n")
    path = Path(value).expanduser()
    if not path.is_file():
        raise SettingsError(f"MCP_AUTH_JWT_PUBLIC_KEY is neither a PEM block nor a readable file: {value!r}")
    return path.read_text(encoding="ascii")


def jwks_verifier(settings: Settings, http: httpx.AsyncClient, clock: Clock) -> TokenVerifier:
    return JwksTokenVerifier(str(settings.auth_jwks_uri), jwt_rules(settings), http, clock,
                             cache_ttl=settings.auth_jwks_cache_ttl,
                             refetch_interval=settings.auth_jwks_refetch_interval)


def public_key_verifier(settings: Settings) -> TokenVerifier:
    try:
        return PublicKeyTokenVerifier(public_key_pem(str(settings.auth_public_key)), jwt_rules(settings))
    except ValueError as error:
        raise SettingsError(f"MCP_AUTH_JWT_PUBLIC_KEY: {error}") from None


def introspection_verifier(settings: Settings, http: httpx.AsyncClient, clock: Clock) -> TokenVerifier:
    client_id, secret = settings.auth_introspection_client_id, settings.auth_introspection_client_secret
    if not client_id or not secret:
        raise SettingsError("MCP_AUTH_INTROSPECTION_ENDPOINT needs MCP_AUTH_INTROSPECTION_CLIENT_ID and "
                            "MCP_AUTH_INTROSPECTION_CLIENT_SECRET (RFC 7662 §2.1: the caller authenticates)")
    client = IntrospectionClient(str(settings.auth_introspection_endpoint), client_id, secret)
    return IntrospectionTokenVerifier(client, http, clock, audience=audience(settings),
                                      issuer=settings.auth_issuer, cache_ttl=settings.auth_token_cache_ttl)


def revocation_checked(verifier: TokenVerifier | None, revocations: RevocationList) -> TokenVerifier | None:
    """Whatever verifies the signature, tokens the authorization server revoked are refused
    (SECURITY.md items 16, 18, 20): the list is in Redis when REDIS_URL is set."""
    return None if verifier is None else RevocationCheckingVerifier(verifier, revocations)


def bearer_guard(settings: Settings, verifier: TokenVerifier | None, resource: ProtectedResource,
                 policy: ScopePolicy, catalog: Catalog) -> BearerGuard | None:
    """The bearer-token check of the remote transports; None with MCP_AUTH_ENABLED off."""
    if verifier is None:
        return None
    protected = tuple(dict.fromkeys(("/mcp", "/sse", settings.ws_path)))
    return BearerGuard(verifier=verifier, resource=resource, policy=policy, tool_scopes=tool_scopes(catalog),
                       protected=protected)
