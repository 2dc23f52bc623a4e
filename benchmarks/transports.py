"""Requests per second, latency and server CPU per call of tools/list and tools/call over /mcp,
POST /sse and WebSocket, at 1 and 32 concurrent clients, against a real server process.

    python -m benchmarks [--backend double|demo] [--requests 2000] [--concurrency 1,32] [--workers N]

With `--backend double` (the default) the server talks over HTTP to the Gauzy double, a process
of its own, so the upstream call is part of every tools/call. "cpu ms/call" is the server's
own CPU time (user + system, all its processes) over the run divided by the calls: unlike
req/s, it does not change when other programs load the machine. Every run sends a bounded
number of requests and every process started here is stopped at the end.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from benchmarks.processes import BACKENDS, ServerProcess, cpu_seconds
from benchmarks.wire import JsonRpcClient, StreamableHttpClient, WebSocketClient

# get_my_tasks answers from GET /api/tasks/me: one upstream call per tools/call.
OPERATIONS: dict[str, tuple[str, dict[str, Any]]] = {
    "tools/list": ("tools/list", {}),
    "tools/call": ("tools/call", {"name": "get_my_tasks", "arguments": {}}),
}
Client = JsonRpcClient | StreamableHttpClient | WebSocketClient


@dataclass(frozen=True)
class Result:
    transport: str
    operation: str
    clients: int
    seconds: float
    cpu_seconds: float
    latencies: list[float]

    def row(self) -> str:
        ordered, n = sorted(self.latencies), len(self.latencies)
        p50, p99 = ordered[n // 2], ordered[min(n - 1, int(n * 0.99))]
        return (f"{self.transport:<10} {self.operation:<11} {self.clients:>7} {n:>8} {n / self.seconds:>9.1f} "
                f"{p50 * 1000:>8.2f} {p99 * 1000:>8.2f} {self.cpu_seconds * 1000 / n:>12.3f}")


HEADER = (f"{'transport':<10} {'operation':<11} {'clients':>7} {'requests':>8} {'req/s':>9} {'p50 ms':>8} "
          f"{'p99 ms':>8} {'cpu ms/call':>12}")


def factories(server: ServerProcess) -> dict[str, Callable[[], Client]]:
    return {"/sse": lambda: JsonRpcClient(server.http_port), "websocket": lambda: WebSocketClient(server.ws_port),
            "/mcp": lambda: StreamableHttpClient(server.http_port)}


def failed(answer: bytes) -> bool:
    # A cheap check that leaves the generator light: errors carry one of these keys.
    return b'"error"' in answer[:200] or b'"isError":true' in answer


async def run(server: ServerProcess, factory: Callable[[], Client], operation: str, clients: int,
              requests: int) -> Result:
    method, params = OPERATIONS[operation]
    connected = [factory() for _ in range(clients)]
    await asyncio.gather(*(client.open() for client in connected))
    for _ in range(3):  # warm-up: sessions, sign-ins and caches are not what is measured
        await asyncio.gather(*(client.request(method, params) for client in connected))
    latencies: list[float] = []

    async def drive(client: Client, calls: int) -> None:
        for _ in range(calls):
            started = time.perf_counter()
            answer = await client.request(method, params)
            latencies.append(time.perf_counter() - started)
            if failed(answer):
                raise RuntimeError(f"{operation} failed: {answer[:300]!r}")

    cpu_before, started = cpu_seconds(server.pid), time.perf_counter()
    await asyncio.gather(*(drive(client, requests // clients) for client in connected))
    elapsed, cpu = time.perf_counter() - started, cpu_seconds(server.pid) - cpu_before
    await asyncio.gather(*(client.close() for client in connected))
    return Result("", operation, clients, elapsed, cpu, latencies)


async def bench(server: ServerProcess, args: argparse.Namespace) -> list[Result]:
    results = []
    for transport, factory in factories(server).items():
        if transport not in args.transports:
            continue
        for operation in args.operations:
            for clients in args.concurrency:
                total = max(clients, args.requests // clients * clients)
                result = replace(await run(server, factory, operation, clients, total), transport=transport)
                print(result.row(), flush=True)
                results.append(result)
    return results


def arguments(argv: list[str] | None) -> argparse.Namespace:
    cli = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__,
                                  formatter_class=argparse.RawDescriptionHelpFormatter)
    cli.add_argument("--backend", choices=BACKENDS, default="double", help="Gauzy behind the server (default double)")
    cli.add_argument("--requests", type=int, default=2000, help="requests per run (default 2000)")
    cli.add_argument("--concurrency", default="1,32", help="comma-separated client counts (default 1,32)")
    cli.add_argument("--transports", default="/sse,websocket,/mcp", help="which of /sse, websocket, /mcp")
    cli.add_argument("--operations", default="tools/call,tools/list", help="which of tools/call, tools/list")
    cli.add_argument("--workers", type=int, default=1, help="MCP_WORKERS of the server (default 1)")
    cli.add_argument("--redis", action="store_true", help="sessions and rate limits in a Redis of the run's own "
                     "(always with --workers above 1)")
    cli.add_argument("--server-log", default=os.devnull, help="file for the server's log (default: none kept)")
    args = cli.parse_args(argv)
    args.concurrency = [int(c) for c in args.concurrency.split(",")]
    args.transports, args.operations = args.transports.split(","), args.operations.split(",")
    return args


def main(argv: list[str] | None = None) -> int:
    args = arguments(argv)
    with ServerProcess(args.backend, workers=args.workers, redis=args.redis, log=args.server_log) as server:
        print(f"backend={args.backend} workers={args.workers} sessions={'redis' if server.redis else 'memory'}",
              flush=True)
        print(HEADER, flush=True)
        asyncio.run(bench(server, args))
    return 0
