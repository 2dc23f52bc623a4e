"""The adapters under contract, and how to let time pass for each (a clock, or real seconds)."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

import anyio

from adapters.outbound.redis_connection import connect_redis
from tests.clock import ManualClock


@dataclass
class Subject:
    adapter: Any
    pass_seconds: Callable[[float], Awaitable[None]]


def manual_time(clock: ManualClock) -> Callable[[float], Awaitable[None]]:
    async def advance(seconds: float) -> None:
        clock.advance(seconds=seconds)

    return advance


async def real_time(seconds: float) -> None:
    await anyio.sleep(seconds + 0.15)  # Redis expiry is millisecond-precise; leave a margin


@asynccontextmanager
async def redis_subject(url: str, build: Callable[[Any, str], Any]) -> AsyncIterator[Subject]:
    """A Redis-backed adapter under a prefix of its own, so tests never see each other's keys."""
    client = connect_redis(url)
    try:
        yield Subject(build(client, f"test-{uuid.uuid4().hex}:"), real_time)
    finally:
        await client.aclose()
