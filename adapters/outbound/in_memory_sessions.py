"""Sessions in this process's memory: the default when no Redis is configured."""

from __future__ import annotations

from datetime import timedelta

from domain.ports import Clock
from domain.session import Session

SWEEP_EVERY = 256  # saves between sweeps of expired sessions


class InMemorySessionStore:
    def __init__(self, clock: Clock) -> None:
        self._clock = clock
        self._sessions: dict[str, tuple[Session, float]] = {}
        self._saves = 0

    async def load(self, key: str) -> Session | None:
        entry = self._sessions.get(key)
        if entry is None:
            return None
        session, expires = entry
        if self._clock.now().timestamp() >= expires:
            del self._sessions[key]
            return None
        return session

    async def save(self, session: Session, ttl_seconds: int) -> None:
        expires = self._clock.now() + timedelta(seconds=ttl_seconds)
        self._sessions[session.key] = (session, expires.timestamp())
        self._saves += 1
        if self._saves % SWEEP_EVERY == 0:
            self._sweep()

    def _sweep(self) -> None:
        """Drop expired sessions nobody loads again, so cookie-less clients cannot grow memory forever."""
        now = self._clock.now().timestamp()
        for key in [key for key, (_, expires) in self._sessions.items() if expires <= now]:
            del self._sessions[key]

    @property
    def size(self) -> int:
        """Entries held, expired ones not yet swept included (a store is never falsy: no __len__)."""
        return len(self._sessions)

    async def delete(self, key: str) -> None:
        self._sessions.pop(key, None)

    async def keys(self) -> list[str]:
        return [key for key in list(self._sessions) if await self.load(key) is not None]
