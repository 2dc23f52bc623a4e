"""`tools/list` answered from a cache: the listing does not change while the server runs, but
the SDK validates and re-serializes its ~300 tool schemas on every request (~100 ms of CPU).

A server middleware (the SDK's context tier) lets the first request per protocol version and
listing take the normal path, keeps the wire result it produced, and short-circuits later
requests with a copy of it: same bytes, a fraction of the work.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from mcp.server.context import CallNext, HandlerResult, ServerRequestContext


class ListingCache:
    def __init__(self, listing_of: Callable[[ServerRequestContext[Any, Any]], object]) -> None:
        self._listing_of = listing_of  # the listing object a request would get (scoped under OAuth)
        self._answers: dict[tuple[str, int], dict[str, Any]] = {}

    async def __call__(self, ctx: ServerRequestContext[Any, Any], call_next: CallNext) -> HandlerResult:
        if ctx.method != "tools/list" or (ctx.params or {}).get("cursor") is not None:
            return await call_next(ctx)
        key = (ctx.protocol_version, id(self._listing_of(ctx)))
        cached = self._answers.get(key)
        if cached is None:
            answer = await call_next(ctx)
            if not isinstance(answer, dict):
                return answer
            cached = self._answers[key] = answer
        return dict(cached)
