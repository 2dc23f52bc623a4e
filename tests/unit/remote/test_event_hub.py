"""EventHub (adapters/inbound/http/events.py): per-session events, keep-alive comments, shutdown."""

from __future__ import annotations

import anyio
import pytest

from adapters.inbound.http.events import EventHub

pytestmark = pytest.mark.anyio


async def test_a_stream_gets_its_sessions_events_and_keep_alives_only() -> None:
    hub = EventHub(keep_alive_seconds=0.05)
    stream = hub.stream("mine")
    assert (await anext(stream)).startswith(b"event: ready")
    hub.publish("theirs", "progress", {"n": 0})
    hub.publish("mine", "progress", {"n": 1})
    assert await anext(stream) == b'event: progress\ndata: {"n":1}\n\n'
    assert await anext(stream) == b": keep-alive\n\n"  # a comment (HTML §9.2.6), ignored by clients
    await stream.aclose()


async def test_close_ends_every_stream() -> None:
    hub = EventHub(keep_alive_seconds=5)
    stream = hub.stream("mine")
    await anext(stream)
    hub.close()
    with anyio.fail_after(1), pytest.raises(StopAsyncIteration):
        await anext(stream)
