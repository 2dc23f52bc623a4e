"""Clients for the remote transports, as users run them: the MCP SDK, curl-like JSON-RPC, WebSocket."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from itertools import count
from typing import Any
from unittest import mock

import httpx
from mcp import Client
from mcp.client import session as client_session
from websockets.sync.client import ClientConnection

JSON = {"Content-Type": "application/json"}
# The demo's second user (the first is the admin the server signs in by default).
OTHER_USER = ("employee@ever.co", "123456")  # a second user of the demo tenant (seed/people.py)


@asynccontextmanager
async def sdk_client(url: str, version: str) -> AsyncIterator[Client]:
    """The SDK's streamable-HTTP client speaking `version` (handshake versions via `initialize`,
    where the SDK offers its latest: older ones are requested by changing what it offers)."""
    if version == "2026-07-28":
        async with Client(url, mode=version) as client:
            yield client
        return
    with mock.patch.object(client_session, "LATEST_HANDSHAKE_VERSION", version):
        async with Client(url, mode="legacy") as client:
            yield client


class JsonRpc:
    """Plain JSON-RPC over `POST /sse` with nothing but `Content-Type: application/json`."""

    def __init__(self, base_url: str, **client_options: Any) -> None:
        self.http = httpx.Client(base_url=base_url, timeout=10, **client_options)
        self._ids = count(1)

    def call(self, method: str, params: dict[str, Any] | None = None, **headers: str) -> httpx.Response:
        body = {"jsonrpc": "2.0", "id": next(self._ids), "method": method, "params": params or {}}
        return self.http.post("/sse", content=json.dumps(body), headers={**JSON, **headers})

    def tool(self, name: str, arguments: dict[str, Any] | None = None, **headers: str) -> dict[str, Any]:
        response = self.call("tools/call", {"name": name, "arguments": arguments or {}}, **headers)
        assert response.status_code == 200, response.text
        result: dict[str, Any] = response.json()["result"]
        return result

    def tool_json(self, name: str, arguments: dict[str, Any] | None = None, **headers: str) -> Any:
        result = self.tool(name, arguments, **headers)
        assert not result["isError"], result
        return json.loads(result["content"][0]["text"])

    def close(self) -> None:
        self.http.close()


class WsRpc:
    """JSON-RPC over one WebSocket connection, one message per text frame."""

    def __init__(self, connection: ClientConnection) -> None:
        self.ws = connection
        self._ids = count(1)

    def request(self, method: str, params: dict[str, Any] | None = None) -> dict[str, Any]:
        request_id = next(self._ids)
        self.ws.send(json.dumps({"jsonrpc": "2.0", "id": request_id, "method": method, "params": params or {}}))
        answer: dict[str, Any] = json.loads(self.ws.recv(timeout=10))
        assert answer["id"] == request_id, answer
        return answer

    def initialize(self, version: str = "2025-06-18") -> dict[str, Any]:
        answer = self.request("initialize", {"protocolVersion": version, "capabilities": {},
                                             "clientInfo": {"name": "test", "version": "1"}})
        self.ws.send(json.dumps({"jsonrpc": "2.0", "method": "notifications/initialized"}))
        return answer
