"""EventHub (adapters/inbound/http/events.py): per-session events, keep-alive comments, shutdown."""

from __future__ import annotations

import anyio
import anyio.lowlevel
import pytest

from adapters.inbound.http.events import EventHub
from adapters.outbound.event_buses import InMemoryEventBus

pytestmark = pytest.mark.anyio


async def test_a_stream_gets_its_sessions_events_and_keep_alives_only() -> None:
    bus = InMemoryEventBus()
    hub = EventHub(bus, keep_alive_seconds=0.05)
    async with anyio.create_task_group() as relaying:
        relaying.start_soon(hub.relay)
        stream = hub.stream("mine")
        assert (await anext(stream)).startswith(b"event: ready")
        await anyio.lowlevel.checkpoint()  # the relay is listening
        await hub.publish("theirs", "progress", {"n": 0})
        await hub.publish("mine", "progress", {"n": 1})
        assert await anext(stream) == b'event: progress\ndata: {"n":1}\n\n'
        assert await anext(stream) == b": keep-alive\n\n"  # a comment (HTML §9.2.6), ignored by clients
        await stream.aclose()
        relaying.cancel_scope.cancel()


async def test_an_event_published_on_one_hub_reaches_the_stream_of_another() -> None:
    """Issue 13: the instance that runs the call is not the one that holds the stream."""
    bus = InMemoryEventBus()
    serving, holding = EventHub(bus), EventHub(bus)
    async with anyio.create_task_group() as relaying:
        relaying.start_soon(holding.relay)
        stream = holding.stream("mine")
        await anext(stream)
        await anyio.lowlevel.checkpoint()
        await serving.publish("mine", "progress", {"n": 2})
        with anyio.fail_after(1):
            assert await anext(stream) == b'event: progress\ndata: {"n":2}\n\n'
        await stream.aclose()
        relaying.cancel_scope.cancel()


async def test_close_ends_every_stream() -> None:
    hub = EventHub(InMemoryEventBus(), keep_alive_seconds=5)
    stream = hub.stream("mine")
    await anext(stream)
    hub.close()
    with anyio.fail_after(1), pytest.raises(StopAsyncIteration):
        await anext(stream)
