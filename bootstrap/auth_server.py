"""Wiring the embedded OAuth 2.0 authorization server: its container, its place in the HTTP
app (MCP_AUTH_ALLOW_EMBEDDED_SERVER) or its own listener (`gauzy-mcp auth-server`), and the
defaults that make the MCP server trust it."""

from __future__ import annotations

import asyncio
import logging
import signal
from collections.abc import Callable
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import Any, cast
from urllib.parse import urlsplit

from dependency_injector import containers, providers
from hypercorn.asyncio import serve
from quart import Quart, jsonify

from adapters.inbound.http import LOOPBACK_HOSTS, HostPolicy, Throttle, TrustedProxies
from adapters.inbound.http.asgi import App, install
from adapters.inbound.http.origins import HostCheckMiddleware
from adapters.inbound.http.throttle import ThrottleMiddleware
from adapters.inbound.oauth.authorization_server import (
    AuthorizationServerRouter,
    CookieJar,
    register_authorization_server,
    standalone_app,
)
from adapters.outbound.client_metadata import HttpxClientMetadataFetcher
from adapters.outbound.oauth_store import InMemoryOAuthStateStore, RedisOAuthStateStore
from adapters.outbound.signing_keys import FileKeyStorage, JwtTokenSigner, RedisKeyStorage
from adapters.outbound.token_cipher import AesGcmTokenCipher
from application.oauth.config import ConfigError, ServerConfig
from application.oauth.metadata import JWKS_PATH
from application.oauth.server import AuthorizationServer, build_authorization_server
from bootstrap import auth
from bootstrap.auth_server_settings import AuthServerSettings, default_key_path
from bootstrap.container import Container, close_resources, storage_backend
from bootstrap.settings import Settings, SettingsError

log = logging.getLogger("gauzy_mcp")


def embedded_issuer(settings: Settings, server_settings: AuthServerSettings) -> str:
    """MCP_AUTH_ISSUER, or the MCP server's own origin (scheme://host:port of its resource URL)."""
    if server_settings.issuer:
        return server_settings.issuer
    parts = urlsplit(auth.resource_uri(settings))
    return f"{parts.scheme}://{parts.netloc}"


def standalone_issuer(server_settings: AuthServerSettings) -> str:
    host = f"[{server_settings.host}]" if ":" in server_settings.host else server_settings.host
    return server_settings.issuer or f"http://{host}:{server_settings.port}"


def with_embedded_defaults(settings: Settings, server_settings: AuthServerSettings) -> Settings:
    """With the embedded server on, the resource server checks its tokens unless told otherwise:
    its issuer, its JWKS, `typ: at+jwt` required (RFC 9068 §4), and it is the one advertised."""
    if not server_settings.allow_embedded:
        return settings
    issuer = embedded_issuer(settings, server_settings)
    changes: dict[str, Any] = {}
    if not settings.auth_issuer:
        changes["auth_issuer"] = issuer
    if not (settings.auth_jwks_uri or settings.auth_public_key or settings.auth_introspection_endpoint):
        changes.update(auth_jwks_uri=issuer + JWKS_PATH, auth_require_at_jwt=True)
    if not settings.auth_servers:
        changes["auth_servers"] = (issuer,)
    return replace(settings, **changes)


def server_config(settings: Settings, server_settings: AuthServerSettings, issuer: str) -> ServerConfig:
    try:
        return ServerConfig(issuer=issuer, resource=auth.resource_uri(settings), code_ttl=server_settings.code_ttl,
                            access_token_ttl=server_settings.access_token_ttl,
                            refresh_token_idle_ttl=server_settings.refresh_token_ttl,
                            browser_session_ttl=server_settings.login_ttl,
                            client_metadata_documents=server_settings.client_metadata_documents)
    except ConfigError as error:
        raise SettingsError(str(error)) from None


def key_backend(settings: Settings, server_settings: AuthServerSettings) -> str:
    chosen = server_settings.key_store or ("redis" if settings.redis_url else "file")
    if chosen not in ("file", "redis") or (chosen == "redis" and not settings.redis_url):
        raise SettingsError(f"MCP_AUTH_KEY_STORE={chosen!r}: use file, or redis with REDIS_URL set")
    return chosen


def key_cipher(settings: Settings) -> AesGcmTokenCipher | None:
    """Keys in Redis are sealed with MCP_SESSION_SECRET when it is set (a per-process random
    key would make them unreadable to the other instances and after a restart)."""
    return AesGcmTokenCipher(settings.session_secret) if settings.session_secret else None


class AuthServerContainer(containers.DeclarativeContainer):
    core = providers.DependenciesContainer()
    options = providers.Dependency(instance_of=AuthServerSettings)
    config = providers.Dependency(instance_of=ServerConfig)

    store = providers.Selector(
        core.storage,
        memory=providers.Singleton(InMemoryOAuthStateStore, clock=core.clock),
        redis=providers.Singleton(RedisOAuthStateStore, client=core.redis_client),
    )
    key_storage = providers.Selector(
        providers.Callable(key_backend, core.settings, options),
        file=providers.Singleton(FileKeyStorage, providers.Callable(
            lambda o: Path(o.key_path or default_key_path()).expanduser(), options)),
        redis=providers.Singleton(RedisKeyStorage, core.redis_client, providers.Callable(key_cipher, core.settings)),
    )
    signer = providers.Singleton(
        JwtTokenSigner, key_storage, core.clock, algorithm=options.provided.signing_algorithm,
        token_lifetime=options.provided.access_token_ttl,
        rotate_after=providers.Callable(lambda o: o.key_rotation_days * 86400, options),
    )
    fetcher = providers.Singleton(HttpxClientMetadataFetcher, core.clock,
                                  allow_loopback=options.provided.cimd_allow_loopback)
    server = providers.Singleton(
        build_authorization_server, config, store=store, signer=signer, gauzy=core.gauzy_api, sessions=core.sessions,
        clock=core.clock, fetcher=fetcher, credential_ttl=options.provided.refresh_token_ttl,
        revocations=core.revocations,
    )


def authorization_server(core: Container, server_settings: AuthServerSettings, issuer: str) -> AuthorizationServer:
    if server_settings.signing_algorithm not in ("RS256", "ES256"):
        raise SettingsError(f"MCP_AUTH_SIGNING_ALGORITHM={server_settings.signing_algorithm!r}: use RS256 or ES256")
    config = server_config(core.settings(), server_settings, issuer)
    container = AuthServerContainer(core=core, options=server_settings, config=config)
    container.check_dependencies()
    built: AuthorizationServer = container.server()
    return built


def edge(app: App, settings: Settings, throttle: Throttle | None, issuer: str) -> App:
    """Host check (DNS rebinding; the issuer's host is always allowed) and the rate limit. No
    Origin check: forms posted from pages with `Referrer-Policy: no-referrer` carry `Origin:
    null`; the CSRF token and SameSite cookies protect them instead."""
    hosts = HostPolicy(hosts=(*(settings.allowed_hosts or LOOPBACK_HOSTS), urlsplit(issuer).netloc), origins=("*",))
    return HostCheckMiddleware(ThrottleMiddleware(app, throttle) if throttle else app, hosts)


def throttle_of(container: Container) -> Throttle | None:
    settings: Settings = container.settings()
    if not settings.throttle_enabled:
        return None
    return Throttle(container.rate_limiter(), settings.throttle_limit, settings.throttle_window_seconds,
                    TrustedProxies.parse(settings.trusted_proxies), loopback=settings.throttle_loopback)


async def warm_up(server: AuthorizationServer) -> None:
    """Load (or, at the very first start, generate) the signing keys before serving, so a broken
    key store stops the start and the first token request does not wait for RSA generation."""
    await server.signer.public_jwks()


def mount_embedded(app: Quart, container: Container, server: AuthorizationServer, throttle: Throttle | None) -> None:
    """The authorization server's paths go to its blueprints, in front of the MCP transport's
    session and CORS layers (its pages set their own cookies; /oauth2/authorize has no CORS)."""
    register_authorization_server(app, server, CookieJar(server.config.browser_session_ttl))
    app.before_serving(partial(warm_up, server))
    quart_itself = cast(App, partial(Quart.asgi_app, app))
    routed = edge(quart_itself, container.settings(), throttle, server.config.issuer)
    install(app, AuthorizationServerRouter(routed, cast(App, app.asgi_app)))
    log.info("OAuth authorization server embedded: issuer %s", server.config.issuer)


async def serve_auth_server(container: Container, server_settings: AuthServerSettings) -> None:
    """`gauzy-mcp auth-server`: the authorization server alone, on MCP_AUTH_HOST:MCP_AUTH_PORT."""
    from bootstrap.remote import hypercorn_config

    settings: Settings = container.settings()
    server = authorization_server(container, server_settings, standalone_issuer(server_settings))
    if storage_backend(settings) == "memory":
        log.warning("REDIS_URL is not set: the MCP server cannot see this server's revocations or share its state")
    app = standalone_app(server, CookieJar(server.config.browser_session_ttl))
    app.add_url_rule("/health", "health", lambda: jsonify({"status": "ok"}))
    app.before_serving(partial(warm_up, server))
    install(app, edge(cast(App, app.asgi_app), settings, throttle_of(container), server.config.issuer))
    stopping = asyncio.Event()
    loop = asyncio.get_running_loop()
    for name in ("SIGINT", "SIGTERM"):
        loop.add_signal_handler(getattr(signal, name), stopping.set)
    log.info("OAuth authorization server on %s (issuer %s)", f"{server_settings.host}:{server_settings.port}",
             server.config.issuer)
    try:
        await serve(cast(Any, app), hypercorn_config(settings, server_settings.host, server_settings.port),
                    shutdown_trigger=stopping.wait)
    finally:
        await close_resources(container)


def embedded_authorization_server(container: Container, server_settings: AuthServerSettings
                                  ) -> Callable[[Quart], None] | None:
    """MCP_AUTH_ALLOW_EMBEDDED_SERVER: build the server now (bad settings stop the start) and
    return what mounts it in the HTTP app. Its revocations reach the resource server through
    the container's revocation list, as those of a separately run server do."""
    if not server_settings.allow_embedded:
        return None
    settings: Settings = container.settings()
    if "http" not in settings.transport:
        raise SettingsError("MCP_AUTH_ALLOW_EMBEDDED_SERVER=true needs the http transport (MCP_TRANSPORT=http)")
    if not settings.auth_enabled:
        log.warning("the embedded authorization server runs, but MCP_AUTH_ENABLED is off: /mcp takes no tokens")
    server = authorization_server(container, server_settings, embedded_issuer(settings, server_settings))
    throttle = throttle_of(container)
    return lambda app: mount_embedded(app, container, server, throttle)
