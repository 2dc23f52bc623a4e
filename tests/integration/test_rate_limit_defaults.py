"""The rate limit a local user does not trip over, the IETF RateLimit fields, and 429s that
are JSON-RPC errors carrying the request's id."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from tests.e2e.remote_clients import JSON
from tests.remote import ServerProcess

pytestmark = [pytest.mark.integration]
LIMIT = 3
MCP_HEADERS = {**JSON, "Accept": "application/json, text/event-stream", "MCP-Protocol-Version": "2025-11-25"}


@pytest.fixture(scope="module")
def defaults() -> Iterator[ServerProcess]:
    process = ServerProcess("http", MCP_SESSION_SECRET="rate-defaults").start()
    try:
        yield process
    finally:
        assert process.stop() == 0, process.logs()


@pytest.fixture(scope="module")
def limited() -> Iterator[ServerProcess]:
    # Loopback is a trusted proxy here, so each test can speak for a remote client address.
    process = ServerProcess("http", MCP_SESSION_SECRET="rate-limited", THROTTLE_LIMIT=str(LIMIT), THROTTLE_TTL="60",
                            MCP_TRUSTED_PROXIES="127.0.0.1").start()
    try:
        yield process
    finally:
        assert process.stop() == 0, process.logs()


def ping(server: ServerProcess, request_id: int, path: str = "/sse", **headers: str) -> httpx.Response:
    body = {"jsonrpc": "2.0", "id": request_id, "method": "ping"}
    return httpx.post(f"{server.url}{path}", json=body, headers={**MCP_HEADERS, **headers}, timeout=10)


def test_a_loopback_client_is_not_limited_by_default(defaults: ServerProcess) -> None:
    """The default limit (100 a minute) applies to remote clients; a local one may exceed it."""
    statuses = {ping(defaults, n).status_code for n in range(105)}
    assert statuses == {200}


def test_answers_carry_the_ietf_ratelimit_fields(limited: ServerProcess) -> None:
    answer = ping(limited, 1, **{"X-Forwarded-For": "198.51.100.20"})
    assert answer.headers["ratelimit-policy"] == f'"per-client";q={LIMIT};w=60'
    remaining, reset = answer.headers["ratelimit"].removeprefix('"per-client";').split(";")
    assert remaining == f"r={LIMIT - 1}" and 1 <= int(reset.removeprefix("t=")) <= 60


@pytest.mark.parametrize("path", ["/sse", "/mcp"])
def test_a_429_is_a_json_rpc_error_with_the_request_id(limited: ServerProcess, path: str) -> None:
    address = {"X-Forwarded-For": f"198.51.100.{21 if path == '/sse' else 22}"}
    for n in range(LIMIT):
        ping(limited, n, path, **address)
    refused = ping(limited, 77, path, **address)
    assert refused.status_code == 429
    assert refused.headers["ratelimit"].startswith('"per-client";r=0;')
    body = refused.json()
    assert body["id"] == 77 and body["error"]["code"] == -32029 and int(refused.headers["retry-after"]) >= 1
