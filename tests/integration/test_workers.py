"""MCP_WORKERS: one instance as several processes sharing its ports and, through Redis, its sessions."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bootstrap.settings import Settings, SettingsError
from bootstrap.workers import worker_count
from tests.e2e.remote_clients import JsonRpc
from tests.remote import ROOT, START_TIMEOUT, RedisProcess, ServerProcess, wait_until

pytestmark = [pytest.mark.integration]
LISTEN = "0A"
REDIS, GAUZY = "redis://127.0.0.1:1/0", "http://127.0.0.1:1"  # the TCP state LISTEN in /proc/net/tcp


def listeners(port: int) -> int:
    """How many sockets listen on 127.0.0.1:`port` (one per worker with SO_REUSEPORT)."""
    rows = Path("/proc/net/tcp").read_text().splitlines()[1:]
    return sum(1 for row in rows if row.split()[1].endswith(f":{port:04X}") and row.split()[3] == LISTEN)


def children(pid: int) -> list[int]:
    found: list[int] = []
    for task in os.listdir(f"/proc/{pid}/task"):
        found += [int(child) for child in Path(f"/proc/{pid}/task/{task}/children").read_text().split()]
    return found


@pytest.fixture(scope="module")
def two_workers(redis_server: RedisProcess, gauzy_double: Any) -> Iterator[ServerProcess]:
    # One Gauzy behind both workers, as in production (the demo Gauzy would be one per process);
    # no MCP_SESSION_SECRET: the key the server generates must be the same in both workers.
    server = ServerProcess("http,websocket", REDIS_URL=redis_server.url(5), MCP_WORKERS="2",
                           API_BASE_URL=gauzy_double.base_url).start()
    try:
        # /health answers as soon as one worker serves; the other may still be starting.
        wait_until(lambda: listeners(server.http_port) == listeners(server.ws_port) == 2, START_TIMEOUT,
                   "both workers to listen")
        yield server
    finally:
        assert server.stop() == 0, server.logs()


def test_two_workers_each_listen_on_both_ports(two_workers: ServerProcess) -> None:
    assert two_workers.process is not None
    assert len(children(two_workers.process.pid)) == 2
    assert listeners(two_workers.http_port) == listeners(two_workers.ws_port) == 2


def test_a_sign_in_on_one_connection_serves_calls_on_new_connections(two_workers: ServerProcess) -> None:
    # Each call opens its own connection, so the kernel spreads them over both workers; the
    # Gauzy tokens the sign-in stored are encrypted, so every worker must hold the same key.
    signing_in = JsonRpc(two_workers.url)
    try:
        signing_in.tool_json("login", {"email": "admin@ever.co", "password": "admin"})
        cookie = signing_in.http.cookies
    finally:
        signing_in.close()
    for number in range(12):
        rpc = JsonRpc(two_workers.url, cookies=cookie)
        try:
            assert rpc.tool_json("get_my_tasks")["items"], number
        finally:
            rpc.close()


def test_sigterm_stops_every_worker(redis_server: RedisProcess, gauzy_double: Any) -> None:
    server = ServerProcess("http", REDIS_URL=redis_server.url(6), MCP_SESSION_SECRET="workers-secret",
                           MCP_WORKERS="2", API_BASE_URL=gauzy_double.base_url).start()
    assert server.process is not None
    workers = children(server.process.pid)
    assert server.stop() == 0, server.logs()
    assert not [pid for pid in workers if Path(f"/proc/{pid}").exists()]


@pytest.mark.parametrize(("environment", "refusal"), [
    ({"API_BASE_URL": "http://127.0.0.1:1"}, "MCP_WORKERS=2 needs REDIS_URL"),
    ({"REDIS_URL": "redis://127.0.0.1:1/0"}, "MCP_WORKERS=2 needs API_BASE_URL"),
])
def test_more_than_one_worker_without_shared_state_is_refused(environment: dict[str, str], refusal: str) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("API_", "MCP_", "REDIS_"))}
    done = subprocess.run([sys.executable, "-m", "bootstrap.cli", "--transport", "http"], cwd=ROOT,
                          env={**env, **environment, "MCP_WORKERS": "2"}, capture_output=True, text=True,
                          timeout=60, check=False)
    assert done.returncode == 2
    assert refusal in done.stderr


@pytest.mark.parametrize(("environment", "expected"), [
    ({"API_BASE_URL": GAUZY}, 1),
    ({"REDIS_URL": REDIS}, 1),  # the demo Gauzy: one process
    ({"REDIS_URL": REDIS, "API_BASE_URL": GAUZY}, os.cpu_count()),
    ({"REDIS_URL": REDIS, "API_BASE_URL": GAUZY, "MCP_WORKERS": "3"}, 3),
    ({"MCP_WORKERS": "1"}, 1),
])
def test_worker_count_defaults_to_the_cores_only_with_shared_state(environment: dict[str, str], expected: int) -> None:
    assert worker_count(Settings.from_env(environment, dotenv=Path("/nonexistent"))) == expected


def test_zero_workers_is_refused() -> None:
    with pytest.raises(SettingsError, match="MCP_WORKERS=0"):
        worker_count(Settings.from_env({"MCP_WORKERS": "0"}, dotenv=Path("/nonexistent")))
