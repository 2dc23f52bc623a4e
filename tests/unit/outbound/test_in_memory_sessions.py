from __future__ import annotations

from datetime import UTC, datetime

import pytest

from adapters.outbound.in_memory_sessions import SWEEP_EVERY, InMemorySessionStore
from domain.ports import SessionStore
from domain.session import Session
from tests.clock import ManualClock


def session(key: str) -> Session:
    now = datetime(2026, 11, 21, tzinfo=UTC)
    return Session(key=key, subject="s", created_at=now, last_seen_at=now)


@pytest.mark.anyio
async def test_expired_sessions_nobody_loads_are_swept() -> None:
    clock = ManualClock()
    store = InMemorySessionStore(clock)
    typed: SessionStore = store
    for i in range(SWEEP_EVERY - 1):
        await typed.save(session(f"old-{i}"), ttl_seconds=60)
    clock.advance(seconds=61)
    await typed.save(session("new"), ttl_seconds=60)  # the sweep runs on this save
    assert store.size == 1 and await typed.load("new") is not None
