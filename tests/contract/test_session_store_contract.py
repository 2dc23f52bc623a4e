"""The SessionStore port's contract (domain/ports/session_store.py), run on every adapter."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import pytest

from adapters.outbound.in_memory_sessions import InMemorySessionStore
from adapters.outbound.redis_connection import connect_redis
from adapters.outbound.redis_sessions import RedisSessionStore
from adapters.outbound.token_cipher import AesGcmTokenCipher
from domain.errors import StorageUnavailableError
from domain.ports import SessionStore
from domain.principal import GauzyCredential
from domain.session import Session
from tests.clock import ManualClock
from tests.contract.stores import Subject, manual_time, redis_subject
from tests.remote import RedisProcess, free_port

pytestmark = [pytest.mark.contract, pytest.mark.anyio]
CIPHER = AesGcmTokenCipher("contract-test-secret")


def redis_store(client: object, prefix: str) -> RedisSessionStore:
    return RedisSessionStore(client, CIPHER, prefix=prefix)  # type: ignore[arg-type]


@pytest.fixture(params=["memory", "redis"])
async def subject(request: pytest.FixtureRequest) -> AsyncIterator[Subject]:
    if request.param == "memory":
        clock = ManualClock()
        store: SessionStore = InMemorySessionStore(clock)
        yield Subject(store, manual_time(clock))
        return
    redis: RedisProcess = request.getfixturevalue("redis_server")
    async with redis_subject(redis.url(), redis_store) as redis_backed:
        yield redis_backed


def session(key: str = "k1", *, signed_in: bool = True) -> Session:
    now = datetime(2026, 11, 21, 9, 0, tzinfo=UTC)
    credential = GauzyCredential(access_token="access-secret", refresh_token="refresh-secret", tenant_id="t1",
                                 organization_id="o1", user_id="u1", employee_id="e1", email="a@example.com",
                                 expires_at=now + timedelta(hours=1))
    return Session(key=key, subject="session-x", created_at=now, last_seen_at=now,
                   credential=credential if signed_in else None, fingerprint="fp", attributes={"a": "b"})


async def test_an_absent_key_loads_as_none(subject: Subject) -> None:
    assert await subject.adapter.load("nobody") is None


async def test_a_saved_session_loads_back_whole(subject: Subject) -> None:
    saved = session()
    await subject.adapter.save(saved, 60)
    loaded = await subject.adapter.load("k1")
    assert loaded == saved
    assert loaded.credential.access_token == "access-secret"
    assert loaded.credential.refresh_token == "refresh-secret"


async def test_a_session_without_credential_round_trips(subject: Subject) -> None:
    await subject.adapter.save(session(signed_in=False), 60)
    assert (await subject.adapter.load("k1")).credential is None


async def test_a_session_is_gone_after_its_ttl(subject: Subject) -> None:
    await subject.adapter.save(session(), 1)
    await subject.pass_seconds(1)
    assert await subject.adapter.load("k1") is None


async def test_each_save_restarts_the_ttl(subject: Subject) -> None:
    await subject.adapter.save(session(), 1)
    await subject.pass_seconds(0.6)
    await subject.adapter.save(session(), 1)
    await subject.pass_seconds(0.6)
    assert await subject.adapter.load("k1") is not None


async def test_delete_removes_and_tolerates_absent_keys(subject: Subject) -> None:
    await subject.adapter.save(session(), 60)
    await subject.adapter.delete("k1")
    await subject.adapter.delete("k1")
    assert await subject.adapter.load("k1") is None


async def test_keys_lists_the_live_sessions(subject: Subject) -> None:
    await subject.adapter.save(session("k1"), 60)
    await subject.adapter.save(session("k2"), 1)
    await subject.pass_seconds(1)
    assert await subject.adapter.keys() == ["k1"]


async def test_unreachable_storage_raises_storage_unavailable() -> None:
    client = connect_redis(f"redis://127.0.0.1:{free_port()}/0")
    store: SessionStore = RedisSessionStore(client, CIPHER)
    try:
        with pytest.raises(StorageUnavailableError):
            await store.load("k1")
        with pytest.raises(StorageUnavailableError):
            await store.save(session(), 60)
    finally:
        await client.aclose()
