"""Revoked access tokens: in this process's memory, or in Redis shared by the authorization
server and every resource server of the fleet."""

from __future__ import annotations

from datetime import datetime, timedelta

from redis.asyncio import Redis

from adapters.outbound.redis_connection import redis_errors
from domain.ports import Clock

PREFIX = "gauzy-mcp:revoked:"


def entries(token_id: str | None, grant_id: str | None) -> list[str]:
    return [f"{kind}:{name}" for kind, name in (("token", token_id), ("grant", grant_id)) if name]


class InMemoryRevocationList:
    def __init__(self, clock: Clock) -> None:
        self._clock = clock
        self._until: dict[str, datetime] = {}

    async def revoke_token(self, token_id: str, ttl_seconds: int) -> None:
        self._add(entries(token_id, None), ttl_seconds)

    async def revoke_grant(self, grant_id: str, ttl_seconds: int) -> None:
        self._add(entries(None, grant_id), ttl_seconds)

    async def is_revoked(self, token_id: str | None, grant_id: str | None) -> bool:
        now = self._clock.now()
        return any(self._until.get(entry, now) > now for entry in entries(token_id, grant_id))

    def _add(self, names: list[str], ttl_seconds: int) -> None:
        if ttl_seconds <= 0:
            return
        now = self._clock.now()
        self._until = {name: until for name, until in self._until.items() if until > now}  # expired ones go
        for name in names:
            self._until[name] = now + timedelta(seconds=ttl_seconds)


class RedisRevocationList:
    def __init__(self, client: Redis, *, prefix: str = PREFIX) -> None:
        self._client = client
        self._prefix = prefix

    async def revoke_token(self, token_id: str, ttl_seconds: int) -> None:
        await self._add(entries(token_id, None), ttl_seconds)

    async def revoke_grant(self, grant_id: str, ttl_seconds: int) -> None:
        await self._add(entries(None, grant_id), ttl_seconds)

    async def is_revoked(self, token_id: str | None, grant_id: str | None) -> bool:
        names = entries(token_id, grant_id)
        if not names:
            return False
        with redis_errors("revocation"):
            found = await self._client.exists(*(self._prefix + name for name in names))  # one round trip
        return int(found) > 0

    async def _add(self, names: list[str], ttl_seconds: int) -> None:
        if ttl_seconds <= 0:
            return
        with redis_errors("revocation"):
            for name in names:
                await self._client.set(self._prefix + name, b"1", ex=ttl_seconds)
