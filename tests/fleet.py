"""A fleet on loopback: several `gauzy-mcp` instances on one Redis behind Debian's HAProxy,
round-robin and without any stickiness, as a deployment runs them."""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest

from tests.remote import RedisProcess, ServerProcess, free_port, wait_until

# Several instances build their catalogs at once: on a small, busy machine that takes a while.
FLEET_START_TIMEOUT = 180.0

CONFIG = """\
global
    maxconn 512

defaults
    mode http
    timeout connect 2s
    timeout client 60s
    timeout server 60s
    timeout tunnel 60s
    # A request that cannot connect to its instance (stopped, crashed) is retried on another.
    retries 2
    option redispatch 1
    default-server inter 300ms fall 1 rise 1

frontend http
    bind 127.0.0.1:{http_port}
    default_backend http_instances

frontend websocket
    bind 127.0.0.1:{ws_port}
    default_backend ws_instances

backend http_instances
    balance roundrobin
    option httpchk GET /health
{http_servers}

backend ws_instances
    balance roundrobin
    option httpchk GET /health
{ws_servers}
"""


def server_lines(ports: Sequence[int]) -> str:
    return "\n".join(f"    server i{n} 127.0.0.1:{port} check" for n, port in enumerate(ports))


class HaproxyProcess:
    """`haproxy -db` in front of the instances' HTTP and WebSocket listeners."""

    def __init__(self, instances: Sequence[ServerProcess]) -> None:
        binary = shutil.which("haproxy") or ("/usr/sbin/haproxy" if Path("/usr/sbin/haproxy").exists() else None)
        if binary is None:
            pytest.skip("haproxy is not installed (apt-get install haproxy); .ci/run installs it")
        self.binary = binary
        self.http_port, self.ws_port = free_port(), free_port()
        self.config = Path(tempfile.mkdtemp(prefix="gauzy-mcp-haproxy-")) / "haproxy.cfg"
        self.config.write_text(CONFIG.format(
            http_port=self.http_port, ws_port=self.ws_port,
            http_servers=server_lines([i.http_port for i in instances]),
            ws_servers=server_lines([i.ws_port for i in instances])), encoding="utf-8")
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.http_port}"

    @property
    def ws_url(self) -> str:
        return f"ws://127.0.0.1:{self.ws_port}/sse"

    def start(self) -> HaproxyProcess:
        self.process = subprocess.Popen([self.binary, "-db", "-f", str(self.config)], stdin=subprocess.DEVNULL,
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_until(self._serving, 10, "haproxy to forward /health")
        return self

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(10)
            self.process = None
        shutil.rmtree(self.config.parent, ignore_errors=True)

    def _serving(self) -> bool:
        try:
            return httpx.get(self.url + "/health", timeout=1).status_code == 200
        except httpx.HTTPError:
            return False


@dataclass
class Fleet:
    redis: RedisProcess
    instances: list[ServerProcess]
    proxy: HaproxyProcess
    marks: list[int] = field(default_factory=list)

    def calls_per_instance(self) -> list[int]:
        """Tool calls each instance logged (its audit lines) since `mark()`."""
        counts = [len(re.findall(r"tool_call principal=", i.logs())) for i in self.instances]
        return [now - before for now, before in zip(counts, self.marks or [0] * len(counts), strict=True)]

    def mark(self) -> None:
        self.marks = [0] * len(self.instances)
        self.marks = self.calls_per_instance()


def start_fleet(redis: RedisProcess, env: dict[str, str], size: int = 3) -> Iterator[Fleet]:
    """`size` instances on `redis` behind HAProxy; everything stopped afterwards."""
    instances = [ServerProcess("http,websocket", **env).launch() for _ in range(size)]
    proxy: HaproxyProcess | None = None
    try:
        for instance in instances:
            instance.wait_ready(FLEET_START_TIMEOUT)
        proxy = HaproxyProcess(instances).start()
        yield Fleet(redis, instances, proxy)
    finally:
        if proxy is not None:
            proxy.stop()
        for instance in instances:
            instance.stop()
