"""Sessions of remote (HTTP and WebSocket) callers: bound to the client that opened them.

A session key is a bearer secret: whoever presents it acts as the session's Gauzy user. To
make a stolen key less useful, each session remembers a fingerprint of the client that
opened it (address and user agent, hashed by the inbound adapter) and a key presented with
another fingerprint is refused (OWASP Session Management Cheat Sheet, "Binding the Session
ID to Other User Properties").
"""

from __future__ import annotations

import hmac
import secrets
from collections.abc import Mapping
from dataclasses import replace
from datetime import timedelta

from domain.errors import SessionRefusedError
from domain.ports import Clock, SessionStore
from domain.session import Session

# 256 bits from the OS CSPRNG (OWASP: at least 64 bits of entropy).
KEY_BYTES = 32


def new_session_key() -> str:
    return secrets.token_urlsafe(KEY_BYTES)


class SessionGate:
    """Finds, creates and refreshes the session a remote request presents."""

    def __init__(self, sessions: SessionStore, clock: Clock, *, ttl_seconds: int) -> None:
        self._sessions = sessions
        self._clock = clock
        self._ttl = ttl_seconds
        # Refreshing the TTL on every request would cost a write per request; a fraction of
        # the TTL is precise enough for a sliding expiry measured in minutes.
        self._touch_every = timedelta(seconds=min(60.0, ttl_seconds / 4))

    async def verify(self, key: str, fingerprint: str) -> bool:
        """True if `key` is a live session of this client, False if unknown or expired;
        a live session of another client raises `SessionRefusedError`."""
        session = await self._sessions.load(key)
        if session is None:
            return False
        _check_binding(session, fingerprint)
        return True

    async def enter(self, key: str, fingerprint: str, subject: str) -> Session:
        """The session under `key`, created (bound to `fingerprint`) when absent, its TTL slid."""
        now = self._clock.now()
        session = await self._sessions.load(key)
        if session is None:
            session = Session(key=key, subject=subject, created_at=now, last_seen_at=now, fingerprint=fingerprint)
            await self._sessions.save(session, self._ttl)
            return session
        _check_binding(session, fingerprint)
        if now - session.last_seen_at >= self._touch_every:
            session = session.seen(now)
            await self._sessions.save(session, self._ttl)
        return session

    async def recall(self, key: str, fingerprint: str) -> Session | None:
        """The live session under `key` if it is this client's, None if unknown or expired; a
        session of another client raises `SessionRefusedError`."""
        session = await self._sessions.load(key)
        if session is not None:
            _check_binding(session, fingerprint)
        return session

    async def remember(self, key: str, fingerprint: str, subject: str, attributes: Mapping[str, str]) -> None:
        """Add `attributes` to the session under `key` (created when absent), so any instance
        can carry it on (a transport's handshake facts, say)."""
        session = await self.enter(key, fingerprint, subject)
        merged = replace(session, attributes={**session.attributes, **attributes}, last_seen_at=self._clock.now())
        await self._sessions.save(merged, self._ttl)

    async def forget(self, key: str) -> None:
        await self._sessions.delete(key)


    async def leave(self, key: str) -> None:
        """The connection that opened `key` has closed: forget the session unless it holds a
        Gauzy sign-in (which a reconnecting client may still present; the store bounds and
        expires those)."""
        session = await self._sessions.load(key)
        if session is not None and session.credential is None:
            await self._sessions.delete(key)


def _check_binding(session: Session, fingerprint: str) -> None:
    # A session without a fingerprint was not opened remotely (stdio's, say): never adopt it.
    if session.fingerprint is None or not hmac.compare_digest(session.fingerprint, fingerprint):
        raise SessionRefusedError(
            "This session belongs to another client (address or user agent changed).",
            hint="Drop the session cookie and start a new session.",
        )
