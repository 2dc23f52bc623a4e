from __future__ import annotations

from datetime import datetime
from typing import Protocol


class Clock(Protocol):
    """The current time. Contract: returns an aware UTC datetime, never goes backwards
    by more than the system clock does. Tests substitute a controllable clock."""

    def now(self) -> datetime: ...
