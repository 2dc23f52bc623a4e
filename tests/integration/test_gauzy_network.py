"""The Gauzy client's asyncio network layer: installed in httpx's pool, and it still notices a
server that hung up on an idle keep-alive connection (the check it makes cheaper)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import httpx
import pytest

from adapters.outbound.gauzy_http.network import AsyncioBackend
from adapters.outbound.gauzy_http.transport import new_client

pytestmark = [pytest.mark.integration, pytest.mark.anyio]
ANSWER = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}"


async def answer_once_then_hang_up(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    """Keep-alive as far as the client can tell, but closed right after the first answer."""
    await reader.readuntil(b"\r\n\r\n")
    writer.write(ANSWER)
    await writer.drain()
    writer.close()


@pytest.fixture
async def hanging_up_server() -> AsyncIterator[str]:
    server = await asyncio.start_server(answer_once_then_hang_up, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    async with server:
        yield f"http://127.0.0.1:{port}"


def test_the_pool_of_the_gauzy_client_connects_through_the_asyncio_layer() -> None:
    client = new_client("http://127.0.0.1:1", timeout=5)
    pool = client._transport._pool  # type: ignore[attr-defined]
    assert isinstance(pool._network_backend, AsyncioBackend)


async def test_a_connection_the_server_closed_while_idle_is_replaced_not_reused(hanging_up_server: str) -> None:
    client = new_client(hanging_up_server, timeout=5)
    try:
        first = await client.get("/api/health")
        await asyncio.sleep(0.2)  # the server's close reaches the idle pooled connection
        second = await client.get("/api/health")
    finally:
        await client.aclose()
    assert (first.status_code, second.status_code) == (200, 200)


async def test_a_refused_connection_is_an_httpx_connect_error() -> None:
    client = new_client("http://127.0.0.1:1", timeout=5)
    try:
        with pytest.raises(httpx.ConnectError):
            await client.get("/api/health")
    finally:
        await client.aclose()
