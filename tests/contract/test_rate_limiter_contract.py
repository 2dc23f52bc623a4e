"""The RateLimiter port's contract (domain/ports/rate_limiter.py), run on every adapter."""

from __future__ import annotations

from collections.abc import AsyncIterator

import anyio
import pytest

from adapters.outbound.rate_limiters import InMemoryRateLimiter, RedisRateLimiter
from adapters.outbound.redis_connection import connect_redis
from domain.errors import StorageUnavailableError
from domain.ports import RateDecision, RateLimiter
from tests.clock import ManualClock
from tests.contract.stores import Subject, manual_time, redis_subject
from tests.remote import RedisProcess, free_port

pytestmark = [pytest.mark.contract, pytest.mark.anyio]


def redis_limiter(client: object, prefix: str) -> RedisRateLimiter:
    return RedisRateLimiter(client, prefix=prefix)  # type: ignore[arg-type]


@pytest.fixture(params=["memory", "redis"])
async def subject(request: pytest.FixtureRequest) -> AsyncIterator[Subject]:
    if request.param == "memory":
        clock = ManualClock()
        limiter: RateLimiter = InMemoryRateLimiter(clock)
        yield Subject(limiter, manual_time(clock))
        return
    redis: RedisProcess = request.getfixturevalue("redis_server")
    async with redis_subject(redis.url(), redis_limiter) as redis_backed:
        yield redis_backed


async def hits(subject: Subject, key: str, count: int, *, limit: int = 3, window: int = 60) -> list[RateDecision]:
    return [await subject.adapter.hit(key, limit=limit, window_seconds=window) for _ in range(count)]


async def test_requests_within_the_limit_pass_and_count_down(subject: Subject) -> None:
    decisions = await hits(subject, "client", 3)
    assert [d.allowed for d in decisions] == [True, True, True]
    assert [d.remaining for d in decisions] == [2, 1, 0]
    assert all(d.limit == 3 and 1 <= d.reset_after <= 60 for d in decisions)


async def test_the_request_past_the_limit_is_refused(subject: Subject) -> None:
    *_, refused = await hits(subject, "client", 4)
    assert not refused.allowed
    assert refused.remaining == 0
    assert 1 <= refused.reset_after <= 60


async def test_keys_are_counted_apart(subject: Subject) -> None:
    await hits(subject, "one", 4)
    assert (await hits(subject, "two", 1))[0].allowed


async def test_a_new_window_starts_after_the_old_one_ends(subject: Subject) -> None:
    await hits(subject, "client", 4, window=1)
    await subject.pass_seconds(1)
    fresh = (await hits(subject, "client", 1, window=1))[0]
    assert fresh.allowed
    assert fresh.remaining == 2


async def test_concurrent_hits_never_share_the_last_slot(subject: Subject) -> None:
    allowed: list[bool] = []

    async def hit() -> None:
        decision = await subject.adapter.hit("busy", limit=10, window_seconds=60)
        allowed.append(decision.allowed)

    async with anyio.create_task_group() as tg:
        for _ in range(40):
            tg.start_soon(hit)
    assert allowed.count(True) == 10


async def test_unreachable_storage_raises_storage_unavailable() -> None:
    client = connect_redis(f"redis://127.0.0.1:{free_port()}/0")
    limiter: RateLimiter = RedisRateLimiter(client)
    try:
        with pytest.raises(StorageUnavailableError):
            await limiter.hit("client", limit=3, window_seconds=60)
    finally:
        await client.aclose()
