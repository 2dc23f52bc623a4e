# ruff: noqa: ASYNC109  (the `timeout` parameters are httpcore's interface)
"""httpcore's network layer on plain asyncio streams, for the pooled Gauzy client (decision 036).

httpcore's default layer goes through anyio, and before each request it asks every idle pooled
connection whether the server hung up with a `poll()` of its socket: at 32 calls in flight a
good tenth of the server's CPU per call went there. An asyncio stream already knows: its
transport reads eagerly, so a hang-up shows as end-of-file without a system call.
"""

from __future__ import annotations

import asyncio
import socket
import ssl
from collections.abc import Awaitable, Iterable
from contextlib import contextmanager
from typing import Any, TypeVar

import httpcore
import httpx

T = TypeVar("T")
SocketOption = tuple[int, int, int] | tuple[int, int, bytes | bytearray] | tuple[int, int, None, int]
READ_CHUNK_LIMIT = 2**16


@contextmanager
def _raising(timeout: type[Exception], failure: type[Exception]) -> Any:
    try:
        yield
    except TimeoutError as error:
        raise timeout(str(error) or "timed out") from error
    except (OSError, ssl.SSLError, EOFError) as error:
        raise failure(str(error) or type(error).__name__) from error


async def _within(seconds: float | None, work: Awaitable[T]) -> T:
    if seconds is None:
        return await work
    async with asyncio.timeout(seconds):
        return await work


class AsyncioStream(httpcore.AsyncNetworkStream):
    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self._reader = reader
        self._writer = writer

    async def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        with _raising(httpcore.ReadTimeout, httpcore.ReadError):
            return await _within(timeout, self._reader.read(max_bytes))

    async def write(self, buffer: bytes, timeout: float | None = None) -> None:
        if not buffer:
            return
        with _raising(httpcore.WriteTimeout, httpcore.WriteError):
            self._writer.write(buffer)
            await _within(timeout, self._writer.drain())

    async def aclose(self) -> None:
        self._writer.close()

    async def start_tls(self, ssl_context: ssl.SSLContext, server_hostname: str | None = None,
                        timeout: float | None = None) -> httpcore.AsyncNetworkStream:
        """TLS inside an open connection (an HTTPS proxy's CONNECT tunnel)."""
        with _raising(httpcore.ConnectTimeout, httpcore.ConnectError):
            await _within(timeout, self._writer.start_tls(ssl_context, server_hostname=server_hostname))
        return self

    def get_extra_info(self, info: str) -> Any:
        if info == "is_readable":  # asked of idle connections: did the server hang up?
            return self._reader.at_eof() or self._writer.is_closing()
        name = {"ssl_object": "ssl_object", "client_addr": "sockname", "server_addr": "peername",
                "socket": "socket"}.get(info)
        return self._writer.get_extra_info(name) if name else None


class AsyncioBackend(httpcore.AsyncNetworkBackend):
    async def connect_tcp(self, host: str, port: int, timeout: float | None = None,
                          local_address: str | None = None,
                          socket_options: Iterable[SocketOption] | None = None) -> httpcore.AsyncNetworkStream:
        local = (local_address, 0) if local_address else None
        with _raising(httpcore.ConnectTimeout, httpcore.ConnectError):
            reader, writer = await _within(timeout, asyncio.open_connection(
                host, port, local_addr=local, limit=READ_CHUNK_LIMIT))
        raw: socket.socket = writer.get_extra_info("socket")
        for option in socket_options or ():
            raw.setsockopt(*option)
        return AsyncioStream(reader, writer)

    async def connect_unix_socket(self, path: str, timeout: float | None = None,
                                  socket_options: Iterable[SocketOption] | None = None) -> httpcore.AsyncNetworkStream:
        with _raising(httpcore.ConnectTimeout, httpcore.ConnectError):
            reader, writer = await _within(timeout, asyncio.open_unix_connection(path, limit=READ_CHUNK_LIMIT))
        return AsyncioStream(reader, writer)

    async def sleep(self, seconds: float) -> None:
        await asyncio.sleep(seconds)


def use_asyncio_network(client: httpx.AsyncClient) -> httpx.AsyncClient:
    """`client`, its direct connections made on the asyncio layer (proxied ones, from the
    environment's HTTP(S)_PROXY, keep httpcore's). httpx has no argument for this, so it is
    set on the pool httpx built; a unit test checks that the pool still takes it."""
    pool = getattr(getattr(client, "_transport", None), "_pool", None)
    if hasattr(pool, "_network_backend"):  # else a future httpx: keep its own layer rather than fail
        pool._network_backend = AsyncioBackend()  # type: ignore[union-attr]
    return client
