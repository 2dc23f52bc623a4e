"""Fixtures of the security suite: keys made in the test, an authorization server on loopback."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import httpx
import pytest

from adapters.outbound.token_verifiers import new_auth_client
from tests.security.authserver import AuthorizationServer
from tests.security.keys import SigningKey


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
