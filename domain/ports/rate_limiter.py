from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class RateDecision:
    """The outcome of counting one request against a caller's window.

    `remaining` is how many more requests the window allows (never negative);
    `reset_after` is how many whole seconds until the window starts again.
    """

    allowed: bool
    limit: int
    remaining: int
    reset_after: int


class RateLimiter(Protocol):
    """Counts requests per key (a client address) in fixed windows.

    Contract:
    - `hit` counts one request for `key` and says whether it is within `limit` requests per
      `window_seconds`. The first request of a window starts it; the window then lasts
      `window_seconds` whatever happens in it. Counting and deciding are one atomic step, so
      concurrent hits (from any instance sharing the limiter's storage) never both take the
      last slot.
    - Unreachable storage raises `StorageUnavailableError`.
    It does not promise: a sliding window (a burst at a window's edge may pass 2 x limit in
    `window_seconds`), or that refused requests are not counted (they are).
    """

    async def hit(self, key: str, *, limit: int, window_seconds: int) -> RateDecision: ...
