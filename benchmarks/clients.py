"""Minimal protocol clients for the benchmark: one request at a time per client, no SDK overhead,
so the numbers measure the server rather than a client library."""

from __future__ import annotations

import json
from itertools import count
from typing import Any, Protocol

import httpx
from websockets.asyncio.client import ClientConnection, connect

INIT = {"protocolVersion": "2025-11-25", "capabilities": {}, "clientInfo": {"name": "bench", "version": "1"}}


def envelope(request_id: int, method: str, params: dict[str, Any]) -> dict[str, Any]:
    return {"jsonrpc": "2.0", "id": request_id, "method": method, "params": params}


class BenchClient(Protocol):
    async def open(self) -> None: ...

    async def request(self, method: str, params: dict[str, Any]) -> dict[str, Any]: ...

    async def close(self) -> None: ...


class JsonRpcClient:
    """`POST /sse`, one JSON body per request."""

    def __init__(self, base_url: str) -> None:
        self._http = httpx.AsyncClient(base_url=base_url, timeout=60)
        self._ids = count(1)

    async def open(self) -> None:
        await self.request("ping", {})

    async def request(self, method: str, params: dict[str, Any]) -> dict[str, Any]:
        response = await self._http.post("/sse", json=envelope(next(self._ids), method, params))
        answer: dict[str, Any] = response.json()
        return answer

    async def close(self) -> None:
        await self._http.aclose()


class StreamableHttpClient:
    """`/mcp` in the handshake era (2025-11-25): initialize, then one POST per request,
    answered as a server-sent event stream carrying the response."""

    def __init__(self, base_url: str) -> None:
        self._http = httpx.AsyncClient(base_url=base_url, timeout=60, headers={
            "Accept": "application/json, text/event-stream", "MCP-Protocol-Version": "2025-11-25"})
        self._ids = count(1)

    async def open(self) -> None:
        response = await self._http.post("/mcp", json=envelope(0, "initialize", INIT))
        self._http.headers["Mcp-Session-Id"] = response.headers["mcp-session-id"]
        await self._http.post("/mcp", json={"jsonrpc": "2.0", "method": "notifications/initialized"})

    async def request(self, method: str, params: dict[str, Any]) -> dict[str, Any]:
        response = await self._http.post("/mcp", json=envelope(next(self._ids), method, params))
        return decode_sse_or_json(response)

    async def close(self) -> None:
        await self._http.delete("/mcp")
        await self._http.aclose()


def decode_sse_or_json(response: httpx.Response) -> dict[str, Any]:
    if response.headers.get("content-type", "").startswith("application/json"):
        answer: dict[str, Any] = response.json()
        return answer
    for line in response.text.splitlines():
        if line.startswith("data:") and '"id"' in line:
            decoded: dict[str, Any] = json.loads(line[5:])
            return decoded
    raise RuntimeError(f"no response event in {response.text[:200]!r}")


class WebSocketClient:
    """One WebSocket connection, subprotocol `mcp`, one message per text frame."""

    def __init__(self, url: str) -> None:
        self._url = url
        self._ws: ClientConnection | None = None
        self._ids = count(1)

    async def open(self) -> None:
        self._ws = await connect(self._url, subprotocols=["mcp"], max_size=None)  # type: ignore[list-item]
        await self.request("initialize", INIT)
        await self._ws.send(json.dumps({"jsonrpc": "2.0", "method": "notifications/initialized"}))

    async def request(self, method: str, params: dict[str, Any]) -> dict[str, Any]:
        assert self._ws is not None
        await self._ws.send(json.dumps(envelope(next(self._ids), method, params)))
        answer: dict[str, Any] = json.loads(await self._ws.recv())
        return answer

    async def close(self) -> None:
        if self._ws is not None:
            await self._ws.close()
