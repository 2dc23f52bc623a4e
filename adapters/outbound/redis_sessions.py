"""Sessions in Redis: shared by every instance, sliding TTL, Gauzy tokens sealed at rest."""

from __future__ import annotations

from redis.asyncio import Redis

from adapters.outbound.redis_connection import ping, redis_errors
from adapters.outbound.session_codec import Cipher, decode_session, encode_session
from domain.session import Session

PREFIX = "gauzy-mcp:session:"


class RedisSessionStore:
    def __init__(self, client: Redis, cipher: Cipher, *, prefix: str = PREFIX) -> None:
        self._client = client
        self._cipher = cipher
        self._prefix = prefix

    async def load(self, key: str) -> Session | None:
        with redis_errors("session"):
            raw = await self._client.get(self._prefix + key)
        return None if raw is None else decode_session(raw, self._cipher)

    async def save(self, session: Session, ttl_seconds: int) -> None:
        # SET ... EX restarts the expiry on every save: the sliding TTL the port promises.
        with redis_errors("session"):
            await self._client.set(self._prefix + session.key, encode_session(session, self._cipher),
                                   ex=ttl_seconds)

    async def delete(self, key: str) -> None:
        with redis_errors("session"):
            await self._client.delete(self._prefix + key)

    async def keys(self) -> list[str]:
        with redis_errors("session"):
            found = [raw async for raw in self._client.scan_iter(match=self._prefix + "*", count=500)]
        return [raw.decode("utf-8").removeprefix(self._prefix) for raw in found]

    async def check_health(self) -> None:
        await ping(self._client)
