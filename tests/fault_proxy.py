"""An HTTP/1.1 proxy that injects faults between the server and the Gauzy double.

It runs its own asyncio loop in a thread. Each request from the server is matched against
the faults queued with `inject`; the first match (consumed once) decides what happens:

* `500` / `503`: answer that status at once; nothing is forwarded;
* `delay`: forward, then hold the answer `delay_seconds` (past the caller's timeout);
* `drop-before`: close the connection without forwarding;
* `drop-after`: forward, read Gauzy's answer, then close without passing it on.

Requests with no matching fault are forwarded and answered normally, one upstream
connection per request (the double closes or keeps its own; this proxy does not care).
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
from dataclasses import dataclass

FAULTS = ("500", "503", "delay", "drop-before", "drop-after")


@dataclass
class Fault:
    kind: str
    method: str
    path_prefix: str


async def read_message(reader: asyncio.StreamReader) -> bytes:
    """One HTTP/1.1 message (head and Content-Length body); b"" at end of stream."""
    try:
        head = await reader.readuntil(b"\r\n\r\n")
    except asyncio.IncompleteReadError:
        return b""
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
    return head + (await reader.readexactly(length) if length else b"")


def canned(status: int) -> bytes:
    body = b'{"statusCode":%d,"message":"injected by the fault proxy"}' % status
    return (b"HTTP/1.1 %d Injected\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n"
            % (status, len(body))) + body


class FaultProxy:
    def __init__(self, upstream_port: int, *, delay_seconds: float = 3.0) -> None:
        self.upstream_port = upstream_port
        self.delay_seconds = delay_seconds
        self._faults: list[Fault] = []
        self._lock = threading.Lock()
        self._loop = asyncio.new_event_loop()
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self.port = 0

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def inject(self, kind: str, method: str, path_prefix: str) -> None:
        assert kind in FAULTS, kind
        with self._lock:
            self._faults.append(Fault(kind, method, path_prefix))

    def pending(self) -> int:
        with self._lock:
            return len(self._faults)

    def start(self) -> FaultProxy:
        self._thread.start()
        assert self._ready.wait(10), "the fault proxy did not start"
        return self

    def stop(self) -> None:
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)

    def _run(self) -> None:
        asyncio.set_event_loop(self._loop)
        server = self._loop.run_until_complete(asyncio.start_server(self._serve, "127.0.0.1", 0))
        self.port = server.sockets[0].getsockname()[1]
        self._ready.set()
        try:
            self._loop.run_forever()
        finally:  # close every connection still open, so that none is left for the garbage collector
            server.close()
            pending = asyncio.all_tasks(self._loop)
            for task in pending:
                task.cancel()
            self._loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
            self._loop.close()

    def _take(self, request: bytes) -> Fault | None:
        method, _, rest = request.partition(b" ")
        path = rest.partition(b" ")[0].decode("latin-1")
        with self._lock:
            for fault in self._faults:
                if fault.method == method.decode("latin-1") and path.startswith(fault.path_prefix):
                    self._faults.remove(fault)
                    return fault
        return None

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            with contextlib.suppress(ConnectionError, asyncio.IncompleteReadError):
                while request := await read_message(reader):
                    if not await self._answer(request, self._take(request), writer):
                        break
        finally:
            writer.close()

    async def _answer(self, request: bytes, fault: Fault | None, writer: asyncio.StreamWriter) -> bool:
        """Handle one request; False: the client connection is to be closed."""
        kind = fault.kind if fault else None
        if kind in ("500", "503"):
            writer.write(canned(int(kind)))
        elif kind == "drop-before":
            return False
        else:
            answer = await self._forward(request)
            if kind == "drop-after":
                return False
            if kind == "delay":
                await asyncio.sleep(self.delay_seconds)
            writer.write(answer)
        await writer.drain()
        return True

    async def _forward(self, request: bytes) -> bytes:
        reader, writer = await asyncio.open_connection("127.0.0.1", self.upstream_port)
        try:
            writer.write(request)
            await writer.drain()
            return await read_message(reader)
        finally:
            writer.close()
