"""One pooled Redis client for sessions and rate limits, and the translation of its errors."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from redis.asyncio import Redis
from redis.asyncio.retry import Retry
from redis.backoff import ExponentialWithJitterBackoff
from redis.exceptions import RedisError

from domain.errors import StorageUnavailableError

# Short timeouts: a request waiting on a dead Redis should fail in about a second, not hang.
SOCKET_TIMEOUT = 1.0


def connect_redis(url: str) -> Redis:
    """A lazily connecting client; nothing is contacted until the first command."""
    # One quick retry: a pooled connection that died with a Redis restart fails once, then reconnects.
    retry = Retry(ExponentialWithJitterBackoff(base=0.01, cap=0.1), retries=1)
    return Redis.from_url(url, socket_timeout=SOCKET_TIMEOUT, socket_connect_timeout=SOCKET_TIMEOUT,
                          decode_responses=False, retry=retry)


@contextmanager
def redis_errors(what: str) -> Iterator[None]:
    """Turn Redis and socket failures into `StorageUnavailableError`."""
    try:
        yield
    except (RedisError, OSError) as error:
        raise StorageUnavailableError(
            f"The {what} store (Redis) is unavailable.",
            hint="Try again shortly; if it persists, check REDIS_URL and that Redis is running.",
        ) from error


async def ping(client: Redis) -> None:
    """Readiness probe: raises `StorageUnavailableError` when Redis does not answer."""
    with redis_errors("session"):
        await client.ping()
