"""A real `gauzy-mcp` process with MCP_AUTH_ENABLED=true, trusting an authorization server on
loopback, and the clients the acceptance tests drive it with."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

import httpx
import httpx2
from mcp import Client
from mcp.client.streamable_http import streamable_http_client
from mcp.shared._httpx_utils import create_mcp_http_client

from tests.remote import ServerProcess
from tests.security.authserver import AuthorizationServer
from tests.security.keys import ISSUER, SigningKey, claims

JSON = {"Content-Type": "application/json"}
MCP_ACCEPT = {"Accept": "application/json, text/event-stream"}
DEMO_LOGIN = {"email": "admin@ever.co", "password": "admin"}


def start_protected(issuer: AuthorizationServer, transport: str = "http,websocket", **env: str) -> ServerProcess:
    """The server, its tokens checked with `issuer`'s JWKS (or what `env` says instead)."""
    settings = {"MCP_AUTH_ENABLED": "true", "MCP_AUTH_JWT_JWKS_URI": issuer.url + "/jwks",
                "MCP_AUTH_JWT_ISSUER": ISSUER, "MCP_AUTH_JWKS_REFETCH_INTERVAL": "1",
                "THROTTLE_LIMIT": "100000", **env}
    return ServerProcess(transport, **{k: v for k, v in settings.items() if v is not None}).start()


@dataclass
class Protected:
    """The running server, the authorization server it trusts, and that server's signing key."""

    process: ServerProcess
    issuer: AuthorizationServer
    key: SigningKey

    @property
    def resource(self) -> str:
        return self.process.url + "/mcp"

    @property
    def metadata_url(self) -> str:
        return self.process.url + "/.well-known/oauth-protected-resource/mcp"

    def token(self, key: SigningKey | None = None, **overrides: Any) -> str:
        """A token for this server (its `aud`), no tenant claim unless given."""
        values = {"aud": self.resource, "tenant_id": None, "organization_id": None, **overrides}
        return (key or self.key).token(claims(**values))

    def rpc(self, method: str, params: dict[str, Any] | None = None, *, token: str | None = None,
            path: str = "/sse", **headers: str) -> httpx.Response:
        """One JSON-RPC request by POST (to /sse, or /mcp in stateless-JSON form)."""
        body = {"jsonrpc": "2.0", "id": 1, "method": method, "params": params or {}}
        auth = {"Authorization": f"Bearer {token}"} if token else {}
        extra = MCP_ACCEPT if path == "/mcp" else {}
        return httpx.post(self.process.url + path, content=json.dumps(body), timeout=10,
                          headers={**JSON, **extra, **auth, **headers})

    def tool(self, name: str, arguments: dict[str, Any] | None = None, *, token: str,
             client: httpx.Client | None = None) -> dict[str, Any]:
        """`tools/call` on /sse; the result (asserting HTTP 200)."""
        body = {"jsonrpc": "2.0", "id": 1, "method": "tools/call", "params": {"name": name,
                                                                            "arguments": arguments or {}}}
        send = client.post if client is not None else httpx.post
        url = "/sse" if client is not None else self.process.url + "/sse"
        answer = send(url, content=json.dumps(body), headers={**JSON, "Authorization": f"Bearer {token}"},
                      timeout=10)
        assert answer.status_code == 200, (answer.status_code, answer.text)
        result: dict[str, Any] = answer.json()["result"]
        return result


@asynccontextmanager
async def sdk_client(url: str, token: str) -> AsyncIterator[Client]:
    """The MCP SDK's streamable-HTTP client, its httpx2 client sending the bearer token."""
    http: httpx2.AsyncClient = create_mcp_http_client(headers={"Authorization": f"Bearer {token}"})
    async with http, Client(streamable_http_client(url, http_client=http), mode="legacy") as client:
        yield client
