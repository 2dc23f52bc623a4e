"""Redis goes away and comes back: readiness says so, calls needing a session fail clearly,
and the same server process recovers without a restart."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from tests.e2e.remote_clients import JsonRpc
from tests.remote import RedisProcess, ServerProcess, wait_until

pytestmark = [pytest.mark.integration]


@pytest.fixture
def own_redis() -> Iterator[RedisProcess]:
    redis = RedisProcess()
    redis.start()
    try:
        yield redis
    finally:
        redis.close()


def ready(server: ServerProcess) -> httpx.Response:
    return httpx.get(f"{server.url}/health/ready", timeout=10)


def test_the_server_reports_and_survives_a_redis_outage(own_redis: RedisProcess) -> None:
    server = ServerProcess("http", REDIS_URL=own_redis.url(), MCP_SESSION_SECRET="outage").start()
    rpc = JsonRpc(server.url)
    try:
        assert ready(server).json() == {"status": "ready", "checks": {"gauzy": "ok", "redis": "ok"}}
        assert rpc.tool_json("get_projects", {"limit": 1})

        own_redis.stop()
        report = ready(server)
        assert report.status_code == 503
        assert report.json()["checks"]["redis"].startswith("unavailable")
        assert httpx.get(f"{server.url}/health", timeout=5).status_code == 200  # alive, just not ready
        failed = rpc.call("tools/call", {"name": "get_projects", "arguments": {}}).json()["error"]
        assert failed["code"] == -32000
        assert "session store (Redis) is unavailable" in failed["message"]
        assert rpc.call("tools/list").status_code == 200  # needs no session

        own_redis.start()
        wait_until(lambda: ready(server).status_code == 200, 10, "readiness to recover")
        assert rpc.tool_json("get_projects", {"limit": 1})
        assert server.alive()
    finally:
        rpc.close()
        assert server.stop() == 0, server.logs()
