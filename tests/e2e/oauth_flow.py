"""Pieces of the OAuth end-to-end tests: a loopback redirect receiver (the client's side of
RFC 8252 §7.3), PKCE values, the token endpoint, /mcp with a bearer token, and a cookie-keeping
walk through the sign-in and consent pages for tests that need no real browser."""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
import secrets
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

import httpx

HIDDEN = re.compile(r'<input type="hidden" name="(?P<name>[a-z_]+)" value="(?P<value>[^"]*)">')
MCP_HEADERS = {"Accept": "application/json, text/event-stream", "Content-Type": "application/json",
               "MCP-Protocol-Version": "2025-06-18"}


class LoopbackReceiver:
    """Listens on 127.0.0.1:<free port> like a native app and keeps the query it was sent."""

    def __init__(self) -> None:
        self.received: list[dict[str, list[str]]] = []
        self._ready = threading.Event()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                if urlsplit(self.path).path == "/callback":  # not /favicon.ico, which browsers ask too
                    receiver.received.append(parse_qs(urlsplit(self.path).query))
                    receiver._ready.set()
                body = b"<!doctype html><title>Done</title><p>You can close this window.</p>"
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                return

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self._server.serve_forever, args=(0.05,), daemon=True).start()

    @property
    def redirect_uri(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}/callback"

    def wait(self, timeout: float = 15) -> dict[str, list[str]]:
        assert self._ready.wait(timeout), "the browser never reached the loopback redirect URI"
        return self.received[-1]

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()


def pkce_pair() -> tuple[str, str]:
    verifier = secrets.token_urlsafe(48)
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
    return verifier, challenge


def register(base: str, redirect_uri: str = "http://127.0.0.1/callback") -> dict[str, Any]:
    """DCR of a public native client with a loopback redirect (any port, RFC 8252 §7.3)."""
    response = httpx.post(base + "/oauth2/register", json={
        "client_name": "E2E test client", "redirect_uris": [redirect_uri], "token_endpoint_auth_method": "none",
        "grant_types": ["authorization_code", "refresh_token"]}, timeout=10)
    assert response.status_code == 201, response.text
    return dict(response.json())


def authorize_url(base: str, client_id: str, redirect_uri: str, challenge: str, resource: str, state: str) -> str:
    return base + "/oauth2/authorize?" + urlencode({
        "response_type": "code", "client_id": client_id, "redirect_uri": redirect_uri, "code_challenge": challenge,
        "code_challenge_method": "S256", "scope": "mcp.read mcp.write", "state": state, "resource": resource})


def token(base: str, **form: str) -> httpx.Response:
    response = httpx.post(base + "/oauth2/token", data=form, timeout=10)
    assert response.headers.get("cache-control") == "no-store"
    return response


def _decode(response: httpx.Response) -> dict[str, Any]:
    if response.headers.get("content-type", "").startswith("text/event-stream"):
        data = [line[5:].strip() for line in response.text.splitlines() if line.startswith("data:")]
        return dict(json.loads(data[-1]))
    return dict(response.json())


class McpOverHttp:
    """Streamable HTTP at /mcp with `Authorization: Bearer` (MCP 2025-06-18 Authorization)."""

    def __init__(self, base: str, access_token: str) -> None:
        self.http = httpx.Client(base_url=base, timeout=15)
        self.access_token = access_token
        self.session_id: str | None = None

    def post(self, body: dict[str, Any]) -> httpx.Response:
        headers = {**MCP_HEADERS, "Authorization": f"Bearer {self.access_token}"}
        if self.session_id:
            headers["Mcp-Session-Id"] = self.session_id
        return self.http.post("/mcp", json=body, headers=headers)

    def start(self) -> httpx.Response:
        response = self.post({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {
            "protocolVersion": "2025-06-18", "capabilities": {}, "clientInfo": {"name": "e2e", "version": "1"}}})
        if response.status_code == 200:
            self.session_id = response.headers.get("mcp-session-id")
            self.post({"jsonrpc": "2.0", "method": "notifications/initialized"})
        return response

    def tool(self, name: str, arguments: dict[str, Any] | None = None) -> Any:
        response = self.post({"jsonrpc": "2.0", "id": 2, "method": "tools/call",
                              "params": {"name": name, "arguments": arguments or {}}})
        assert response.status_code == 200, response.text
        result = _decode(response)["result"]
        assert not result.get("isError"), result
        return json.loads(result["content"][0]["text"])

    def close(self) -> None:
        self.http.close()


def _cookies(response: httpx.Response, jar: dict[str, str]) -> dict[str, str]:
    """Keep Set-Cookie values by hand: Python's cookie jar never sends Secure cookies over
    http, while browsers do to 127.0.0.1 (a potentially trustworthy origin)."""
    for line in response.headers.get_list("set-cookie"):
        name, _, rest = line.partition("=")
        jar[name] = rest.partition(";")[0]
    return {"Cookie": "; ".join(f"{k}={v}" for k, v in jar.items())}


def _fields(page: str) -> dict[str, str]:
    return {m["name"]: html.unescape(m["value"]) for m in HIDDEN.finditer(page)}


def consent_by_form(base: str, url: str, email: str = "admin@ever.co", password: str = "admin") -> dict[str, list[str]]:
    """The pages walked with httpx (no JavaScript needed): sign in, allow, and return the query
    of the redirect to the client."""
    jar: dict[str, str] = {}
    with httpx.Client(base_url=base, timeout=10) as browser:
        page = browser.get(url)
        signed = browser.post("/oauth2/authorize/sign-in", headers=_cookies(page, jar),
                              data={**_fields(page.text), "email": email, "password": password})
        consent = browser.get(signed.headers["location"], headers=_cookies(signed, jar))
        approved = browser.post("/oauth2/authorize/consent", headers=_cookies(consent, jar),
                                data={**_fields(consent.text), "decision": "approve"})
        assert approved.status_code == 303, approved.text
        return parse_qs(urlsplit(approved.headers["location"]).query)
