"""Liveness and readiness. Readiness asks every dependency each time, so it recovers by itself."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Mapping
from typing import Any

from domain.errors import DomainError

Check = Callable[[], Awaitable[None]]
CHECK_TIMEOUT = 2.0


async def run_check(check: Check) -> str:
    try:
        await asyncio.wait_for(check(), CHECK_TIMEOUT)
    except TimeoutError:
        return f"unavailable: no answer within {CHECK_TIMEOUT:g} s"
    except DomainError as error:
        return f"unavailable: {error.message}"
    return "ok"


async def readiness(checks: Mapping[str, Check]) -> tuple[int, dict[str, Any]]:
    """200 when every dependency answers, else 503 naming the ones that did not."""
    names = list(checks)
    results = await asyncio.gather(*(run_check(checks[name]) for name in names))
    report = dict(zip(names, results, strict=True))
    ready = all(result == "ok" for result in results)
    return (200 if ready else 503), {"status": "ready" if ready else "unavailable", "checks": report}
