"""What WebSocket connections cost the server in memory (RSS, from /proc), on the demo backend.

    python -m benchmarks.websocket_memory [--idle 500] [--cycles 5000] [--floor]

1. RSS per idle connection: open `--idle` connections (handshake only), read the server's
   RSS, close them; the growth divided by the count.
2. RSS after connect/close cycles: `--cycles` connections opened, initialized (an MCP
   `initialize` and its answer) and closed one after another; RSS at the end against RSS at
   the start. Memory freed on close returns the process close to where it started; the
   target is within 10 %.

Every loop is bounded by its count; the server is stopped at the end.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import subprocess
import sys
from pathlib import Path

from websockets.asyncio.client import connect

from benchmarks.processes import ROOT, ServerProcess, free_port, wait_until_answering

INITIALIZE = json.dumps({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {
    "protocolVersion": "2025-06-18", "capabilities": {}, "clientInfo": {"name": "bench", "version": "1"}}})
KIB = 1024
PING_INTERVAL = 30.0  # MCP_WS_PING_INTERVAL's default, which the benchmark server runs with


def rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise RuntimeError("no VmRSS in /proc/<pid>/status")


async def cycle(url: str, initialize: bool) -> None:
    async with connect(url, subprotocols=["mcp"]) as ws:  # type: ignore[list-item]
        if initialize:
            await ws.send(INITIALIZE)
            await ws.recv()


async def idle_cost(pid: int, url: str, count: int) -> float:
    before = rss_kib(pid)
    sockets = []
    for _ in range(count):
        sockets.append(await connect(url, subprotocols=["mcp"]))  # type: ignore[list-item]
    await asyncio.sleep(1)  # let the server finish setting each connection up
    after = rss_kib(pid)
    for ws in sockets:
        await ws.close()
    return (after - before) / count


async def measure(server: ServerProcess, idle: int, cycles: int) -> int:
    url = f"ws://127.0.0.1:{server.ws_port}/sse"
    for _ in range(200):  # warm-up: lazy imports, caches, allocator arenas
        await cycle(url, initialize=True)
    per_idle = await idle_cost(server.pid, url, idle)
    print(f"RSS per idle WebSocket connection: {per_idle:.1f} KiB ({idle} open at once)", flush=True)
    start = rss_kib(server.pid)
    for _ in range(cycles):
        await cycle(url, initialize=True)
    # Hypercorn's keep-alive ping task holds a closed connection until its next tick.
    await asyncio.sleep(PING_INTERVAL + 2)
    end = rss_kib(server.pid)
    growth = (end - start) / start * 100
    print(f"RSS after {cycles} connect/initialize/close cycles: {start / KIB:.1f} MiB -> {end / KIB:.1f} MiB "
          f"({growth:+.1f} %; target within 10 %)", flush=True)
    return 0 if growth <= 10 and per_idle < 20 else 1


def floor(idle: int, ping: bool) -> float:
    port = free_port()
    command = [sys.executable, "-m", "benchmarks.bare_websocket", str(port), *([] if ping else ["--no-ping"])]
    bare = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_until_answering(bare, f"http://127.0.0.1:{port}/")
        url = f"ws://127.0.0.1:{port}/"

        async def run() -> float:
            for _ in range(200):
                await cycle(url, initialize=False)
            return await idle_cost(bare.pid, url, idle)

        return asyncio.run(run())
    finally:
        bare.terminate()
        bare.wait(10)


def main(argv: list[str] | None = None) -> int:
    cli = argparse.ArgumentParser(prog="python -m benchmarks.websocket_memory", description=__doc__,
                                  formatter_class=argparse.RawDescriptionHelpFormatter)
    cli.add_argument("--idle", type=int, default=500, help="idle connections held at once (default 500)")
    cli.add_argument("--cycles", type=int, default=5000, help="connect/close cycles (default 5000)")
    cli.add_argument("--floor", action="store_true",
                     help="only the idle cost of bare Hypercorn (benchmarks/bare_websocket.py), pings on and off")
    args = cli.parse_args(argv)
    if args.floor:
        for ping in (True, False):
            print(f"bare Hypercorn, pings {'on' if ping else 'off'}: "
                  f"{floor(args.idle, ping):.1f} KiB per idle connection", flush=True)
        return 0
    with ServerProcess("demo") as server:
        return asyncio.run(measure(server, args.idle, args.cycles))


if __name__ == "__main__":
    sys.exit(main())
