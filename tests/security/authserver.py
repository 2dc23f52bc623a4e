"""A tiny real authorization server on 127.0.0.1, in a thread: it publishes a JWKS and answers
RFC 7662 introspection, and records every request so tests can count and inspect them."""

from __future__ import annotations

import base64
import json
import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, quote

INTROSPECTION_CLIENT = ("resource-server", "s3cret:with/odd chars")


@dataclass(frozen=True)
class Recorded:
    method: str
    path: str
    headers: dict[str, str]
    form: dict[str, str]


class AuthorizationServer:
    """`documents[path]` is served on GET; `introspection[token]` is the answer for that token
    (unknown tokens are inactive); `status[path]` overrides the status code of a path."""

    def __init__(self) -> None:
        self.documents: dict[str, Any] = {}
        self.introspection: dict[str, dict[str, Any]] = {}
        self.status: dict[str, int] = {}
        self.requests: list[Recorded] = []
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.05,), daemon=True)

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def hits(self, path: str) -> int:
        with self._lock:
            return sum(1 for request in self.requests if request.path == path)

    def record(self, request: Recorded) -> None:
        with self._lock:
            self.requests.append(request)

    def __enter__(self) -> AuthorizationServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()

    def answer(self, method: str, path: str, headers: dict[str, str], form: dict[str, str]) -> tuple[int, Any]:
        if path in self.status:
            return self.status[path], {"error": "server_error"}
        if method == "GET" and path in self.documents:
            return 200, self.documents[path]
        if method == "POST" and path == "/introspect":
            return self._introspect(headers, form)
        return 404, {"error": "not_found"}

    def _introspect(self, headers: dict[str, str], form: dict[str, str]) -> tuple[int, Any]:
        user, secret = INTROSPECTION_CLIENT
        # RFC 6749 §2.3.1: id and secret are form-encoded before Basic encoding.
        expected = "Basic " + base64.b64encode(f"{quote(user, safe='')}:{quote(secret, safe='')}".encode()).decode()
        if headers.get("authorization") != expected:
            return 401, {"error": "invalid_client"}
        return 200, self.introspection.get(form.get("token", ""), {"active": False})


def _handler(owner: AuthorizationServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self._serve({})

        def do_POST(self) -> None:
            length = int(self.headers.get("content-length") or 0)
            raw = self.rfile.read(length).decode()
            self._serve({key: values[0] for key, values in parse_qs(raw).items()})

        def _serve(self, form: dict[str, str]) -> None:
            headers = {key.lower(): value for key, value in self.headers.items()}
            owner.record(Recorded(self.command, self.path, headers, form))
            status, body = owner.answer(self.command, self.path, headers, form)
            payload = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        def log_message(self, format: str, *args: Any) -> None:
            """Quiet: the tests read `owner.requests` instead."""

    return Handler
