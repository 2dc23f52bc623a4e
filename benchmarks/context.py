"""What the catalog costs an assistant's context: bytes and estimated tokens of `tools/list` per
listing mode, and of finding and calling a tool outside the core set by search.

    python -m benchmarks.context

Each mode runs a real `gauzy-mcp --transport http` process on the demo backend; the figures are
the compact JSON of the JSON-RPC results on `POST /sse`. Tokens are estimated as bytes / 4 (no
offline tokenizer package is kept well enough to depend on; real tokenizers give roughly that
for JSON and English).
"""

from __future__ import annotations

import asyncio
import json
from typing import Any

from benchmarks.processes import ServerProcess
from benchmarks.wire import JsonRpcClient

MODES: dict[str, dict[str, str]] = {
    "default (core set)": {},
    "all": {"MCP_TOOLSETS": "all"},
    "read-only (core set)": {"MCP_READ_ONLY": "true"},
    "read-only, all": {"MCP_TOOLSETS": "all", "MCP_READ_ONLY": "true"},
    "default,invoices": {"MCP_TOOLSETS": "default,invoices"},
}
SEARCH = (  # an assistant asked about overdue invoices, with only the core set listed
    ("find_tools", {"query": "overdue invoices", "limit": 5}),
    ("get_tool_schemas", {"names": ["get_invoices"]}),
    ("get_invoices", {"limit": 5}),
)


def size(value: Any) -> int:
    return len(json.dumps(value, separators=(",", ":"), ensure_ascii=False).encode("utf-8"))


def tokens(size_in_bytes: int) -> int:
    return round(size_in_bytes / 4)


async def measure(settings: dict[str, str]) -> tuple[int, int, list[tuple[str, int]]]:
    """Tools listed, bytes of the tools/list result, and bytes (request + result) of each search step."""
    with ServerProcess("demo", settings=settings) as server:
        client = JsonRpcClient(server.http_port)
        await client.open()
        listing = json.loads(await client.request("tools/list", {}))["result"]
        steps = []
        for name, arguments in SEARCH:
            params = {"name": name, "arguments": arguments}
            answer = json.loads(await client.request("tools/call", params))
            if answer["result"]["isError"]:
                raise RuntimeError(f"{name} failed: {answer['result']['content'][0]['text']}")
            steps.append((name, size(params) + size(answer["result"])))
        await client.close()
        return len(listing["tools"]), size(listing), steps


def main() -> int:
    print(f"{'mode':<22} {'tools':>5} {'bytes':>8} {'tokens':>7}")
    search: list[tuple[str, int]] = []
    for mode, settings in MODES.items():
        listed, listing_bytes, steps = asyncio.run(measure(settings))
        search = search or steps
        print(f"{mode:<22} {listed:>5} {listing_bytes:>8} {tokens(listing_bytes):>7}", flush=True)
    print("\nfind and call a tool outside the core set (request + result of each call):")
    for name, step_bytes in search:
        print(f"  {name:<20} {step_bytes:>6} bytes {tokens(step_bytes):>6} tokens")
    total = sum(step_bytes for _, step_bytes in search)
    print(f"  {'total':<20} {total:>6} bytes {tokens(total):>6} tokens")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
