"""Two fixes to the WebSocket stack (Hypercorn on wsproto), which offers no hooks for them.

1. A frame the WebSocket stack cannot parse must close the connection with a close frame.

wsproto reports a frame it could not parse (a text message that is not UTF-8, a bad
opcode) as a `CloseConnection` event carrying the right code (1007, 1002), but leaves the
connection OPEN; Hypercorn answers a close only in the REMOTE_CLOSING state, so it drops the
TCP connection without one. RFC 6455 §7.1.7 ("Fail the WebSocket Connection") wants the
close frame first: marking the connection as closing by the peer makes Hypercorn echo the
event, which sends exactly that frame.

2. A closed connection must not wait for its keep-alive ping loop to wake up before it is
   freed (`pings_end_with_their_connection`).
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Generator
from typing import Any

from wsproto.connection import Connection, ConnectionState
from wsproto.events import CloseConnection, Event

_PATCHED = "_gauzy_mcp_fails_with_close_frame"


def close_on_unparseable_frames() -> None:
    if getattr(Connection, _PATCHED, False):
        return
    parsed = Connection.events

    def events(self: Any) -> Generator[Event, None, None]:
        for event in parsed(self):
            if isinstance(event, CloseConnection) and self.state is ConnectionState.OPEN:
                self._state = ConnectionState.REMOTE_CLOSING
            yield event

    Connection.events = events  # type: ignore[method-assign]
    setattr(Connection, _PATCHED, True)


def pings_end_with_their_connection() -> None:
    """Hypercorn's keep-alive ping loop sleeps a whole `websocket_ping_interval` between
    pings and notices a closed connection only on waking, so every closed connection (its
    stream, wsproto state and permessage-deflate buffers, ~40-90 KB) stayed alive up to 30 s:
    thousands of short connections piled up and the process's RSS never came back down.
    Here the wait ends the moment the stream is marked closed."""
    from hypercorn.protocol.ws_stream import WSStream
    from wsproto.events import Ping

    if getattr(WSStream, _PATCHED, False):
        return

    def is_closed(self: Any) -> bool:
        return bool(self.__dict__.get("_closed", False))

    def set_closed(self: Any, value: bool) -> None:
        self.__dict__["_closed"] = value
        closing = self.__dict__.get("_closing")
        if value and closing is not None:
            closing.set()

    async def send_pings(self: Any) -> None:
        closing = self.__dict__["_closing"] = asyncio.Event()
        while not self.closed:
            await self._send_wsproto_event(Ping())
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(closing.wait(), self.config.websocket_ping_interval)

    WSStream.closed = property(is_closed, set_closed)  # type: ignore[assignment]
    WSStream._send_pings = send_pings  # type: ignore[method-assign]
    setattr(WSStream, _PATCHED, True)
