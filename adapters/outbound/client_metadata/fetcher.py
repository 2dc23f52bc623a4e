"""Client ID Metadata Documents fetched with httpx: https only, public addresses only (unless a
test setting allows loopback), no redirects, bounded size and time, cached."""

from __future__ import annotations

import asyncio
import json
import ssl
from typing import Any
from urllib.parse import urlsplit

import httpx

from adapters.outbound.client_metadata.addresses import Resolver, pinned_address, system_resolver
from domain.oauth.errors import ClientMetadataError
from domain.ports.clock import Clock

MAX_BYTES = 16 * 1024  # a metadata document is a few hundred bytes
TIMEOUT_SECONDS = 5.0
CACHE_SECONDS = 300


def _refused(url: str, why: str) -> ClientMetadataError:
    return ClientMetadataError("invalid_client_metadata", f"cannot use the client metadata document {url}: {why}")


class HttpxClientMetadataFetcher:
    """Implements `ClientMetadataFetcher`. Each fetch resolves the host once, checks every
    address, and connects to the checked address with the original name for TLS (SNI and
    certificate check) and Host, so the name cannot re-resolve elsewhere in between."""

    def __init__(self, clock: Clock, *, allow_loopback: bool = False, resolver: Resolver = system_resolver,
                 verify: ssl.SSLContext | bool = True, timeout: float = TIMEOUT_SECONDS, max_bytes: int = MAX_BYTES,
                 cache_seconds: int = CACHE_SECONDS) -> None:
        self._clock = clock
        self._allow_loopback = allow_loopback
        self._resolver = resolver
        self._verify = verify
        self._timeout = timeout
        self._max_bytes = max_bytes
        self._cache_seconds = cache_seconds
        self._cache: dict[str, tuple[dict[str, Any], float]] = {}

    async def fetch(self, url: str) -> dict[str, Any]:
        now = self._clock.now().timestamp()
        cached = self._cache.get(url)
        if cached is not None and cached[1] > now:
            return cached[0]
        try:
            async with asyncio.timeout(self._timeout):  # the whole fetch, slow bodies included
                document = await self._fetch(url)
        except TimeoutError:
            raise _refused(url, f"no answer within {self._timeout:g} s") from None
        self._cache[url] = (document, now + self._cache_seconds)
        if len(self._cache) > 1000:
            self._cache.pop(next(iter(self._cache)))
        return document

    async def _fetch(self, url: str) -> dict[str, Any]:
        parts = urlsplit(url)
        if parts.scheme != "https" or not parts.hostname:
            raise _refused(url, "only https URLs are fetched")
        port = parts.port or 443
        try:
            address = await pinned_address(parts.hostname, port, self._resolver, allow_loopback=self._allow_loopback)
        except (LookupError, PermissionError) as error:
            raise _refused(url, str(error)) from None
        shown = f"[{address}]" if ":" in address else address
        target = parts._replace(netloc=f"{shown}:{port}").geturl()
        return await self._get(url, target, parts.hostname)

    async def _get(self, url: str, target: str, hostname: str) -> dict[str, Any]:
        async with httpx.AsyncClient(verify=self._verify, timeout=self._timeout, follow_redirects=False,
                                     trust_env=False) as client:
            try:
                headers = {"Host": urlsplit(url).netloc, "Accept": "application/json", "Accept-Encoding": "identity"}
                async with client.stream("GET", target, headers=headers,
                                         extensions={"sni_hostname": hostname}) as response:
                    if response.status_code != 200:
                        raise _refused(url, f"the server answered {response.status_code}, not 200")
                    body = await self._read(url, response)
            except httpx.HTTPError as error:
                raise _refused(url, f"fetch failed ({type(error).__name__})") from None
        return self._decode(url, body)

    async def _read(self, url: str, response: httpx.Response) -> bytes:
        body = bytearray()
        async for chunk in response.aiter_bytes():
            body.extend(chunk)
            if len(body) > self._max_bytes:
                raise _refused(url, f"the document is larger than {self._max_bytes} bytes")
        return bytes(body)

    @staticmethod
    def _decode(url: str, body: bytes) -> dict[str, Any]:
        try:
            document = json.loads(body)
        except ValueError:
            raise _refused(url, "the document is not JSON") from None
        if not isinstance(document, dict):
            raise _refused(url, "the document is not a JSON object")
        return document
