"""A frame the WebSocket stack cannot parse must close the connection with a close frame.

wsproto reports a frame it could not parse (a text message that is not UTF-8, a bad
opcode) as a `CloseConnection` event carrying the right code (1007, 1002), but leaves the
connection OPEN; Hypercorn answers a close only in the REMOTE_CLOSING state, so it drops the
TCP connection without one. RFC 6455 §7.1.7 ("Fail the WebSocket Connection") wants the
close frame first: marking the connection as closing by the peer makes Hypercorn echo the
event, which sends exactly that frame.
"""

from __future__ import annotations

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
