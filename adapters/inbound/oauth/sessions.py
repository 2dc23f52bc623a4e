"""Which subject opened each MCP session (`Mcp-Session-Id`) on this instance.

The SDK's streamable-HTTP transport keeps its sessions in this process and knows nothing of
tokens: without this, a request carrying someone else's session id and the caller's own valid
token would be routed into that session's stream (MCP Security Best Practices, "Session
Hijacking": bind the session to the user). Stored data is keyed `<sub>:<id>` in any case.
"""

from __future__ import annotations

from adapters.inbound.http.asgi import Message, Send
from adapters.inbound.http.client import header

MAX_SESSIONS = 100_000


class SessionOwners:
    def __init__(self, *, capacity: int = MAX_SESSIONS) -> None:
        self._owners: dict[str, str] = {}
        self._capacity = capacity

    def allows(self, session_id: str | None, subject: str) -> bool:
        """False only for a session this instance saw opened by another subject."""
        owner = self._owners.get(session_id) if session_id else None
        return owner is None or owner == subject

    def recording(self, send: Send, subject: str) -> Send:
        """`send`, noting the owner of a session id the response hands out."""

        async def wrapped(message: Message) -> None:
            if message["type"] == "http.response.start":
                issued = header(message, b"mcp-session-id")
                if issued:
                    self._remember(issued, subject)
            await send(message)

        return wrapped

    def _remember(self, session_id: str, subject: str) -> None:
        if session_id in self._owners:
            return
        if len(self._owners) >= self._capacity:
            del self._owners[next(iter(self._owners))]  # the oldest: its SDK session has most likely ended
        self._owners[session_id] = subject
