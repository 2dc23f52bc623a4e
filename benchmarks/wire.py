"""Load-generator clients on raw asyncio streams: HTTP/1.1 keep-alive and WebSocket frames, no
client library, so that a load generator on the same machine costs the server little CPU.

Enough of each protocol for the benchmark and no more: `Content-Length` and chunked bodies,
unfragmented text frames, pings answered. A client masks its frames with the all-zero key
(RFC 6455 §5.3 lets the server not care which key), so masking costs nothing here.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import json
import os
import struct
from itertools import count
from typing import Any

INIT = {"protocolVersion": "2025-11-25", "capabilities": {}, "clientInfo": {"name": "bench", "version": "1"}}


def envelope(request_id: int, method: str, params: dict[str, Any]) -> bytes:
    return json.dumps({"jsonrpc": "2.0", "id": request_id, "method": method, "params": params}).encode()


class HttpConnection:
    """One keep-alive HTTP/1.1 connection to 127.0.0.1, one request at a time."""

    def __init__(self, port: int, headers: dict[str, str] | None = None) -> None:
        self.port = port
        self.headers = {"Host": f"127.0.0.1:{port}", "Content-Type": "application/json", **(headers or {})}
        self._reader: asyncio.StreamReader | None = None
        self._writer: asyncio.StreamWriter | None = None

    async def connect(self) -> None:
        self._reader, self._writer = await asyncio.open_connection("127.0.0.1", self.port)

    async def request(self, method: str, path: str, body: bytes = b"") -> tuple[int, dict[str, str], bytes]:
        assert self._reader is not None and self._writer is not None
        head = "".join(f"{k}: {v}\r\n" for k, v in self.headers.items())
        self._writer.write(f"{method} {path} HTTP/1.1\r\n{head}Content-Length: {len(body)}\r\n\r\n".encode() + body)
        status, headers = parse_head(await self._reader.readuntil(b"\r\n\r\n"))
        if "set-cookie" in headers:  # keep the session, as a browser would
            self.headers["Cookie"] = headers["set-cookie"].split(";", 1)[0]
        if headers.get("transfer-encoding") == "chunked":
            return status, headers, await read_chunked(self._reader)
        return status, headers, await self._reader.readexactly(int(headers.get("content-length", "0")))

    async def close(self) -> None:
        if self._writer is not None:
            self._writer.close()


def parse_head(raw: bytes) -> tuple[int, dict[str, str]]:
    lines = raw.decode("latin-1").split("\r\n")
    headers = {}
    for line in lines[1:]:
        if ":" in line:
            name, value = line.split(":", 1)
            headers[name.strip().lower()] = value.strip()
    return int(lines[0].split()[1]), headers


async def read_chunked(reader: asyncio.StreamReader) -> bytes:
    parts: list[bytes] = []
    while True:
        size = int((await reader.readuntil(b"\r\n")).split(b";")[0], 16)
        if size == 0:
            await reader.readuntil(b"\r\n")
            return b"".join(parts)
        parts.append(await reader.readexactly(size))
        await reader.readexactly(2)


class JsonRpcClient:
    """`POST /sse`, one JSON body per request."""

    def __init__(self, port: int) -> None:
        self._http = HttpConnection(port)
        self._ids = count(1)

    async def open(self) -> None:
        await self._http.connect()

    async def request(self, method: str, params: dict[str, Any]) -> bytes:
        _, _, body = await self._http.request("POST", "/sse", envelope(next(self._ids), method, params))
        return body

    async def close(self) -> None:
        await self._http.close()


class StreamableHttpClient:
    """`/mcp` (2025-11-25 handshake): initialize, then one POST per request answered as an event stream."""

    def __init__(self, port: int) -> None:
        self._http = HttpConnection(port, {"Accept": "application/json, text/event-stream",
                                           "MCP-Protocol-Version": "2025-11-25"})
        self._ids = count(1)

    async def open(self) -> None:
        await self._http.connect()
        _, headers, _ = await self._http.request("POST", "/mcp", envelope(0, "initialize", INIT))
        self._http.headers["Mcp-Session-Id"] = headers["mcp-session-id"]
        await self._http.request("POST", "/mcp", b'{"jsonrpc":"2.0","method":"notifications/initialized"}')

    async def request(self, method: str, params: dict[str, Any]) -> bytes:
        _, _, body = await self._http.request("POST", "/mcp", envelope(next(self._ids), method, params))
        return body

    async def close(self) -> None:
        with contextlib.suppress(OSError, asyncio.IncompleteReadError):  # idle past the server's keep-alive
            await self._http.request("DELETE", "/mcp")
        await self._http.close()


class WebSocketClient:
    """One WebSocket connection, subprotocol `mcp`, one message per text frame."""

    def __init__(self, port: int, path: str = "/sse") -> None:
        self.port, self.path = port, path
        self._reader: asyncio.StreamReader | None = None
        self._writer: asyncio.StreamWriter | None = None
        self._ids = count(1)

    async def open(self) -> None:
        self._reader, self._writer = await asyncio.open_connection("127.0.0.1", self.port)
        key = base64.b64encode(os.urandom(16)).decode()
        self._writer.write((f"GET {self.path} HTTP/1.1\r\nHost: 127.0.0.1:{self.port}\r\nUpgrade: websocket\r\n"
                            f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n"
                            "Sec-WebSocket-Protocol: mcp\r\n\r\n").encode())
        status, _ = parse_head(await self._reader.readuntil(b"\r\n\r\n"))
        if status != 101:
            raise RuntimeError(f"WebSocket handshake answered {status}")
        await self.request("initialize", INIT)
        self._send(b'{"jsonrpc":"2.0","method":"notifications/initialized"}')

    def _send(self, payload: bytes, opcode: int = 0x1) -> None:
        assert self._writer is not None
        size = len(payload)
        if size < 126:
            head = struct.pack("!BB", 0x80 | opcode, 0x80 | size)
        elif size < 65536:
            head = struct.pack("!BBH", 0x80 | opcode, 0x80 | 126, size)
        else:
            head = struct.pack("!BBQ", 0x80 | opcode, 0x80 | 127, size)
        self._writer.write(head + b"\x00\x00\x00\x00" + payload)

    async def _receive(self) -> bytes:
        assert self._reader is not None
        while True:
            first, second = await self._reader.readexactly(2)
            size = second & 0x7F
            if size == 126:
                (size,) = struct.unpack("!H", await self._reader.readexactly(2))
            elif size == 127:
                (size,) = struct.unpack("!Q", await self._reader.readexactly(8))
            payload = await self._reader.readexactly(size)
            opcode = first & 0x0F
            if opcode == 0x9:
                self._send(payload, 0xA)
            elif opcode == 0x8:
                raise RuntimeError(f"the server closed the WebSocket: {payload[2:]!r}")
            elif opcode in (0x1, 0x2):
                return payload

    async def request(self, method: str, params: dict[str, Any]) -> bytes:
        self._send(envelope(next(self._ids), method, params))
        return await self._receive()

    async def close(self) -> None:
        if self._writer is not None:
            self._send(struct.pack("!H", 1000), 0x8)
            self._writer.close()
