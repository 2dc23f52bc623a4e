"""Server-sent events for a session (`GET /sse/events`): progress of its tool calls, keep-alives.

Subscribers live in this process: events reach streams opened on the instance that runs
the call (a load balancer with session affinity keeps the two together).
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from typing import Any

KEEP_ALIVE_SECONDS = 15.0
QUEUE_SIZE = 100


def sse_frame(event: str, data: Any) -> bytes:
    """One event in the text/event-stream format (HTML Living Standard §9.2.6)."""
    return f"event: {event}\ndata: {json.dumps(data, separators=(',', ':'))}\n\n".encode()


class EventHub:
    def __init__(self, *, keep_alive_seconds: float = KEEP_ALIVE_SECONDS) -> None:
        self._subscribers: dict[str, set[asyncio.Queue[bytes | None]]] = {}
        self._keep_alive = keep_alive_seconds

    def publish(self, session_key: str, event: str, data: Any) -> None:
        """Queue an event for every stream of the session; a stream too slow to keep up loses it."""
        frame = sse_frame(event, data)
        for queue in self._subscribers.get(session_key, ()):
            if queue.qsize() < QUEUE_SIZE:
                queue.put_nowait(frame)

    def close(self) -> None:
        """End every stream (shutdown): otherwise open streams would hold the server up."""
        for queues in self._subscribers.values():
            for queue in queues:
                queue.put_nowait(None)

    async def stream(self, session_key: str) -> AsyncIterator[bytes]:
        queue: asyncio.Queue[bytes | None] = asyncio.Queue()
        self._subscribers.setdefault(session_key, set()).add(queue)
        try:
            yield sse_frame("ready", {"keepAliveSeconds": self._keep_alive})
            while (frame := await self._next(queue)) is not None:
                yield frame
        finally:
            self._unsubscribe(session_key, queue)

    async def _next(self, queue: asyncio.Queue[bytes | None]) -> bytes | None:
        try:
            return await asyncio.wait_for(queue.get(), self._keep_alive)
        except TimeoutError:
            return b": keep-alive\n\n"  # a comment line: keeps proxies from closing an idle stream

    def _unsubscribe(self, session_key: str, queue: asyncio.Queue[bytes | None]) -> None:
        queues = self._subscribers.get(session_key)
        if queues is not None:
            queues.discard(queue)
            if not queues:
                del self._subscribers[session_key]
