"""The double as a real HTTP server on loopback, plus the test-control hooks.

Standard library ``ThreadingHTTPServer`` in a daemon thread, independent of any asyncio loop. The
public API (kept stable for other suites)::

    double = GauzyDouble(token_ttl_seconds=3600, login_limit_per_minute=5)
    double.start(); double.base_url        # "http://127.0.0.1:<port>" (no /api suffix)
    double.requests                        # RecordedRequest(method, path, query, headers, json, status)
    double.fail_next("GET", "/api/tasks", 503, times=1, headers=None)
    double.expire_all_tokens(); double.reset_throttle(); double.delay_seconds = 0.5
    double.stop()                          # or: with GauzyDouble() as double: ...
"""

from __future__ import annotations

import contextlib
import json
import socket
import sys
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from . import errors
from .api import Api, encode
from .call import Reply
from .seed import Seed


@dataclass
class RecordedRequest:
    """One request the double received, and the status it answered."""

    method: str
    path: str
    query: str
    headers: dict[str, str]
    json: Any
    status: int = 0
    body: bytes = field(default=b"", repr=False)


@dataclass
class _Failure:
    method: str
    path: str
    status: int
    times: int
    headers: dict[str, str]


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 128  # socketserver's 5 makes a burst of connects wait for SYN retries
    double: GauzyDouble

    def __init__(self, address: tuple[str, int]) -> None:
        super().__init__(address, _Handler)
        self.connections: set[socket.socket] = set()
        self.connections_lock = threading.Lock()

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Clients that hang up (or a stop() that wakes keep-alive readers) are not errors."""
        error = sys.exc_info()[1]
        if isinstance(error, ConnectionError | OSError):
            return
        super().handle_error(request, client_address)

    def close_connections(self) -> None:
        """Wake up handler threads parked on keep-alive connections so they finish and close."""
        with self.connections_lock:
            connections = list(self.connections)
        for connection in connections:
            with contextlib.suppress(OSError):
                connection.shutdown(socket.SHUT_RDWR)


def answer_bytes(method: str, reply: Reply) -> tuple[int, dict[str, str], bytes]:
    """Status, headers and body of ``reply`` as Express sends them (HEAD, 204, 304: no body)."""
    data = b"" if method.upper() == "HEAD" or reply.status in (204, 304) else encode(reply)
    headers = {"X-Powered-By": "Express", **reply.headers}
    if data:
        headers["Content-Type"] = "application/json; charset=utf-8"
    headers["Content-Length"] = str(len(data))
    return reply.status, headers, data


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def setup(self) -> None:
        super().setup()
        # Without it, Nagle's algorithm holds each small response back ~40 ms behind the client's delayed ACK.
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        with self.server.connections_lock:
            self.server.connections.add(self.connection)

    def finish(self) -> None:
        try:
            super().finish()
        finally:
            with self.server.connections_lock:
                self.server.connections.discard(self.connection)

    def _serve(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length > 0 else b""
        reply = self.server.double._dispatch(self.command, self.path, list(self.headers.items()), raw)
        status, headers, data = answer_bytes(self.command, reply)
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        if data:
            self.wfile.write(data)

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_OPTIONS = do_HEAD = _serve  # noqa: N815

    def log_message(self, format: str, *args: Any) -> None:
        """Silence the per-request stderr log."""


class GauzyDouble:
    """A contract-faithful stand-in for the Gauzy REST API, served on 127.0.0.1."""

    def __init__(
        self,
        token_ttl_seconds: float = 3600,
        login_limit_per_minute: int = 5,
        host: str = "127.0.0.1",
        port: int = 0,
    ) -> None:
        self.api = Api(token_ttl_seconds, login_limit_per_minute)
        self.host = host
        self.port = port
        self.delay_seconds: float = 0.0
        self._requests: list[RecordedRequest] = []
        self._failures: list[_Failure] = []
        self._lock = threading.Lock()
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None

    # -- lifecycle -------------------------------------------------------------------------------
    def start(self) -> GauzyDouble:
        """Bind and serve in a background thread (idempotent)."""
        if self._server is not None:
            return self
        server = _Server((self.host, self.port))
        server.double = self
        self._server = server
        self.port = int(server.server_address[1])
        self._thread = threading.Thread(
            target=server.serve_forever, kwargs={"poll_interval": 0.05}, name="gauzy-double", daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving and close the listening socket."""
        server, thread = self._server, self._thread
        self._server, self._thread = None, None
        if server is not None:
            server.shutdown()
            server.close_connections()
            server.server_close()
        if thread is not None:
            thread.join(timeout=5)

    def __enter__(self) -> GauzyDouble:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def base_url(self) -> str:
        """``http://127.0.0.1:<port>`` without the ``/api`` prefix."""
        if self._server is None:
            raise RuntimeError("GauzyDouble is not started")
        return f"http://{self.host}:{self.port}"

    @property
    def seed(self) -> Seed:
        """Ids of the demo data (tenant_id, organization_id, admin_user_id, ...)."""
        return self.api.seed

    # -- test-control hooks ----------------------------------------------------------------------
    @property
    def requests(self) -> list[RecordedRequest]:
        """Every request received so far, oldest first."""
        with self._lock:
            return list(self._requests)

    @property
    def unexpected_errors(self) -> list[str]:
        """Tracebacks of exceptions inside the double itself (answered as 500); empty when healthy."""
        return list(self.api.unexpected_errors)

    def clear_requests(self) -> None:
        """Forget the recorded requests."""
        with self._lock:
            self._requests.clear()

    def fail_next(
        self, method: str, path: str, status: int, times: int = 1, headers: dict[str, str] | None = None
    ) -> None:
        """The next ``times`` requests to ``METHOD path`` (exact, no query) answer ``status``."""
        with self._lock:
            self._failures.append(_Failure(method.upper(), path, status, times, dict(headers or {})))

    def expire_all_tokens(self) -> None:
        """Every access token issued so far is expired (refresh tokens keep working)."""
        self.api.tokens.expire_all_access()

    def reset_throttle(self) -> None:
        """Forget the login attempts counted by the throttler."""
        self.api.throttle.reset()

    def login(self, email: str = "admin@ever.co", password: str = "admin") -> dict[str, Any]:  # noqa: S107 - the seeded demo account
        """Convenience for tests: log in without HTTP and return the IAuthResponse body."""
        reply = self.api.handle(
            "POST",
            "/api/auth/login",
            [("Content-Type", "application/json")],
            json.dumps({"email": email, "password": password}).encode(),
        )
        if reply.status != 200:
            raise RuntimeError(f"login failed with {reply.status}: {reply.body}")
        return dict(reply.body)

    # -- request path ----------------------------------------------------------------------------
    def _take_failure(self, method: str, path: str) -> _Failure | None:
        with self._lock:
            for failure in self._failures:
                if failure.method == method and failure.path == path and failure.times > 0:
                    failure.times -= 1
                    if failure.times == 0:
                        self._failures.remove(failure)
                    return failure
        return None

    def _dispatch(self, method: str, target: str, headers: list[tuple[str, str]], raw: bytes) -> Reply:
        path, _, query = target.partition("?")
        try:
            parsed = json.loads(raw) if raw else None
        except ValueError:
            parsed = None
        record = RecordedRequest(method, path, query, dict(headers), parsed, body=raw)
        with self._lock:
            self._requests.append(record)
        if self.delay_seconds > 0:
            time.sleep(self.delay_seconds)
        failure = self._take_failure(method, path)
        if failure is not None:
            body = {"statusCode": failure.status, "message": errors.phrase(failure.status)}
            reply = Reply(failure.status, body, failure.headers)
        else:
            reply = self.api.handle(method, target, headers, raw)
        record.status = reply.status
        return reply
