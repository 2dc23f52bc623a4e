"""Event buses: one process (queues in memory), or the fleet (Redis pub/sub, one channel)."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator

from redis.asyncio import Redis
from redis.exceptions import RedisError

from adapters.outbound.redis_connection import redis_errors

log = logging.getLogger("gauzy_mcp.events")
CHANNEL = "gauzy-mcp:events"
QUEUE_SIZE = 1000
RECONNECT_SECONDS = 0.5
POLL_SECONDS = 1.0  # below the client's socket timeout, so an idle subscription is not an error


def packed(topic: str, payload: bytes) -> bytes:
    return topic.encode("utf-8") + b"\n" + payload


def unpacked(message: bytes) -> tuple[str, bytes]:
    topic, _, payload = message.partition(b"\n")
    return topic.decode("utf-8"), payload


class InMemoryEventBus:
    def __init__(self) -> None:
        self._listeners: set[asyncio.Queue[tuple[str, bytes]]] = set()

    async def publish(self, topic: str, payload: bytes) -> None:
        for queue in self._listeners:
            if queue.qsize() < QUEUE_SIZE:  # a listener too slow to keep up loses messages
                queue.put_nowait((topic, payload))

    async def messages(self) -> AsyncIterator[tuple[str, bytes]]:
        queue: asyncio.Queue[tuple[str, bytes]] = asyncio.Queue()
        self._listeners.add(queue)
        try:
            while True:
                yield await queue.get()
        finally:
            self._listeners.discard(queue)


class RedisEventBus:
    """All topics share one channel: each instance holds one subscription, whatever the number
    of streams, and picks out the topics it has listeners for."""

    def __init__(self, client: Redis, *, channel: str = CHANNEL) -> None:
        self._client = client
        self._channel = channel

    async def publish(self, topic: str, payload: bytes) -> None:
        with redis_errors("event"):
            await self._client.publish(self._channel, packed(topic, payload))

    async def messages(self) -> AsyncIterator[tuple[str, bytes]]:
        lost = False
        while True:
            try:
                async for message in self._subscribed():
                    lost = False
                    yield message
            except (RedisError, OSError) as error:
                if not lost:  # once per outage, not once per reconnection attempt
                    log.warning("event subscription lost (%s); reconnecting", type(error).__name__)
                lost = True
                await asyncio.sleep(RECONNECT_SECONDS)

    async def _subscribed(self) -> AsyncIterator[tuple[str, bytes]]:
        async with self._client.pubsub(ignore_subscribe_messages=True) as pubsub:
            await pubsub.subscribe(self._channel)
            while True:
                message = await pubsub.get_message(timeout=POLL_SECONDS)
                if message is not None and message.get("type") == "message":
                    yield unpacked(message["data"])
