"""The dependency-injector container: the only place that names concrete adapters."""

from __future__ import annotations

from dependency_injector import containers, providers
from mcp_types.version import HANDSHAKE_PROTOCOL_VERSIONS, MODERN_PROTOCOL_VERSIONS

from adapters.outbound.clock import SystemClock
from adapters.outbound.event_buses import InMemoryEventBus, RedisEventBus
from adapters.outbound.gauzy_http import HttpxGauzyApi, RetryPolicy
from adapters.outbound.gauzy_model.in_process import DEMO_EMAIL, DEMO_PASSWORD, InMemoryGauzyApi
from adapters.outbound.in_memory_sessions import InMemorySessionStore
from adapters.outbound.rate_limiters import InMemoryRateLimiter, RedisRateLimiter
from adapters.outbound.redis_connection import connect_redis
from adapters.outbound.redis_sessions import RedisSessionStore
from adapters.outbound.revocation_lists import InMemoryRevocationList, RedisRevocationList
from adapters.outbound.token_cipher import AesGcmTokenCipher
from adapters.outbound.token_verifiers import new_auth_client
from application.catalog import Catalog, full_catalog
from application.credentials import CredentialKeeper, ServiceAccount
from application.dispatcher import ToolDispatcher
from application.remote_sessions import SessionGate
from application.use_cases.auth import AuthStatus, CleanupSessions, Login, Logout, RefreshToken, SessionInfo
from application.use_cases.diagnostics import McpCapabilities, ServerFacts, ServerInfo, TestApiConnection
from application.use_cases.discovery import FindTools, GetToolSchemas
from application.use_cases.task_members import ChangeTaskMembers
from bootstrap import auth
from bootstrap.business_use_cases import business_use_cases
from bootstrap.inventory_use_cases import inventory_use_cases
from bootstrap.settings import Settings
from bootstrap.teamwork_use_cases import teamwork_use_cases
from bootstrap.time_tracking_use_cases import time_tracking_use_cases

SERVER_NAME = "gauzy-mcp"
VERSION = "0.1.0"
PROTOCOL_VERSIONS = tuple(v for v in (*HANDSHAKE_PROTOCOL_VERSIONS, *MODERN_PROTOCOL_VERSIONS) if v >= "2025-06-18")


def service_account(settings: Settings) -> ServiceAccount | None:
    """Who the server signs in as when a caller has not: the configured account, or the demo user.
    None with OAuth on: each person's calls run with their own Gauzy sign-in (decision 010)."""
    if settings.auth_enabled and settings.transport != "stdio":
        return None
    if settings.auth_email and settings.auth_password and settings.auto_login:
        return ServiceAccount(settings.auth_email, settings.auth_password)
    if settings.demo and settings.auto_login:
        return ServiceAccount(DEMO_EMAIL, DEMO_PASSWORD)
    return None


def gauzy_backend(settings: Settings) -> str:
    """Which Gauzy the server talks to: the embedded demo, or the API at API_BASE_URL."""
    return "demo" if settings.demo else "http"


def storage_backend(settings: Settings) -> str:
    """Where sessions and rate-limit counters live: Redis when REDIS_URL is set, else this process."""
    return "redis" if settings.redis_url else "memory"


def retry_policy(settings: Settings) -> RetryPolicy:
    return RetryPolicy(deadline=settings.api_retry_deadline)


def exposed_catalog(settings: Settings) -> Catalog:
    return full_catalog().select(toolsets=settings.toolsets, tools=settings.tools, read_only=settings.read_only)


def server_facts(settings: Settings) -> ServerFacts:
    backend = "demo (in-memory Gauzy)" if settings.demo else str(settings.api_base_url)
    return ServerFacts(name=SERVER_NAME, version=VERSION, backend=backend,
                       transports=tuple(settings.transport.split(",")), protocol_versions=PROTOCOL_VERSIONS)


class Container(containers.DeclarativeContainer):
    settings = providers.Dependency(instance_of=Settings)

    clock = providers.Singleton(SystemClock)
    gauzy_demo = providers.Singleton(InMemoryGauzyApi, clock=clock)
    gauzy_http = providers.Singleton(
        HttpxGauzyApi, base_url=settings.provided.api_base_url, timeout=settings.provided.api_timeout,
        retry=providers.Callable(retry_policy, settings),
    )
    gauzy_api = providers.Selector(providers.Callable(gauzy_backend, settings), demo=gauzy_demo, http=gauzy_http)
    storage = providers.Callable(storage_backend, settings)
    redis_client = providers.Singleton(connect_redis, settings.provided.redis_url)
    token_cipher = providers.Singleton(AesGcmTokenCipher, settings.provided.session_secret)
    sessions = providers.Selector(
        storage,
        memory=providers.Singleton(InMemorySessionStore, clock=clock),
        redis=providers.Singleton(RedisSessionStore, client=redis_client, cipher=token_cipher),
    )
    rate_limiter = providers.Selector(
        storage,
        memory=providers.Singleton(InMemoryRateLimiter, clock=clock),
        redis=providers.Singleton(RedisRateLimiter, client=redis_client),
    )
    # Written by the authorization server, read by the resource server: in Redis, every
    # instance and a separately run `gauzy-mcp auth-server` share it.
    revocations = providers.Selector(
        storage,
        memory=providers.Singleton(InMemoryRevocationList, clock=clock),
        redis=providers.Singleton(RedisRevocationList, client=redis_client),
    )
    event_bus = providers.Selector(
        storage,
        memory=providers.Singleton(InMemoryEventBus),
        redis=providers.Singleton(RedisEventBus, client=redis_client),
    )
    session_gate = providers.Singleton(SessionGate, sessions=sessions, clock=clock,
                                       ttl_seconds=settings.provided.session_ttl)

    keeper = providers.Singleton(
        CredentialKeeper, gauzy=gauzy_api, sessions=sessions, clock=clock,
        session_ttl_seconds=settings.provided.session_ttl,
        service_account=providers.Callable(service_account, settings),
    )
    catalog = providers.Singleton(exposed_catalog, settings)
    facts = providers.Singleton(server_facts, settings)

    use_cases = providers.Dict(
        login=providers.Singleton(Login, keeper),
        logout=providers.Singleton(Logout, keeper),
        get_auth_status=providers.Singleton(AuthStatus, keeper),
        refresh_auth_token=providers.Singleton(RefreshToken, keeper),
        get_session_info=providers.Singleton(SessionInfo, sessions),
        cleanup_sessions=providers.Singleton(CleanupSessions, sessions),
        test_api_connection=providers.Singleton(TestApiConnection, gauzy_api, facts),
        get_server_info=providers.Singleton(ServerInfo, facts, catalog),
        test_mcp_capabilities=providers.Singleton(McpCapabilities, facts, catalog, providers.Singleton(full_catalog)),
        find_tools=providers.Singleton(FindTools, catalog),
        get_tool_schemas=providers.Singleton(GetToolSchemas, catalog),
        assign_task=providers.Singleton(ChangeTaskMembers, keeper, add=True),
        unassign_task=providers.Singleton(ChangeTaskMembers, keeper, add=False),
        **business_use_cases(keeper, clock),
        **inventory_use_cases(keeper, clock),
        **teamwork_use_cases(keeper, clock),
        **time_tracking_use_cases(keeper, clock),
    )
    dispatcher = providers.Singleton(ToolDispatcher, catalog=catalog, keeper=keeper, use_cases=use_cases)

    # OAuth protected resource (MCP_AUTH_*): bootstrap/auth.py checks the settings and builds these.
    auth_http = providers.Singleton(new_auth_client)
    token_verifier = providers.Selector(
        providers.Callable(auth.verifier_kind, settings),
        none=providers.Object(None),
        jwks=providers.Singleton(auth.jwks_verifier, settings, auth_http, clock),
        public_key=providers.Singleton(auth.public_key_verifier, settings),
        introspection=providers.Singleton(auth.introspection_verifier, settings, auth_http, clock),
    )
    checked_token_verifier = providers.Singleton(auth.revocation_checked, token_verifier, revocations)
    protected_resource = providers.Singleton(auth.protected_resource, settings)
    scope_policy = providers.Singleton(auth.scope_policy, settings)


def build_container(settings: Settings) -> Container:
    container = Container(settings=settings)
    container.check_dependencies()
    return container


async def close_resources(container: Container) -> None:
    """Shutdown hook, awaited by whatever ran the server (CLI, transports): closes the pooled
    Gauzy connections. A Singleton plus this hook rather than an async `Resource`, because an
    async Resource makes every provider depending on it return awaitables."""
    if not container.settings().demo:
        await container.gauzy_http().aclose()
    if storage_backend(container.settings()) == "redis":
        await container.redis_client().aclose()
    if auth.verifier_kind(container.settings()) in ("jwks", "introspection"):
        await container.auth_http().aclose()
