"""The authorization endpoint's checks (RFC 6749 §4.1.1, §4.1.2.1) and its redirects."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlencode, urlsplit, urlunsplit

from application.oauth.clients import ClientDirectory
from application.oauth.config import ServerConfig
from application.oauth.pkce import challenge_problem
from application.oauth.requests import Params, checked_resource, checked_scopes, single
from application.oauth.uris import find_redirect_uri
from domain.oauth.errors import OAuthError, RedirectedError, UnredirectableError
from domain.oauth.model import OAuthClient


@dataclass(frozen=True)
class AuthorizationRequest:
    """A request that passed every check: what the consent page shows and the code is bound to."""

    client: OAuthClient
    redirect_uri: str
    scopes: frozenset[str]
    state: str | None
    code_challenge: str
    resource: str


def redirect_url(redirect_uri: str, params: Mapping[str, str | None]) -> str:
    """`redirect_uri` with `params` added to its query, which is kept (RFC 6749 §3.1.2)."""
    parts = urlsplit(redirect_uri)
    added = urlencode({name: value for name, value in params.items() if value is not None})
    query = f"{parts.query}&{added}" if parts.query else added
    return urlunsplit((parts.scheme, parts.netloc, parts.path, query, ""))


def error_redirect(error: RedirectedError, issuer: str) -> str:
    """RFC 6749 §4.1.2.1: error, description and the unchanged state; RFC 9207 §2: iss."""
    return redirect_url(error.redirect_uri, {"error": error.error, "error_description": error.description,
                                             "state": error.state, "iss": issuer})


class ValidateAuthorization:
    """Checks an authorization request. The client and redirect URI come first: until both are
    verified nothing may be redirected (`UnredirectableError`, RFC 6749 §4.1.2.1, RFC 9700
    §4.11.2); after that every error goes back to the client (`RedirectedError`)."""

    def __init__(self, clients: ClientDirectory, config: ServerConfig) -> None:
        self._clients = clients
        self._config = config

    async def __call__(self, params: Params) -> AuthorizationRequest:
        client, redirect_uri = await self._trusted_target(params)
        try:
            state = single(params, "state")
        except OAuthError as error:
            raise RedirectedError(error.error, error.description, redirect_uri=redirect_uri, state=None) from None
        try:
            return self._checked(params, client, redirect_uri, state)
        except OAuthError as error:
            raise RedirectedError(error.error, error.description, redirect_uri=redirect_uri, state=state) from None

    async def _trusted_target(self, params: Params) -> tuple[OAuthClient, str]:
        try:
            client_id, presented = single(params, "client_id"), single(params, "redirect_uri")
        except OAuthError as error:
            raise UnredirectableError(error.error, error.description) from None
        client = await self._clients.find(client_id)
        if client is None:
            raise UnredirectableError("invalid_request", "Unknown client: client_id is not registered "
                                      "and is not a usable client metadata document.")
        # OAuth 2.1 and MCP: redirect_uri is always sent; it must match a registered one exactly
        # (RFC 9700 §2.1, RFC 6749 §3.1.2.3) or, for loopback, all but the port (RFC 8252 §7.3).
        redirect_uri = find_redirect_uri(client.redirect_uris, presented)
        if redirect_uri is None:
            raise UnredirectableError("invalid_request", "redirect_uri is missing or not registered for this client.")
        return client, redirect_uri

    def _checked(self, params: Params, client: OAuthClient, redirect_uri: str, state: str | None
                 ) -> AuthorizationRequest:
        response_type = single(params, "response_type")
        if response_type is None:
            raise OAuthError("invalid_request", "response_type is required")
        if response_type != "code":  # RFC 9700 §2.1.2: no implicit grant, no hybrid flows
            raise OAuthError("unsupported_response_type", "only response_type=code is supported")
        if "code" not in client.response_types:
            raise OAuthError("unauthorized_client", "this client did not register the code response type")
        problem = challenge_problem(single(params, "code_challenge"), single(params, "code_challenge_method"))
        if problem:
            raise OAuthError("invalid_request", problem)  # RFC 7636 §4.4.1
        resource = checked_resource(params, self._config)  # RFC 8707 §2
        return AuthorizationRequest(
            client=client, redirect_uri=redirect_uri, scopes=self._scopes(params, client), state=state,
            code_challenge=str(single(params, "code_challenge")), resource=resource,
        )

    def _scopes(self, params: Params, client: OAuthClient) -> frozenset[str]:
        supported = frozenset(self._config.scopes_supported)
        allowed = frozenset(client.scope.split()) & supported if client.scope else supported
        default = allowed if client.scope else self._config.default_scopes
        return checked_scopes(single(params, "scope"), allowed, default)
