"""Fetching a small JSON document from an authorization server: bounded in size and time,
no redirects, and every failure turned into `UpstreamUnavailableError`."""

from __future__ import annotations

import json
import logging
from typing import Any

import httpx

from domain.errors import UpstreamUnavailableError

log = logging.getLogger("gauzy_mcp.auth")

MAX_DOCUMENT_BYTES = 256 * 1024  # a JWKS or an introspection answer is a few KiB
TIMEOUT = httpx.Timeout(5.0)


def new_auth_client() -> httpx.AsyncClient:
    """The pooled client the verifiers share. No redirects: a JWKS or introspection URL that
    redirects is misconfigured, and following it would send a client secret elsewhere."""
    return httpx.AsyncClient(timeout=TIMEOUT, follow_redirects=False, headers={"Accept": "application/json"})


async def fetch_json(http: httpx.AsyncClient, method: str, url: str, **options: Any) -> dict[str, Any]:
    """The JSON object `url` answers with 200, or `UpstreamUnavailableError` (logged with why)."""
    try:
        async with http.stream(method, url, **options) as response:
            body = await _read_bounded(response)
            status = response.status_code
    except httpx.HTTPError as error:
        log.warning("%s %s failed: %s", method, url, type(error).__name__)
        raise _unavailable() from error
    if status != httpx.codes.OK:
        log.warning("%s %s answered %d", method, url, status)
        raise _unavailable()
    try:
        document = json.loads(body)
    except ValueError as error:
        log.warning("%s %s answered something that is not JSON", method, url)
        raise _unavailable() from error
    if not isinstance(document, dict):
        log.warning("%s %s answered JSON that is not an object", method, url)
        raise _unavailable()
    return document


async def _read_bounded(response: httpx.Response) -> bytes:
    chunks: list[bytes] = []
    size = 0
    async for chunk in response.aiter_bytes():
        size += len(chunk)
        if size > MAX_DOCUMENT_BYTES:
            raise httpx.DecodingError(f"answer larger than {MAX_DOCUMENT_BYTES} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def _unavailable() -> UpstreamUnavailableError:
    return UpstreamUnavailableError("The authorization server cannot be reached to check the access token.",
                                    hint="Retry shortly.")
