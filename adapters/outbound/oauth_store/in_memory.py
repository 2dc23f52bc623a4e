"""The authorization server's state in this process's memory: the default with no Redis.

Single-process only; asyncio runs one coroutine at a time between awaits, and no method awaits
in the middle of a read-modify-write, so `take_code` and `claim_refresh` are atomic here.
"""

from __future__ import annotations

from typing import Any

from domain.oauth.model import (
    AuthorizationCode,
    BrowserSession,
    Consent,
    OAuthClient,
    Person,
    RefreshClaim,
    RefreshToken,
)
from domain.ports.clock import Clock


class _Expiring:
    """A dict whose entries vanish `ttl` seconds (by the clock) after they were written."""

    def __init__(self, clock: Clock) -> None:
        self._clock = clock
        self._items: dict[str, tuple[Any, float | None]] = {}

    def put(self, key: str, value: Any, ttl: int | None = None) -> None:
        expires = None if ttl is None else self._clock.now().timestamp() + ttl
        self._items[key] = (value, expires)
        if len(self._items) % 1024 == 0:
            self._sweep()

    def get(self, key: str) -> Any:
        entry = self._items.get(key)
        if entry is None:
            return None
        value, expires = entry
        if expires is not None and self._clock.now().timestamp() >= expires:
            del self._items[key]
            return None
        return value

    def pop(self, key: str) -> Any:
        value = self.get(key)
        self._items.pop(key, None)
        return value

    def _sweep(self) -> None:
        now = self._clock.now().timestamp()
        for key in [k for k, (_, expires) in self._items.items() if expires is not None and now >= expires]:
            del self._items[key]


class InMemoryOAuthStateStore:
    def __init__(self, clock: Clock) -> None:
        self._clients = _Expiring(clock)
        self._people = _Expiring(clock)
        self._consents = _Expiring(clock)
        self._codes = _Expiring(clock)
        self._code_grants = _Expiring(clock)
        self._refresh = _Expiring(clock)
        self._refresh_used = _Expiring(clock)
        self._revoked = _Expiring(clock)
        self._access = _Expiring(clock)
        self._browser = _Expiring(clock)

    async def save_client(self, client: OAuthClient) -> None:
        self._clients.put(client.client_id, client)

    async def load_client(self, client_id: str) -> OAuthClient | None:
        found: OAuthClient | None = self._clients.get(client_id)
        return found

    async def save_person(self, person: Person) -> None:
        self._people.put(person.subject, person)

    async def load_person(self, subject: str) -> Person | None:
        found: Person | None = self._people.get(subject)
        return found

    async def save_consent(self, consent: Consent) -> None:
        self._consents.put(f"{consent.subject}\n{consent.client_id}", consent)

    async def load_consent(self, subject: str, client_id: str) -> Consent | None:
        found: Consent | None = self._consents.get(f"{subject}\n{client_id}")
        return found

    async def put_code(self, digest: str, code: AuthorizationCode, ttl_seconds: int, remember_seconds: int) -> None:
        self._codes.put(digest, code, ttl_seconds)
        self._code_grants.put(digest, code.grant.grant_id, remember_seconds)

    async def take_code(self, digest: str) -> AuthorizationCode | None:
        found: AuthorizationCode | None = self._codes.pop(digest)
        return found

    async def code_grant(self, digest: str) -> str | None:
        found: str | None = self._code_grants.get(digest)
        return found

    async def put_refresh(self, digest: str, token: RefreshToken, ttl_seconds: int) -> None:
        self._refresh.put(digest, token, ttl_seconds)

    async def claim_refresh(self, digest: str) -> RefreshClaim | None:
        token: RefreshToken | None = self._refresh.get(digest)
        if token is None:
            return None
        used = self._refresh_used.get(digest) is not None
        self._refresh_used.put(digest, True, max(1, int(token.expires_at.timestamp() - token.issued_at.timestamp())))
        return RefreshClaim(token=token, already_used=used)

    async def load_refresh(self, digest: str) -> RefreshClaim | None:
        token: RefreshToken | None = self._refresh.get(digest)
        if token is None:
            return None
        return RefreshClaim(token=token, already_used=self._refresh_used.get(digest) is not None)

    async def revoke_grant(self, grant_id: str, ttl_seconds: int) -> None:
        self._revoked.put(grant_id, True, ttl_seconds)

    async def grant_revoked(self, grant_id: str) -> bool:
        return self._revoked.get(grant_id) is not None

    async def put_access_token(self, jti: str, grant_id: str, ttl_seconds: int) -> None:
        self._access.put(jti, grant_id, ttl_seconds)

    async def access_token_grant(self, jti: str) -> str | None:
        found: str | None = self._access.get(jti)
        return found

    async def forget_access_token(self, jti: str) -> None:
        self._access.pop(jti)

    async def save_browser_session(self, digest: str, session: BrowserSession, ttl_seconds: int) -> None:
        self._browser.put(digest, session, ttl_seconds)

    async def load_browser_session(self, digest: str) -> BrowserSession | None:
        found: BrowserSession | None = self._browser.get(digest)
        return found

    async def delete_browser_session(self, digest: str) -> None:
        self._browser.pop(digest)
