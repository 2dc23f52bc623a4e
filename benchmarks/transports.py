"""Requests per second and latency of tools/list and tools/call over /mcp, /sse and WebSocket,
at 1 and 32 concurrent clients, against a real server process on the demo backend.

    python -m benchmarks.transports [--requests 320] [--concurrency 1,32]

Every run sends a bounded number of requests and the server is stopped at the end.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from benchmarks.clients import BenchClient, JsonRpcClient, StreamableHttpClient, WebSocketClient

ROOT = Path(__file__).resolve().parent.parent
OPERATIONS: dict[str, tuple[str, dict[str, Any]]] = {
    "tools/list": ("tools/list", {}),
    "tools/call": ("tools/call", {"name": "get_projects", "arguments": {"limit": 5}}),
}


@dataclass(frozen=True)
class Result:
    transport: str
    operation: str
    clients: int
    requests: int
    seconds: float
    latencies: list[float]

    def row(self) -> str:
        ordered = sorted(self.latencies)
        p50, p99 = ordered[len(ordered) // 2], ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]
        return (f"{self.transport:<10} {self.operation:<11} {self.clients:>7} {self.requests:>8} "
                f"{self.requests / self.seconds:>9.1f} {p50 * 1000:>8.1f} {p99 * 1000:>8.1f}")


HEADER = f"{'transport':<10} {'operation':<11} {'clients':>7} {'requests':>8} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8}"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Server:
    """`gauzy-mcp --transport http,websocket` on the demo backend, rate limits off."""

    def __init__(self, **settings: str) -> None:
        self.http_port, self.ws_port = free_port(), free_port()
        env = {k: v for k, v in os.environ.items() if not k.startswith(("API_", "GAUZY_", "MCP_", "REDIS_"))}
        env.update(MCP_HTTP_PORT=str(self.http_port), MCP_WS_PORT=str(self.ws_port), THROTTLE_ENABLED="false")
        env.update(settings)
        self.process = subprocess.Popen([sys.executable, "-m", "bootstrap.cli", "--transport", "http,websocket"],
                                        env=env, cwd=ROOT, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                        stderr=subprocess.DEVNULL)

    def wait_ready(self, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"the server exited with {self.process.returncode}")
            try:
                if httpx.get(f"http://127.0.0.1:{self.http_port}/health", timeout=1).status_code == 200:
                    return
            except httpx.HTTPError:
                time.sleep(0.1)
        raise RuntimeError("the server did not start")

    def stop(self) -> None:
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(20)
        except subprocess.TimeoutExpired:
            self.process.kill()

    def factories(self) -> dict[str, Callable[[], BenchClient]]:
        base = f"http://127.0.0.1:{self.http_port}"
        return {"/mcp": lambda: StreamableHttpClient(base), "/sse": lambda: JsonRpcClient(base),
                "websocket": lambda: WebSocketClient(f"ws://127.0.0.1:{self.ws_port}/sse")}


async def run(factory: Callable[[], BenchClient], operation: str, clients: int,
              requests: int) -> tuple[float, list[float]]:
    method, params = OPERATIONS[operation]
    connected = [factory() for _ in range(clients)]
    await asyncio.gather(*(client.open() for client in connected))
    await asyncio.gather(*(client.request(method, params) for client in connected))  # warm-up
    latencies: list[float] = []

    async def drive(client: BenchClient, count: int) -> None:
        for _ in range(count):
            started = time.perf_counter()
            answer = await client.request(method, params)
            latencies.append(time.perf_counter() - started)
            if "error" in answer or answer.get("result", {}).get("isError"):
                raise RuntimeError(f"{operation} failed: {str(answer)[:200]}")

    started = time.perf_counter()
    await asyncio.gather(*(drive(client, requests // clients) for client in connected))
    elapsed = time.perf_counter() - started
    await asyncio.gather(*(client.close() for client in connected))
    return elapsed, latencies


async def bench(server: Server, requests: int, concurrency: list[int]) -> list[Result]:
    results = []
    for transport, factory in server.factories().items():
        for operation in OPERATIONS:
            for clients in concurrency:
                total = max(clients, requests // clients * clients)
                elapsed, latencies = await run(factory, operation, clients, total)
                result = Result(transport, operation, clients, len(latencies), elapsed, latencies)
                print(result.row(), flush=True)
                results.append(result)
    return results


def main(argv: list[str] | None = None) -> int:
    cli = argparse.ArgumentParser(prog="python -m benchmarks.transports", description=__doc__,
                                  formatter_class=argparse.RawDescriptionHelpFormatter)
    cli.add_argument("--requests", type=int, default=320, help="requests per run (default 320)")
    cli.add_argument("--concurrency", default="1,32", help="comma-separated client counts (default 1,32)")
    args = cli.parse_args(argv)
    concurrency = [int(c) for c in args.concurrency.split(",")]
    server = Server()
    try:
        server.wait_ready()
        print(HEADER, flush=True)
        asyncio.run(bench(server, args.requests, concurrency))
    finally:
        server.stop()
    return 0
