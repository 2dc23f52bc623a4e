"""The event store of /mcp's SSE streams: what lets a client that lost a stream resume it.

With an event store the SDK starts each SSE stream with a priming event (an id and, with
`retry`, how long to wait before reconnecting: MCP 2025-11-25 Transports, "Resumability and
Redelivery"), and a client that reconnects with `Last-Event-ID` is sent what it missed.
This one lives in the process and keeps the latest `max_events` events: enough to resume a
stream that broke a moment ago, bounded however many sessions come and go.
"""

from __future__ import annotations

import itertools
from collections import OrderedDict

from mcp.server.streamable_http import EventCallback, EventId, EventMessage, EventStore, StreamId
from mcp_types import JSONRPCMessage

RETRY_MILLISECONDS = 1000  # the `retry` field of each priming event


class RecentEventStore(EventStore):
    def __init__(self, *, max_events: int = 512) -> None:
        self._events: OrderedDict[EventId, tuple[StreamId, JSONRPCMessage | None]] = OrderedDict()
        self._max_events = max_events
        self._ids = itertools.count(1)

    async def store_event(self, stream_id: StreamId, message: JSONRPCMessage | None) -> EventId:
        event_id = str(next(self._ids))
        self._events[event_id] = (stream_id, message)
        while len(self._events) > self._max_events:
            self._events.popitem(last=False)
        return event_id

    async def replay_events_after(self, last_event_id: EventId, send_callback: EventCallback) -> StreamId | None:
        """Send the stream's events after `last_event_id`; None when that event is forgotten."""
        if last_event_id not in self._events:
            return None
        stream_id = self._events[last_event_id][0]
        later = itertools.dropwhile(lambda item: item[0] != last_event_id, list(self._events.items()))
        next(later)
        for event_id, (stream, message) in later:
            if stream == stream_id and message is not None:
                await send_callback(EventMessage(message, event_id))
        return stream_id
