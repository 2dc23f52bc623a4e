"""Fixed-window request counters: in this process's memory, or in Redis shared by all instances."""

from __future__ import annotations

import math

from redis.asyncio import Redis

from adapters.outbound.redis_connection import redis_errors
from domain.ports import Clock, RateDecision

PREFIX = "gauzy-mcp:throttle:"

# INCR and EXPIRE in one script so the count and the window's start are set atomically:
# two separate commands could leave a key without expiry if the client died in between.
HIT_SCRIPT = """
local count = redis.call('INCR', KEYS[1])
if count == 1 then
  redis.call('EXPIRE', KEYS[1], ARGV[1])
end
local ttl = redis.call('TTL', KEYS[1])
if ttl < 0 then
  redis.call('EXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {count, ttl}
"""


def decide(count: int, limit: int, reset_after: int) -> RateDecision:
    return RateDecision(allowed=count <= limit, limit=limit, remaining=max(limit - count, 0),
                        reset_after=max(reset_after, 1))


class InMemoryRateLimiter:
    def __init__(self, clock: Clock) -> None:
        self._clock = clock
        self._windows: dict[str, tuple[float, int]] = {}
        self._next_sweep = 0.0

    async def hit(self, key: str, *, limit: int, window_seconds: int) -> RateDecision:
        now = self._clock.now().timestamp()
        ends, count = self._windows.get(key, (0.0, 0))
        if now >= ends:
            self._sweep(now, window_seconds)
            ends, count = now + window_seconds, 0
        self._windows[key] = (ends, count + 1)
        return decide(count + 1, limit, math.ceil(ends - now))

    def _sweep(self, now: float, window_seconds: int) -> None:
        # Bounded memory: ended windows are dropped, at most once per window length.
        if now < self._next_sweep:
            return
        self._next_sweep = now + window_seconds
        for stale in [k for k, (ends, _) in self._windows.items() if now >= ends]:
            del self._windows[stale]


class RedisRateLimiter:
    def __init__(self, client: Redis, *, prefix: str = PREFIX) -> None:
        self._script = client.register_script(HIT_SCRIPT)
        self._prefix = prefix

    async def hit(self, key: str, *, limit: int, window_seconds: int) -> RateDecision:
        with redis_errors("rate-limit"):
            count, ttl = await self._script(keys=[self._prefix + key], args=[window_seconds])
        return decide(int(count), limit, int(ttl))
