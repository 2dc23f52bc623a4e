"""The token endpoint (RFC 6749 §3.2): client authentication, then one grant."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from application.oauth.clients import ClientCredentials, ClientDirectory
from application.oauth.config import ServerConfig
from application.oauth.grants import ExchangeCode, RefreshGrant
from application.oauth.issuance import TokenMinter
from application.oauth.requests import Params, checked_resource, checked_scopes, single
from application.oauth.secrets import new_id
from domain.oauth.errors import OAuthError
from domain.oauth.model import GrantScope, OAuthClient

GrantHandler = Callable[[OAuthClient, Params], Awaitable[dict[str, Any]]]


class ClientCredentialsGrant:
    """RFC 6749 §4.4, for confidential clients only: the token's subject is the client itself
    (RFC 9068 §2.2) and no refresh token is issued (RFC 6749 §4.4.3)."""

    def __init__(self, minter: TokenMinter, config: ServerConfig) -> None:
        self._minter = minter
        self._config = config

    async def __call__(self, client: OAuthClient, params: Params) -> dict[str, Any]:
        if not client.confidential:
            raise OAuthError("unsupported_grant_type", "client_credentials is for confidential clients only")
        if "client_credentials" not in client.grant_types:
            raise OAuthError("unauthorized_client", "this client did not register the client_credentials grant")
        supported = frozenset(self._config.scopes_supported)
        allowed = frozenset(client.scope.split()) & supported if client.scope else supported
        default = allowed if client.scope else self._config.default_scopes
        scopes = checked_scopes(single(params, "scope"), allowed, default)
        resource = checked_resource(params, self._config, default=self._config.resource)
        grant = GrantScope(grant_id=new_id(), client_id=client.client_id, subject=client.client_id,
                           scopes=scopes, resource=resource)
        return await self._minter.response(grant, scopes, refresh=False)


class TokenEndpoint:
    """Answers a token request with the RFC 6749 §5.1 body or raises `OAuthError` (§5.2).
    Only the three grants of the metadata exist: `password` and anything else are
    `unsupported_grant_type` (RFC 9700 §2.4)."""

    def __init__(self, clients: ClientDirectory, exchange: ExchangeCode, refresh: RefreshGrant,
                 client_credentials: ClientCredentialsGrant) -> None:
        self._clients = clients
        self._grants: dict[str, GrantHandler] = {"authorization_code": exchange, "refresh_token": refresh,
                        "client_credentials": client_credentials}

    async def __call__(self, params: Params, credentials: ClientCredentials | None) -> dict[str, Any]:
        grant_type = single(params, "grant_type")
        if grant_type is None:
            raise OAuthError("invalid_request", "grant_type is required")
        handler = self._grants.get(grant_type)
        if handler is None:
            raise OAuthError("unsupported_grant_type", f"grant_type {grant_type!r} is not supported; use one of "
                             + ", ".join(self._grants))
        if credentials is None:
            raise OAuthError("invalid_client", "client_id is required (RFC 6749 §3.2.1)", status=401)
        client = await self._clients.authenticate(credentials)
        if grant_type not in client.grant_types and grant_type != "client_credentials":
            raise OAuthError("unauthorized_client", f"this client did not register the {grant_type} grant")
        return await handler(client, params)
