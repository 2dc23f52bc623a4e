"""The embedded OAuth 2.0 authorization server over HTTP: its JSON endpoints and its pages.

Mounted in the MCP server's HTTP app (MCP_AUTH_ALLOW_EMBEDDED_SERVER=true) or served alone
(`gauzy-mcp auth-server`). Its paths bypass the MCP transport's session and CORS layers: the
pages set their own cookies, and /oauth2/authorize must never answer with CORS headers.
"""

from __future__ import annotations

from dataclasses import dataclass

from quart import Quart

from adapters.inbound.http.asgi import App, Receive, Scope, Send
from adapters.inbound.oauth.authorization_server.api import api_blueprint
from adapters.inbound.oauth.authorization_server.cookies import CookieJar
from adapters.inbound.oauth.authorization_server.pages import pages_blueprint
from application.oauth import metadata as paths
from application.oauth.server import AuthorizationServer

EXACT_PATHS = frozenset({paths.AS_WELL_KNOWN, paths.OPENID_WELL_KNOWN, paths.JWKS_PATH})
PREFIXES = ("/oauth2/", paths.AS_WELL_KNOWN + "/", paths.OPENID_WELL_KNOWN + "/")
MAX_BODY_BYTES = 64 * 1024  # registration documents and token requests are small

__all__ = ["AuthorizationServerRouter", "CookieJar", "owns", "register_authorization_server", "standalone_app"]


def owns(path: str) -> bool:
    return path in EXACT_PATHS or path.startswith(PREFIXES)


def register_authorization_server(app: Quart, server: AuthorizationServer, cookies: CookieJar) -> None:
    app.register_blueprint(api_blueprint(server))
    app.register_blueprint(pages_blueprint(server, cookies))


def standalone_app(server: AuthorizationServer, cookies: CookieJar) -> Quart:
    app = Quart("gauzy_mcp.authorization_server")
    app.config["MAX_CONTENT_LENGTH"] = MAX_BODY_BYTES
    register_authorization_server(app, server, cookies)
    return app


@dataclass(frozen=True)
class AuthorizationServerRouter:
    """ASGI: the authorization server's paths go to `authorization_server`, everything else
    (and the lifespan) to `rest`."""

    authorization_server: App
    rest: App

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and owns(scope.get("path", "")):
            await self.authorization_server(scope, receive, send)
        else:
            await self.rest(scope, receive, send)
