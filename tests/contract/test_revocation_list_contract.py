"""The RevocationList port's contract (domain/ports/revocation_list.py), run on every adapter."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from adapters.outbound.redis_connection import connect_redis
from adapters.outbound.revocation_lists import InMemoryRevocationList, RedisRevocationList
from domain.errors import StorageUnavailableError
from domain.ports.revocation_list import RevocationList
from tests.clock import ManualClock
from tests.contract.stores import Subject, manual_time, redis_subject
from tests.remote import RedisProcess, free_port

pytestmark = [pytest.mark.contract, pytest.mark.anyio]


def redis_list(client: object, prefix: str) -> RedisRevocationList:
    return RedisRevocationList(client, prefix=prefix)  # type: ignore[arg-type]


@pytest.fixture(params=["memory", "redis"])
async def subject(request: pytest.FixtureRequest) -> AsyncIterator[Subject]:
    if request.param == "memory":
        clock = ManualClock()
        revocations: RevocationList = InMemoryRevocationList(clock)
        yield Subject(revocations, manual_time(clock))
        return
    redis: RedisProcess = request.getfixturevalue("redis_server")
    async with redis_subject(redis.url(), redis_list) as redis_backed:
        yield redis_backed


async def test_nothing_is_revoked_at_first(subject: Subject) -> None:
    assert not await subject.adapter.is_revoked("jti-1", "grant-1")
    assert not await subject.adapter.is_revoked(None, None)


async def test_a_revoked_token_is_found_by_its_id_only(subject: Subject) -> None:
    await subject.adapter.revoke_token("jti-1", 60)
    assert await subject.adapter.is_revoked("jti-1", None)
    assert await subject.adapter.is_revoked("jti-1", "grant-1")
    assert not await subject.adapter.is_revoked("jti-2", "grant-1")


async def test_a_revoked_grant_covers_every_token_of_it(subject: Subject) -> None:
    await subject.adapter.revoke_grant("grant-1", 60)
    assert await subject.adapter.is_revoked("any-jti", "grant-1")
    assert await subject.adapter.is_revoked(None, "grant-1")
    assert not await subject.adapter.is_revoked("grant-1", None)  # token and grant ids are apart


async def test_an_entry_lasts_its_ttl_and_no_longer(subject: Subject) -> None:
    await subject.adapter.revoke_token("jti-1", 1)
    await subject.adapter.revoke_grant("grant-1", 0)  # nothing left to refuse: nothing stored
    assert await subject.adapter.is_revoked("jti-1", None)
    assert not await subject.adapter.is_revoked(None, "grant-1")
    await subject.pass_seconds(1)
    assert not await subject.adapter.is_revoked("jti-1", None)


async def test_an_unreachable_redis_raises_storage_unavailable() -> None:
    client = connect_redis(f"redis://127.0.0.1:{free_port()}/0")
    try:
        revocations = RedisRevocationList(client)
        with pytest.raises(StorageUnavailableError):
            await revocations.is_revoked("jti", "grant")
        with pytest.raises(StorageUnavailableError):
            await revocations.revoke_token("jti", 60)
    finally:
        await client.aclose()
