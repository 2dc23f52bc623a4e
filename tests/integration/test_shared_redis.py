"""Two server instances sharing one Redis, as behind a load balancer: a session made on one is
used on the other, and the rate limit counts requests made to both."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
import redis

from tests.e2e.remote_clients import JsonRpc
from tests.remote import RedisProcess, ServerProcess

pytestmark = [pytest.mark.integration]
LIMIT = 5


@pytest.fixture(scope="module")
def pair(redis_server: RedisProcess, gauzy_double: Any) -> Iterator[tuple[ServerProcess, ServerProcess]]:
    # One Gauzy behind both, as in production; loopback is the "proxy", so each test can be its
    # own client address (X-Forwarded-For).
    env = {"REDIS_URL": redis_server.url(3), "MCP_SESSION_SECRET": "shared-secret", "THROTTLE_LIMIT": str(LIMIT),
           "THROTTLE_TTL": "60", "MCP_TRUSTED_PROXIES": "127.0.0.1", "API_BASE_URL": gauzy_double.base_url}
    first, second = ServerProcess("http", **env).launch(), ServerProcess("http", **env).launch()
    try:
        yield first.wait_ready(), second.wait_ready()
    finally:
        assert first.stop() == 0, first.logs()
        assert second.stop() == 0, second.logs()


def client(server: ServerProcess, address: str) -> JsonRpc:
    return JsonRpc(server.url, headers={"X-Forwarded-For": address, "User-Agent": "pair-test/1"})


@pytest.fixture
def account(gauzy_double: Any) -> tuple[str, str]:
    employee = gauzy_double.seed.accounts["employee@ever.co"]
    return employee.email, employee.password


def test_a_session_made_on_one_instance_is_used_on_the_other(pair: tuple[ServerProcess, ServerProcess],
                                                             account: tuple[str, str]) -> None:
    first, second = client(pair[0], "198.51.100.1"), client(pair[1], "198.51.100.1")
    try:
        assert first.tool("get_projects")["isError"]  # no service account: sign in first
        first.tool_json("login", {"email": account[0], "password": account[1]})
        second.http.cookies.update(first.http.cookies)
        assert second.tool_json("get_auth_status")["email"] == account[0]
        assert second.tool_json("get_projects", {"limit": 1})["items"]
    finally:
        first.close()
        second.close()


def test_gauzy_tokens_are_encrypted_in_redis(pair: tuple[ServerProcess, ServerProcess],
                                             redis_server: RedisProcess, account: tuple[str, str]) -> None:
    rpc = client(pair[0], "198.51.100.2")
    try:
        rpc.tool_json("login", {"email": account[0], "password": account[1]})
        key = rpc.http.cookies["mcp-session-id"]
    finally:
        rpc.close()
    with redis.Redis.from_url(redis_server.url(3)) as inspector:
        raw = inspector.get(f"gauzy-mcp:session:{key}")
    stored = json.loads(raw)
    assert isinstance(stored["credential"], str)
    assert account[0] not in raw.decode()  # even the ids and email are sealed with the tokens
    assert "token" not in raw.decode().lower()


def test_the_rate_limit_counts_across_instances(pair: tuple[ServerProcess, ServerProcess]) -> None:
    first, second = client(pair[0], "198.51.100.3"), client(pair[1], "198.51.100.3")
    other = client(pair[0], "198.51.100.4")
    try:
        answers = [(first if n % 2 else second).call("ping") for n in range(LIMIT)]
        assert [a.status_code for a in answers] == [200] * LIMIT
        assert answers[-1].headers["x-ratelimit-remaining"] == "0"
        refused = second.call("ping")
        assert refused.status_code == 429
        assert int(refused.headers["retry-after"]) >= 1
        assert refused.headers["x-ratelimit-limit"] == str(LIMIT)
        assert refused.headers["x-ratelimit-remaining"] == "0"
        assert 1 <= int(refused.headers["x-ratelimit-reset"]) <= 60
        assert first.call("ping").status_code == 429
        assert other.call("ping").status_code == 200  # another client address is not affected
    finally:
        for rpc in (first, second, other):
            rpc.close()
