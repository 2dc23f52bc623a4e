from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Protocol


class EventBus(Protocol):
    """Messages for whichever instance holds a client's stream (progress events, say).

    Contract:
    - `publish(topic, payload)` hands the message to every instance on the bus that is
      listening at that moment, this one included; order is kept per publisher.
    - `messages()` yields `(topic, payload)` for every message published from the moment it
      is first iterated until it is closed; it outlives store outages by reconnecting.
    - `publish` raises `StorageUnavailableError` when the bus cannot be reached.
    It does not promise: storage or replay (a message nobody listens for is gone), or
    delivery of messages published while this instance was reconnecting.
    """

    async def publish(self, topic: str, payload: bytes) -> None: ...

    def messages(self) -> AsyncIterator[tuple[str, bytes]]: ...
