"""The OAuthStateStore port's contract (domain/ports/oauth_state_store.py), run on every adapter."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import pytest

from adapters.outbound.oauth_store import InMemoryOAuthStateStore, RedisOAuthStateStore
from adapters.outbound.redis_connection import connect_redis
from domain.errors import StorageUnavailableError
from domain.oauth.model import (
    AuthorizationCode,
    BrowserSession,
    ClientKind,
    Consent,
    GrantScope,
    OAuthClient,
    Person,
    RefreshToken,
)
from domain.ports.oauth_state_store import OAuthStateStore
from tests.clock import ManualClock
from tests.contract.stores import Subject, manual_time, redis_subject
from tests.remote import RedisProcess, free_port

pytestmark = [pytest.mark.contract, pytest.mark.anyio]
NOW = datetime(2026, 11, 21, 9, 0, tzinfo=UTC)
GRANT = GrantScope(grant_id="g1", client_id="c1", subject="u1", scopes=frozenset({"mcp.read"}),
                   resource="https://mcp.example.test/mcp", tenant_id="t1", organization_id=None)


def redis_store(client: object, prefix: str) -> RedisOAuthStateStore:
    return RedisOAuthStateStore(client, prefix=prefix)  # type: ignore[arg-type]


@pytest.fixture(params=["memory", "redis"])
async def subject(request: pytest.FixtureRequest) -> AsyncIterator[Subject]:
    if request.param == "memory":
        clock = ManualClock()
        store: OAuthStateStore = InMemoryOAuthStateStore(clock)
        yield Subject(store, manual_time(clock))
        return
    redis: RedisProcess = request.getfixturevalue("redis_server")
    async with redis_subject(redis.url(), redis_store) as redis_backed:
        typed: OAuthStateStore = redis_backed.adapter
        yield Subject(typed, redis_backed.pass_seconds)


def client(client_id: str = "https://app.example.test/client.json") -> OAuthClient:
    return OAuthClient(client_id=client_id, client_name="App", redirect_uris=("https://a.test/cb",),
                       grant_types=("authorization_code", "refresh_token"), response_types=("code",),
                       token_endpoint_auth_method="client_secret_basic", scope="mcp.read", issued_at=NOW,
                       kind=ClientKind.METADATA_DOCUMENT, secret_hash="ab" * 32, client_uri="https://a.test")


def code() -> AuthorizationCode:
    return AuthorizationCode(grant=GRANT, redirect_uri="https://a.test/cb", code_challenge="c" * 43,
                             expires_at=NOW + timedelta(seconds=60))


def refresh() -> RefreshToken:
    return RefreshToken(grant=GRANT, issued_at=NOW, expires_at=NOW + timedelta(days=1))


async def test_records_round_trip(subject: Subject) -> None:
    store: OAuthStateStore = subject.adapter
    person = Person(subject="u1", email="a@b.test", tenant_id="t1", organization_id="o1", employee_id=None)
    consent = Consent(subject="u1", client_id="https://app.example.test/client.json", scopes=frozenset({"mcp.read"}),
                      redirect_uris=frozenset({"https://a.test/cb"}), granted_at=NOW)
    await store.save_client(client())
    await store.save_person(person)
    await store.save_consent(consent)
    assert await store.load_client(client().client_id) == client()
    assert await store.load_person("u1") == person
    assert await store.load_consent("u1", consent.client_id) == consent
    assert await store.load_client("nope") is None and await store.load_person("nope") is None
    assert await store.load_consent("u1", "other") is None


async def test_a_code_is_taken_once(subject: Subject) -> None:
    store: OAuthStateStore = subject.adapter
    await store.put_code("d1", code(), 60, 3600)
    assert await store.take_code("d1") == code()
    assert await store.take_code("d1") is None
    assert await store.code_grant("d1") == "g1"  # still known, so a replay can revoke


async def test_concurrent_takes_get_the_code_at_most_once(subject: Subject) -> None:
    store: OAuthStateStore = subject.adapter
    await store.put_code("d2", code(), 60, 3600)
    taken = await asyncio.gather(*(store.take_code("d2") for _ in range(20)))
    assert sum(result is not None for result in taken) == 1


async def test_codes_are_forgotten_after_their_ttl(subject: Subject) -> None:
    store: OAuthStateStore = subject.adapter
    await store.put_code("d3", code(), 1, 3)
    await subject.pass_seconds(1)
    assert await store.take_code("d3") is None
    assert await store.code_grant("d3") == "g1"
    await subject.pass_seconds(2)
    assert await store.code_grant("d3") is None


async def test_a_refresh_token_is_claimed_first_by_exactly_one(subject: Subject) -> None:
    store: OAuthStateStore = subject.adapter
    await store.put_refresh("r1", refresh(), 3600)
    claims = await asyncio.gather(*(store.claim_refresh("r1") for _ in range(20)))
    assert all(claim is not None and claim.token == refresh() for claim in claims)
    assert sum(claim is not None and not claim.already_used for claim in claims) == 1
    assert await store.claim_refresh("unknown") is None


async def test_loading_a_refresh_token_does_not_use_it(subject: Subject) -> None:
    store: OAuthStateStore = subject.adapter
    await store.put_refresh("r2", refresh(), 3600)
    loaded = await store.load_refresh("r2")
    assert loaded is not None and not loaded.already_used
    claimed = await store.claim_refresh("r2")
    assert claimed is not None and not claimed.already_used
    again = await store.load_refresh("r2")
    assert again is not None and again.already_used


async def test_revocations_and_access_tokens(subject: Subject) -> None:
    store: OAuthStateStore = subject.adapter
    assert not await store.grant_revoked("g1")
    await store.revoke_grant("g1", 3600)
    await store.revoke_grant("g1", 3600)  # idempotent
    assert await store.grant_revoked("g1")
    await store.put_access_token("j1", "g1", 900)
    assert await store.access_token_grant("j1") == "g1"
    await store.forget_access_token("j1")
    await store.forget_access_token("j1")
    assert await store.access_token_grant("j1") is None


async def test_access_tokens_are_forgotten_after_their_ttl(subject: Subject) -> None:
    store: OAuthStateStore = subject.adapter
    await store.put_access_token("j2", "g1", 1)
    await subject.pass_seconds(1)
    assert await store.access_token_grant("j2") is None


async def test_browser_sessions(subject: Subject) -> None:
    store: OAuthStateStore = subject.adapter
    session = BrowserSession(csrf_token="csrf", created_at=NOW, subject="u1")
    await store.save_browser_session("b1", session, 60)
    assert await store.load_browser_session("b1") == session
    await store.delete_browser_session("b1")
    await store.delete_browser_session("b1")
    assert await store.load_browser_session("b1") is None


async def test_unreachable_redis_is_a_storage_error() -> None:
    client = connect_redis(f"redis://127.0.0.1:{free_port()}/0")
    store: OAuthStateStore = RedisOAuthStateStore(client)
    try:
        with pytest.raises(StorageUnavailableError):
            await store.take_code("x")
        with pytest.raises(StorageUnavailableError):
            await store.claim_refresh("x")
    finally:
        await client.aclose()
