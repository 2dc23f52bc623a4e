"""One pooled httpx client for one Gauzy API: timeouts, retries, redacted debug logs, and
"no answer" turned into `UpstreamUnavailableError`. What an answer *means* is api.py's job."""

from __future__ import annotations

import logging
import time
from collections.abc import Mapping, Sequence
from typing import Any

import httpx

from adapters.outbound.gauzy_http.errors import unreachable
from adapters.outbound.gauzy_http.network import use_asyncio_network
from adapters.outbound.gauzy_http.query import Pair, to_json
from adapters.outbound.gauzy_http.redaction import for_log, redact_headers, redact_pairs, scrub
from adapters.outbound.gauzy_http.retry import RetryPolicy, with_retries

log = logging.getLogger("gauzy_mcp.gauzy_http")

CONNECT_TIMEOUT = 10.0  # a refused or unroutable address should not take the whole API_TIMEOUT
POOL_LIMITS = httpx.Limits(max_connections=100, max_keepalive_connections=20, keepalive_expiry=30.0)


def api_root(url: str) -> str:
    """`API_BASE_URL` without a trailing `/` or `/api` (routes carry the `/api` prefix)."""
    root = url.strip().rstrip("/").removesuffix("/api").rstrip("/")
    if not root.startswith(("http://", "https://")):
        raise ValueError(f"API_BASE_URL={url!r} must start with http:// or https://, e.g. https://api.gauzy.co")
    return root


def new_client(root: str, timeout: float) -> httpx.AsyncClient:
    return use_asyncio_network(httpx.AsyncClient(
        base_url=root,
        timeout=httpx.Timeout(timeout, connect=min(timeout, CONNECT_TIMEOUT)),
        limits=POOL_LIMITS,
        headers={"Accept": "application/json"},
        follow_redirects=False,  # a redirect would drop the Authorization header or leak it elsewhere
    ))


class GauzyHttp:
    def __init__(self, base_url: str, *, timeout: float, retry: RetryPolicy,
                 client: httpx.AsyncClient | None = None) -> None:
        self.base_url = api_root(base_url)
        self.timeout = timeout
        self._retry = retry
        self._client = client or new_client(self.base_url, timeout)

    async def aclose(self) -> None:
        await self._client.aclose()

    async def call(self, method: str, path: str, *, query: Sequence[Pair] = (), body: Any = None,
                   headers: Mapping[str, str] | None = None, repeatable: bool = False,
                   changes_data: bool = False) -> httpx.Response:
        """Send (again, per the retry policy, when `repeatable`); return the last answer.
        A lost answer to a call that `changes_data` and is not `repeatable` is an
        `OutcomeUnknownError`; any other missing answer, an `UpstreamUnavailableError`."""

        async def attempt() -> httpx.Response:
            return await self._send_once(method, path, query, body, dict(headers or {}))

        try:
            return await with_retries(self._retry, attempt, repeatable=repeatable)
        except httpx.RequestError as error:
            lost_change = changes_data and not repeatable
            raise unreachable(error, self.base_url, self.timeout, lost_change=lost_change) from error

    async def _send_once(self, method: str, path: str, query: Sequence[Pair], body: Any,
                         headers: dict[str, str]) -> httpx.Response:
        if body is not None:
            headers["Content-Type"] = "application/json"
        request = self._client.build_request(method, path, params=list(query), headers=headers,
                                             content=None if body is None else to_json(body))
        _log_request(request, query, body)
        started = time.perf_counter()
        try:
            response = await self._client.send(request)
        except httpx.RequestError as error:
            log.debug("%s %s failed after %.0f ms: %s", method, path, _ms(started), scrub(repr(error)))
            raise
        log.debug("%s %s -> %d in %.0f ms body=%s", method, path, response.status_code, _ms(started),
                  _logged_body(response))
        return response


def _ms(started: float) -> float:
    return (time.perf_counter() - started) * 1000


def _log_request(request: httpx.Request, query: Sequence[Pair], body: Any) -> None:
    if log.isEnabledFor(logging.DEBUG):
        log.debug("%s %s query=%s headers=%s body=%s", request.method, request.url.path,
                  for_log(redact_pairs(query)), redact_headers(dict(request.headers)), for_log(body))


def _logged_body(response: httpx.Response) -> str:
    if not log.isEnabledFor(logging.DEBUG):
        return ""
    try:
        return for_log(response.json())
    except ValueError:
        return for_log(response.text)
