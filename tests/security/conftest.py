"""Fixtures of the security suite: keys made in the test, an authorization server on loopback."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import httpx
import pytest

from adapters.outbound.token_verifiers import new_auth_client
from tests.remote import redis_server
from tests.security.authserver import AuthorizationServer
from tests.security.keys import SigningKey, jwks
from tests.security.protected import Protected, start_protected

__all__ = ["redis_server"]  # the session-scoped Redis of tests/remote.py, for the Redis-backed tests


@pytest.fixture(scope="session")
def rsa_key() -> SigningKey:
    return SigningKey.rsa("rsa-1")


@pytest.fixture(scope="session")
def second_rsa_key() -> SigningKey:
    return SigningKey.rsa("rsa-2")


@pytest.fixture(scope="session")
def ec_key() -> SigningKey:
    return SigningKey.ec("ec-1")


@pytest.fixture
def auth_server() -> Iterator[AuthorizationServer]:
    with AuthorizationServer() as server:
        yield server


@pytest.fixture
async def http() -> AsyncIterator[httpx.AsyncClient]:
    client = new_auth_client()
    try:
        yield client
    finally:
        await client.aclose()


@pytest.fixture(scope="session")
def issuer_server(rsa_key: SigningKey) -> Iterator[AuthorizationServer]:
    """The authorization server the shared protected server trusts (its JWKS holds `rsa_key`)."""
    with AuthorizationServer() as server:
        server.documents["/jwks"] = jwks(rsa_key)
        yield server


@pytest.fixture(scope="session")
def protected(issuer_server: AuthorizationServer, rsa_key: SigningKey) -> Iterator[Protected]:
    """One `gauzy-mcp --transport http,websocket` with MCP_AUTH_ENABLED=true for the acceptance tests."""
    process = start_protected(issuer_server)
    try:
        yield Protected(process, issuer_server, rsa_key)
    finally:
        assert process.stop() == 0, process.logs()
