"""Real processes on loopback for the remote-transport tests: a Redis of their own and
`gauzy-mcp` servers started exactly as a user starts them (`python -m bootstrap.cli`)."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parent.parent
START_TIMEOUT = 60.0


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_until(condition: Callable[[], bool], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.05)
    raise AssertionError(f"timed out after {timeout:g} s waiting for {what}")


class RedisProcess:
    """`redis-server` on a free loopback port, in a temporary directory; no persistence unless
    `append_only` (AOF, fsync on every write: a restart keeps everything written)."""

    def __init__(self, *, append_only: bool = False) -> None:
        binary = shutil.which("redis-server")
        if binary is None:
            pytest.skip("redis-server is not installed (apt-get install redis-server); CI installs it")
        self.binary = binary
        self.port = free_port()
        self.directory = tempfile.mkdtemp(prefix="gauzy-mcp-redis-")
        self.process: subprocess.Popen[bytes] | None = None
        self.persistence = ["--appendonly", "yes" if append_only else "no", "--appendfsync", "always"]

    def url(self, db: int = 0) -> str:
        return f"redis://127.0.0.1:{self.port}/{db}"

    def start(self) -> None:
        self.process = subprocess.Popen(
            [self.binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", *self.persistence,
             "--dir", self.directory], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_until(self._answers, 10, "redis-server to answer")

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(10)
            self.process = None

    def close(self) -> None:
        self.stop()
        shutil.rmtree(self.directory, ignore_errors=True)

    def _answers(self) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=0.5) as conn:
                conn.sendall(b"PING\r\n")
                return conn.recv(16).startswith(b"+PONG")
        except OSError:
            return False


class ServerProcess:
    """`python -m bootstrap.cli --transport <t>` on free ports, on the demo backend."""

    def __init__(self, transport: str = "http", **env: str) -> None:
        self.http_port = free_port()
        self.ws_port = free_port()
        self.transport = transport
        base = {k: v for k, v in os.environ.items() if not k.startswith(("API_", "GAUZY_", "MCP_", "REDIS_",
                                                                           "THROTTLE_"))}
        self.env = {**base, "MCP_HTTP_PORT": str(self.http_port), "MCP_WS_PORT": str(self.ws_port),
                    "MCP_SHUTDOWN_TIMEOUT": "5", "MCP_WS_PING_INTERVAL": "1", **env}
        self.log_path = Path(tempfile.mkdtemp(prefix="gauzy-mcp-server-")) / "stderr.log"
        self.process: subprocess.Popen[bytes] | None = None
        self.health_scheme = "http"  # https when the listener probed for health serves TLS
        self.health_ssl: ssl.SSLContext | bool = True  # what verifies it

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.http_port}"

    @property
    def ws_url(self) -> str:
        return f"ws://127.0.0.1:{self.ws_port}/sse"

    def start(self) -> ServerProcess:
        return self.launch().wait_ready()

    def launch(self) -> ServerProcess:
        with self.log_path.open("ab") as log:
            self.process = subprocess.Popen([sys.executable, "-m", "bootstrap.cli", "--transport", self.transport],
                                            env=self.env, cwd=ROOT, stdin=subprocess.DEVNULL,
                                            stdout=subprocess.DEVNULL, stderr=log)
        return self

    def wait_ready(self, timeout: float = START_TIMEOUT) -> ServerProcess:
        port = self.http_port if "http" in self.transport else self.ws_port
        try:
            wait_until(lambda: self._healthy(port), timeout, "the server to serve /health")
        except AssertionError as error:
            self.stop()
            raise AssertionError(f"{error}\n{self.logs()}") from None
        return self

    def stop(self) -> int | None:
        """SIGTERM, as a process manager stops it; returns the exit code."""
        if self.process is None:
            return None
        self.process.send_signal(signal.SIGTERM)
        try:
            return self.process.wait(30)  # MCP_SHUTDOWN_TIMEOUT (10 s) plus worker exits on a busy machine
        finally:
            if self.process.poll() is None:
                self.process.kill()
                self.process.wait()  # reaped, so no running process is left for the garbage collector
            self.process = None

    def logs(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def _healthy(self, port: int) -> bool:
        if self.process is not None and self.process.poll() is not None:
            raise AssertionError(f"the server exited with {self.process.returncode}:\n{self.logs()}")
        try:
            health = f"{self.health_scheme}://localhost:{port}/health"
            return httpx.get(health, timeout=1, verify=self.health_ssl).status_code == 200
        except httpx.HTTPError:
            return False


@pytest.fixture(scope="session")
def redis_server() -> Iterator[RedisProcess]:
    """One Redis for the whole run; tests that stop it start their own instead."""
    redis = RedisProcess()
    redis.start()
    try:
        yield redis
    finally:
        redis.close()


@pytest.fixture(scope="module")
def gauzy_double() -> Iterator[object]:
    """The Gauzy API double over HTTP, for tests where several server processes must share one
    Gauzy (the embedded demo Gauzy lives inside each process)."""
    from adapters.outbound.gauzy_model.server import GauzyDouble

    double = GauzyDouble(login_limit_per_minute=1000).start()
    try:
        yield double
    finally:
        double.stop()
