"""The processes a benchmark runs against: the Gauzy double and `gauzy-mcp` itself, on free
loopback ports, and the CPU time the kernel has charged to a process and its children."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from types import TracebackType

import httpx

ROOT = Path(__file__).resolve().parent.parent
BACKENDS = ("double", "demo")
TICKS = os.sysconf("SC_CLK_TCK")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _stat(pid: int) -> list[str]:
    with open(f"/proc/{pid}/stat") as stat:
        return stat.read().rsplit(")", 1)[1].split()


def _children(pid: int) -> list[int]:
    found = []
    for task in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{task}/children") as children:
                found += [int(child) for child in children.read().split()]
        except FileNotFoundError:
            continue
    return found


def _descendants(pid: int) -> list[int]:
    found = []
    for child in _children(pid):
        found += [child, *_descendants(child)]
    return found


def cpu_seconds(pid: int) -> float:
    """User + system CPU of `pid` and its live descendants (worker processes), in seconds."""
    total = 0
    for process in [pid, *_descendants(pid)]:
        try:
            fields = _stat(process)
        except FileNotFoundError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime: proc(5) fields 14 and 15, in ticks
    return total / TICKS


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def wait_until_answering(process: subprocess.Popen[bytes], url: str, timeout: float = 60) -> None:
    """Until `url` answers 200; fails if the process exits first or the time is up."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server exited with {process.returncode}")
        try:
            if httpx.get(url, timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.1)
    raise RuntimeError("the server did not start")


class GauzyDouble:
    """`python -m adapters.outbound.gauzy_model` in a process of its own, sign-in throttle out of the way."""

    def __enter__(self) -> GauzyDouble:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "adapters.outbound.gauzy_model", "--port", "0",
             "--login-limit-per-minute", "100000"],
            cwd=ROOT, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        assert self.process.stdout is not None
        line = self.process.stdout.readline().decode().strip()
        if not line.startswith("GAUZY_DOUBLE_URL="):
            _stop(self.process)
            raise RuntimeError(f"the Gauzy double did not start: {line!r}")
        self.url = line.removeprefix("GAUZY_DOUBLE_URL=")
        return self

    def __exit__(self, *exc: object) -> None:
        _stop(self.process)


class RedisServer:
    """`redis-server` on a free loopback port, no persistence, for runs with several workers."""

    def __enter__(self) -> RedisServer:
        self.port = free_port()
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                return self
            time.sleep(0.05)
        _stop(self.process)
        raise RuntimeError("redis-server did not start")

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def __exit__(self, *exc: object) -> None:
        _stop(self.process)


class ServerProcess:
    """`gauzy-mcp --transport http,websocket`, rate limit on but out of reach (it is part of a call's cost)."""

    def __init__(self, backend: str, *, workers: int = 1, redis: bool = False, log: str = os.devnull,
                 root: Path = ROOT, settings: dict[str, str] | None = None) -> None:
        self.backend, self.workers, self.log, self.root = backend, workers, log, root
        self.settings = dict(settings or {})  # further MCP_* settings of the run (e.g. MCP_TOOLSETS)
        self.http_port, self.ws_port = free_port(), free_port()
        self._double: GauzyDouble | None = None
        self._redis = RedisServer() if redis or workers > 1 else None

    def _environment(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("API_", "GAUZY_", "MCP_", "REDIS_"))}
        env.update(MCP_HTTP_PORT=str(self.http_port), MCP_WS_PORT=str(self.ws_port), THROTTLE_LIMIT="1000000000",
                   MCP_WORKERS=str(self.workers))
        env.update(self.settings)
        if self._redis is not None:
            env.update(REDIS_URL=self._redis.url, MCP_SESSION_SECRET="benchmark-only-secret")
        if self._double is not None:
            env.update(API_BASE_URL=self._double.url, GAUZY_AUTH_EMAIL="admin@ever.co", GAUZY_AUTH_PASSWORD="admin")
        return env

    def __enter__(self) -> ServerProcess:
        if self.backend == "double":
            self._double = GauzyDouble().__enter__()
        if self._redis is not None:
            self._redis.__enter__()
        with open(self.log, "ab") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "bootstrap.cli", "--transport", "http,websocket"], env=self._environment(),
                cwd=self.root, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=log)
        try:
            self._wait_ready()
        except BaseException:
            self.__exit__(None, None, None)
            raise
        return self

    @property
    def redis(self) -> bool:
        return self._redis is not None

    @property
    def pid(self) -> int:
        return self.process.pid

    def _wait_ready(self) -> None:
        wait_until_answering(self.process, f"http://127.0.0.1:{self.http_port}/health")

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        _stop(self.process)
        for helper in (self._double, self._redis):
            if helper is not None:
                helper.__exit__()
