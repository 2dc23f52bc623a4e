"""SessionGate (application/remote_sessions.py): binding, refusal, sliding TTL."""

from __future__ import annotations

import pytest

from adapters.outbound.in_memory_sessions import InMemorySessionStore
from application.remote_sessions import SessionGate, new_session_key
from domain.errors import SessionRefusedError
from domain.session import Session
from tests.clock import ManualClock

pytestmark = pytest.mark.anyio


def gate(ttl: int = 60) -> tuple[SessionGate, InMemorySessionStore, ManualClock]:
    clock = ManualClock()
    store = InMemorySessionStore(clock)
    return SessionGate(store, clock, ttl_seconds=ttl), store, clock


async def test_entering_an_unknown_key_creates_a_session_bound_to_the_client() -> None:
    sessions, store, _ = gate()
    entered = await sessions.enter("k", "fp-a", "session-1")
    assert (await store.load("k")) == entered
    assert entered.fingerprint == "fp-a"
    assert await sessions.verify("k", "fp-a") is True


async def test_a_key_presented_by_another_client_is_refused() -> None:
    """OWASP Session Management: a session id bound to client properties is refused elsewhere."""
    sessions, _, _ = gate()
    await sessions.enter("k", "fp-a", "session-1")
    with pytest.raises(SessionRefusedError):
        await sessions.verify("k", "fp-b")
    with pytest.raises(SessionRefusedError):
        await sessions.enter("k", "fp-b", "session-1")


async def test_a_session_opened_elsewhere_than_remotely_is_never_adopted() -> None:
    sessions, store, clock = gate()
    await store.save(Session(key="stdio", subject="local", created_at=clock.now(), last_seen_at=clock.now()), 60)
    with pytest.raises(SessionRefusedError):
        await sessions.verify("stdio", "fp-a")


async def test_unknown_and_expired_keys_verify_false() -> None:
    sessions, _, clock = gate(ttl=10)
    assert await sessions.verify("nobody", "fp") is False
    await sessions.enter("k", "fp", "s")
    clock.advance(seconds=11)
    assert await sessions.verify("k", "fp") is False


async def test_use_slides_the_ttl() -> None:
    sessions, _, clock = gate(ttl=20)
    await sessions.enter("k", "fp", "s")
    for _ in range(4):
        clock.advance(seconds=15)
        await sessions.enter("k", "fp", "s")
    assert await sessions.verify("k", "fp") is True


def test_new_keys_are_long_and_unique() -> None:
    keys = {new_session_key() for _ in range(100)}
    assert len(keys) == 100
    assert all(len(key) >= 43 for key in keys)  # 256 bits, base64url


async def test_remembered_attributes_are_recalled_by_the_same_client_only() -> None:
    """Issue 13: a transport's handshake facts ride in the session, for any instance to read."""
    sessions, store, _ = gate()
    assert await sessions.recall("k", "fp-a") is None
    await sessions.remember("k", "fp-a", "session-1", {"mcp.protocol_version": "2025-11-25"})
    await sessions.remember("k", "fp-a", "session-1", {"other": "kept too"})
    recalled = await sessions.recall("k", "fp-a")
    assert recalled is not None and recalled.attributes == {"mcp.protocol_version": "2025-11-25", "other": "kept too"}
    with pytest.raises(SessionRefusedError):
        await sessions.recall("k", "fp-b")
    await sessions.forget("k")
    assert await store.load("k") is None
