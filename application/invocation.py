"""What a running tool call knows besides its arguments."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, Protocol

from pydantic import BaseModel

from domain.principal import CallerContext

ProgressSink = Callable[[float, float | None, str | None], Awaitable[None]]


async def no_progress(progress: float, total: float | None, message: str | None) -> None:
    """Progress sink for callers that did not ask for progress."""


@dataclass(frozen=True)
class Invocation:
    caller: CallerContext
    progress: ProgressSink = no_progress


class UseCase(Protocol):
    """A hand-written tool behaviour. Ports come in through the constructor."""

    async def __call__(self, arguments: BaseModel, invocation: Invocation) -> Any: ...
