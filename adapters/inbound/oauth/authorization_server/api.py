"""The authorization server's JSON endpoints: metadata, JWKS, registration, token,
introspection, revocation, userinfo."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from quart import Blueprint, Response, request

from adapters.inbound.oauth.authorization_server.client_auth import as_params, client_credentials, used_basic
from adapters.inbound.oauth.authorization_server.responses import (
    NO_STORE,
    add_api_headers,
    json_response,
    oauth_error,
)
from application.oauth import metadata as paths
from application.oauth.metadata import authorization_server_metadata, openid_configuration
from application.oauth.server import AuthorizationServer
from domain.errors import InvalidTokenError
from domain.oauth.errors import OAuthError

FORM = "application/x-www-form-urlencoded"
CACHEABLE = {"Cache-Control": "public, max-age=300"}


def _bearer(authorization: str | None) -> str | None:
    scheme, _, token = (authorization or "").strip().partition(" ")
    return token.strip() or None if scheme.lower() == "bearer" else None


async def _form() -> dict[str, list[str]]:
    """The POST body's parameters; RFC 6749 §3.2 requires the form encoding."""
    if request.mimetype != FORM:
        raise OAuthError("invalid_request", f"Send the parameters as {FORM} (RFC 6749 §3.2).")
    return as_params(await request.form)


def _guarded(handler: Callable[[], Awaitable[Response]]) -> Callable[[], Awaitable[Response]]:
    async def run() -> Response:
        try:
            return await handler()
        except OAuthError as error:
            return oauth_error(error, basic_attempted=used_basic(request.headers.get("Authorization")))

    run.__name__ = handler.__name__
    return run


def api_blueprint(server: AuthorizationServer) -> Blueprint:
    api = Blueprint("oauth_api", __name__)
    api.after_request(add_api_headers)

    @api.get(paths.AS_WELL_KNOWN)
    async def as_metadata() -> Response:
        return json_response(authorization_server_metadata(server.config, server.signer.algorithm), headers=CACHEABLE)

    @api.get(paths.OPENID_WELL_KNOWN)
    async def openid_metadata() -> Response:
        return json_response(openid_configuration(server.config, server.signer.algorithm), headers=CACHEABLE)

    @api.get(paths.JWKS_PATH)
    async def jwks() -> Response:
        return json_response(await server.signer.public_jwks(), headers=CACHEABLE)  # public keys only

    @api.post(paths.REGISTER_PATH)
    @_guarded
    async def register() -> Response:
        document: Any = await request.get_json(force=False, silent=True) if request.is_json else None
        if not isinstance(document, dict):
            raise OAuthError("invalid_client_metadata", "Send the client metadata as a JSON object (RFC 7591 §3.1).")
        return json_response(await server.register(document), 201, NO_STORE)  # RFC 7591 §3.2.1

    @api.post(paths.TOKEN_PATH)
    @_guarded
    async def token() -> Response:
        form = await _form()
        credentials = client_credentials(request.headers.get("Authorization"), form)
        return json_response(await server.token(form, credentials), 200, NO_STORE)  # RFC 6749 §5.1

    @api.post(paths.INTROSPECT_PATH)
    @_guarded
    async def introspect() -> Response:
        form = await _form()
        credentials = client_credentials(request.headers.get("Authorization"), form)
        return json_response(await server.introspect(form, credentials), 200, NO_STORE)

    @api.post(paths.REVOKE_PATH)
    @_guarded
    async def revoke() -> Response:
        form = await _form()
        await server.revoke(form, client_credentials(request.headers.get("Authorization"), form))
        return Response(b"", 200, headers=NO_STORE)  # RFC 7009 §2.2: 200 whatever the token was

    @api.route(paths.USERINFO_PATH, methods=["GET", "POST"])
    async def userinfo() -> Response:
        token = _bearer(request.headers.get("Authorization"))
        try:
            if token is None:
                raise InvalidTokenError("no bearer token")
            return json_response(await server.userinfo(token), 200, NO_STORE)
        except InvalidTokenError:
            challenge = 'Bearer error="invalid_token"' if token else "Bearer"  # RFC 6750 §3
            return json_response({"error": "invalid_token"}, 401, {**NO_STORE, "WWW-Authenticate": challenge})

    return api  # CORS preflights: Quart's automatic OPTIONS answers, with the headers above
