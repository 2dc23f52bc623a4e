"""Rate limits per client address, counted in the RateLimiter (shared when it is Redis)."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from adapters.inbound.http.asgi import (
    RATE_LIMITED,
    App,
    Headers,
    Receive,
    Scope,
    Send,
    adding_headers,
    jsonrpc_error,
    refuse,
)
from adapters.inbound.http.client import TrustedProxies
from domain.errors import StorageUnavailableError
from domain.ports import RateDecision, RateLimiter

log = logging.getLogger(__name__)


def rate_headers(decision: RateDecision) -> Headers:
    """The de-facto X-RateLimit-* headers (as in draft-ietf-httpapi-ratelimit-headers' predecessors)."""
    return [(b"x-ratelimit-limit", str(decision.limit).encode()),
            (b"x-ratelimit-remaining", str(decision.remaining).encode()),
            (b"x-ratelimit-reset", str(decision.reset_after).encode())]


def refusal_headers(decision: RateDecision) -> Headers:
    # RFC 6585 §4: a 429 MAY say how long to wait, in Retry-After (RFC 9110 §10.2.3, seconds).
    return [(b"retry-after", str(decision.reset_after).encode()), *rate_headers(decision)]


@dataclass(frozen=True)
class Throttle:
    limiter: RateLimiter
    limit: int
    window_seconds: int
    proxies: TrustedProxies

    async def check(self, scope: Scope) -> RateDecision | None:
        """Count one request from this scope's client; None when the limiter is unreachable
        (fail open: a Redis outage should not take every instance down with it)."""
        try:
            return await self.limiter.hit(self.proxies.client_address(scope), limit=self.limit,
                                          window_seconds=self.window_seconds)
        except StorageUnavailableError:
            log.warning("rate limiter unavailable; request let through uncounted")
            return None


class ThrottleMiddleware:
    def __init__(self, app: App, throttle: Throttle, *, exempt: tuple[str, ...] = ("/health",)) -> None:
        self.app = app
        self.throttle = throttle
        self.exempt = exempt

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket") or scope["path"].startswith(self.exempt):
            await self.app(scope, receive, send)
            return
        decision = await self.throttle.check(scope)
        if decision is None:
            await self.app(scope, receive, send)
        elif not decision.allowed:
            message = f"Too many requests: at most {decision.limit} per {self.throttle.window_seconds} s."
            body = jsonrpc_error(RATE_LIMITED, message, data={"retryAfter": decision.reset_after})
            await refuse(scope, send, 429, body, refusal_headers(decision))
        else:
            await self.app(scope, receive, adding_headers(send, lambda: rate_headers(decision)))
