"""Rate limits per client address, counted in the RateLimiter (shared when it is Redis)."""

from __future__ import annotations

import ipaddress
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


def is_loopback(address: str) -> bool:
    try:
        return ipaddress.ip_address(address).is_loopback
    except ValueError:
        return False


POLICY = b'"per-client"'


def rate_headers(decision: RateDecision, window_seconds: int) -> Headers:
    """The IETF fields (draft-ietf-httpapi-ratelimit-headers-10 §3 and §4: the quota policy,
    then what is left of it and when it resets), and the de-facto X-RateLimit-* ones that
    older clients read."""
    return [(b"ratelimit-policy", POLICY + f";q={decision.limit};w={window_seconds}".encode()),
            (b"ratelimit", POLICY + f";r={decision.remaining};t={decision.reset_after}".encode()),
            (b"x-ratelimit-limit", str(decision.limit).encode()),
            (b"x-ratelimit-remaining", str(decision.remaining).encode()),
            (b"x-ratelimit-reset", str(decision.reset_after).encode())]


def refusal_headers(decision: RateDecision, window_seconds: int) -> Headers:
    # RFC 6585 §4: a 429 MAY say how long to wait, in Retry-After (RFC 9110 §10.2.3, seconds).
    return [(b"retry-after", str(decision.reset_after).encode()), *rate_headers(decision, window_seconds)]


@dataclass(frozen=True)
class Throttle:
    limiter: RateLimiter
    limit: int
    window_seconds: int
    proxies: TrustedProxies
    loopback: bool = False  # False: loopback clients (the local user, a local test suite) are not limited

    async def check(self, scope: Scope) -> RateDecision | None:
        """Count one request from this scope's client; None when it is not limited (loopback)
        or the limiter is unreachable (fail open: a Redis outage should not take every
        instance down with it)."""
        address = self.proxies.client_address(scope)
        if not self.loopback and is_loopback(address):
            return None
        try:
            return await self.limiter.hit(address, limit=self.limit, window_seconds=self.window_seconds)
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
            await refuse(scope, send, 429, body, refusal_headers(decision, self.throttle.window_seconds))
        else:
            window = self.throttle.window_seconds
            await self.app(scope, receive, adding_headers(send, lambda: rate_headers(decision, window)))
