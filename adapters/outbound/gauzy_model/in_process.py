"""`InMemoryGauzyApi`: the embedded demo, the Gauzy model answered in this process.

It is the HTTP adapter itself (request encoding, sign-in reading, error mapping) with an httpx
transport that hands each request to the model instead of a socket, so the demo and the served
double answer every call identically. The model (reference parse and seed) is built on the first
call, not at start-up.
"""

from __future__ import annotations

import threading
from datetime import timedelta
from typing import TYPE_CHECKING

import httpx

from adapters.outbound.gauzy_http import HttpxGauzyApi, RetryPolicy
from domain.ports import Clock
from domain.principal import GauzyCredential

if TYPE_CHECKING:  # the model's modules are imported on the first call: start-up stays fast
    from .api import Api

DEMO_EMAIL = "admin@ever.co"
DEMO_PASSWORD = "admin"  # noqa: S105 - the well-known password of Gauzy's own demo account
TOKEN_LIFETIME = timedelta(hours=1)
# Gauzy throttles POST /api/auth/login at 5 a minute per address; every session of the embedded demo
# signs in from this one process, so several people trying it at once would lock each other out.
LOGIN_LIMIT_PER_MINUTE = 1000
ORIGIN = "http://gauzy.in-process"  # never resolved: the transport below answers every request


class ModelTransport(httpx.AsyncBaseTransport):
    """An httpx transport whose every request is answered by one (lazily built) model."""

    def __init__(self, clock: Clock, token_lifetime: timedelta, login_limit_per_minute: int) -> None:
        self._clock = clock
        self._lifetime = token_lifetime
        self._login_limit = login_limit_per_minute
        self._model: Api | None = None
        self._lock = threading.Lock()

    @property
    def model(self) -> Api:
        with self._lock:
            if self._model is None:
                from .api import Api

                self._model = Api(self._lifetime.total_seconds(), self._login_limit, now=self._clock.now)
            return self._model

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        from .server import answer_bytes

        target = request.url.raw_path.decode("ascii")
        reply = self.model.handle(request.method, target, list(request.headers.items()), await request.aread())
        status, headers, body = answer_bytes(request.method, reply)
        return httpx.Response(status, headers=headers, content=body, request=request)


class InMemoryGauzyApi(HttpxGauzyApi):
    """The demo Gauzy: the same adapter as for a real API, over the in-process model."""

    def __init__(self, clock: Clock, token_lifetime: timedelta = TOKEN_LIFETIME,
                 login_limit_per_minute: int = LOGIN_LIMIT_PER_MINUTE) -> None:
        self._transport = ModelTransport(clock, token_lifetime, login_limit_per_minute)
        client = httpx.AsyncClient(base_url=ORIGIN, transport=self._transport,
                                   headers={"Accept": "application/json"})
        super().__init__(ORIGIN, retry=RetryPolicy(), client=client)
        self.refresh_count = 0

    @property
    def model(self) -> Api:
        """The model behind the demo (built on first use)."""
        return self._transport.model

    async def refresh(self, credential: GauzyCredential) -> GauzyCredential:
        renewed = await super().refresh(credential)
        self.refresh_count += 1
        return renewed

    async def check_health(self) -> None:
        """Always reachable: it lives in this process (and need not be built to say so)."""

    def expire_tokens(self) -> None:
        """Test hook: every access token issued so far is now expired."""
        self.model.tokens.expire_all_access()
