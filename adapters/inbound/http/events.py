"""Server-sent events for a session (`GET /sse/events`): progress of its tool calls, keep-alives.

Events go through the `EventBus` (Redis pub/sub in a fleet), and each instance relays what
arrives to the streams it holds: a call served by one instance reaches the client whose
stream another instance holds, with no session affinity.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import AsyncIterator
from typing import Any

from domain.errors import StorageUnavailableError
from domain.ports.event_bus import EventBus

KEEP_ALIVE_SECONDS = 15.0
QUEUE_SIZE = 100
log = logging.getLogger("gauzy_mcp.events")


def sse_frame(event: str, data: Any) -> bytes:
    """One event in the text/event-stream format (HTML Living Standard §9.2.6)."""
    return f"event: {event}\ndata: {json.dumps(data, separators=(',', ':'))}\n\n".encode()


class EventHub:
    def __init__(self, bus: EventBus, *, keep_alive_seconds: float = KEEP_ALIVE_SECONDS) -> None:
        self._bus = bus
        self._subscribers: dict[str, set[asyncio.Queue[bytes | None]]] = {}
        self._keep_alive = keep_alive_seconds

    async def publish(self, session_key: str, event: str, data: Any) -> None:
        """Send an event to every stream of the session, whichever instance holds it."""
        frame = sse_frame(event, data)
        try:
            await self._bus.publish(session_key, frame)
        except StorageUnavailableError:
            self._deliver(session_key, frame)  # the bus is down: the streams held here still get it

    async def relay(self) -> None:
        """Run while serving: hand what the bus brings to this instance's streams."""
        async for session_key, frame in self._bus.messages():
            self._deliver(session_key, frame)

    def _deliver(self, session_key: str, frame: bytes) -> None:
        """Queue a frame for every stream of the session here; a stream too slow to keep up loses it."""
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
