from __future__ import annotations

from typing import Protocol

from domain.session import Session


class SessionStore(Protocol):
    """Where sessions (and the Gauzy credentials in them) live between requests.

    Contract:
    - `load` returns the session stored under `key`, or None when absent or expired.
    - `save` stores it for `ttl_seconds` (sliding: each save restarts the TTL).
    - `delete` removes it; deleting an absent key is not an error.
    - `keys` lists live keys (for the session-management tools); it may be approximate
      under concurrent writes.
    - Unreachable storage raises `StorageUnavailableError`.
    It does not promise: atomic read-modify-write across instances (last save wins).
    """

    async def load(self, key: str) -> Session | None: ...

    async def save(self, session: Session, ttl_seconds: int) -> None: ...

    async def delete(self, key: str) -> None: ...

    async def keys(self) -> list[str]: ...
