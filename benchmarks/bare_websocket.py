"""The floor under `websocket_memory`'s idle figure: Hypercorn serving a bare ASGI WebSocket
app (accept with `mcp`, then wait) with the same keep-alive and close patches as the server.

    python -m benchmarks.bare_websocket PORT [--no-ping]

Run by `python -m benchmarks.websocket_memory --floor`; what an idle connection costs here is
what Hypercorn and wsproto cost before any of Quart or this server runs.
"""

from __future__ import annotations

import argparse
import asyncio
from typing import Any

from hypercorn.asyncio import serve
from hypercorn.config import Config

from bootstrap.websocket_frames import close_on_unparseable_frames, pings_end_with_their_connection


async def app(scope: dict[str, Any], receive: Any, send: Any) -> None:
    if scope["type"] == "lifespan":
        while (await receive())["type"] != "lifespan.shutdown":
            await send({"type": "lifespan.startup.complete"})
        await send({"type": "lifespan.shutdown.complete"})
    elif scope["type"] == "http":  # the readiness probe
        await receive()
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"ok"})
    else:
        await receive()  # websocket.connect
        await send({"type": "websocket.accept", "subprotocol": "mcp"})
        while (await receive())["type"] != "websocket.disconnect":
            pass


def main() -> None:
    cli = argparse.ArgumentParser(prog="python -m benchmarks.bare_websocket")
    cli.add_argument("port", type=int)
    cli.add_argument("--no-ping", action="store_true")
    args = cli.parse_args()
    config = Config()
    config.bind = [f"127.0.0.1:{args.port}"]
    config.accesslog = config.errorlog = None
    config.websocket_ping_interval = None if args.no_ping else 30.0
    close_on_unparseable_frames()
    pings_end_with_their_connection()
    asyncio.run(serve(app, config))  # type: ignore[arg-type]


if __name__ == "__main__":
    main()
