"""The bearer middleware in process (ASGI), for what a running server makes awkward to reach:
request-wide required scopes, body replay, which paths are protected — SECURITY.md items 2, 3, 6."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest

from adapters.inbound.oauth.middleware import BearerGuard
from adapters.inbound.oauth.principal import principal_of
from adapters.inbound.oauth.requests import PEEK_LIMIT
from adapters.outbound.token_verifiers import JwtRules, PublicKeyTokenVerifier
from application.access_policy import ScopePolicy
from application.protected_resource import ProtectedResource
from tests.security.keys import ISSUER, RESOURCE, SigningKey, claims

pytestmark = pytest.mark.anyio
METADATA = "http://127.0.0.1:3001/.well-known/oauth-protected-resource/mcp"


class Downstream:
    """The app behind the middleware: records what reached it and echoes the body length."""

    def __init__(self) -> None:
        self.seen: list[dict[str, Any]] = []

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        body = b""
        while True:
            message = await receive()
            body += message.get("body", b"")
            if not message.get("more_body"):
                break
        principal = principal_of(scope)
        self.seen.append({"path": scope["path"], "body": body, "subject": principal.subject if principal else None})
        await send({"type": "http.response.start", "status": 200, "headers": [(b"content-type", b"text/plain")]})
        await send({"type": "http.response.body", "body": str(len(body)).encode()})


def client(key: SigningKey, downstream: Downstream, *, required: frozenset[str] = frozenset()) -> httpx.AsyncClient:
    verifier = PublicKeyTokenVerifier(key.public_pem(), JwtRules(issuer=ISSUER, audience=RESOURCE))
    guard = BearerGuard(verifier=verifier, resource=ProtectedResource(RESOURCE, (ISSUER,)),
                        policy=ScopePolicy(required=required),
                        tool_scopes={"get_projects": "mcp.read", "create_task": "mcp.write"})
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=guard(downstream)), base_url="http://127.0.0.1:3001")


def bearer(key: SigningKey, **overrides: Any) -> dict[str, str]:
    return {"Authorization": f"Bearer {key.token(claims(**overrides))}"}


def tool_call(name: str, padding: int = 0) -> bytes:
    return json.dumps({"jsonrpc": "2.0", "id": 1, "method": "tools/call",
                       "params": {"name": name, "arguments": {"pad": "x" * padding}}}).encode()


async def test_required_scopes_apply_to_every_request(rsa_key) -> None:
    """Item 3: MCP_AUTH_REQUIRED_SCOPES — a token without them is 403 even for tools/list,
    and the challenge names them (RFC 6750 §3.1)."""
    downstream = Downstream()
    async with client(rsa_key, downstream, required=frozenset({"mcp.read", "gauzy"})) as http:
        refused = await http.post("/sse", content=b'{"jsonrpc":"2.0","id":1,"method":"tools/list"}',
                                  headers=bearer(rsa_key))
        allowed = await http.post("/sse", content=b"{}", headers=bearer(rsa_key, scope="mcp.read gauzy"))
    assert refused.status_code == 403
    assert refused.headers["www-authenticate"] == (
        f'Bearer error="insufficient_scope", scope="gauzy", resource_metadata="{METADATA}"')
    assert allowed.status_code == 200 and [seen["subject"] for seen in downstream.seen] == ["user-1"]


async def test_the_peeked_body_reaches_the_endpoint_unchanged(rsa_key) -> None:
    """Item 3 plumbing: reading the body for the scope check must not eat it — small, chunked, or
    larger than the peek limit (then the endpoint's own 413 and scope check take over)."""
    downstream = Downstream()
    bodies = [tool_call("get_projects"), tool_call("get_projects", padding=200_000), tool_call("get_projects",
                                                                                              padding=PEEK_LIMIT)]
    async with client(rsa_key, downstream) as http:
        for body in bodies:
            answer = await http.post("/mcp", content=body, headers=bearer(rsa_key, scope="mcp.read"))
            assert answer.text == str(len(body))
        chunks = [b'{"jsonrpc":"2.0","id":1,', b'"method":"tools/call","params":{"name":"create_task"}}']

        async def chunked() -> Any:
            for chunk in chunks:
                yield chunk

        refused = await http.post("/mcp", content=chunked(), headers=bearer(rsa_key, scope="mcp.read"))
    assert [seen["body"] for seen in downstream.seen] == bodies
    assert refused.status_code == 403, "a tools/call split across chunks is still read"


async def test_only_the_mcp_endpoints_are_protected(rsa_key) -> None:
    """Items 2 and 6: /mcp, /sse and below need a token; health, CORS preflights and other paths
    do not (the metadata must be readable before there is a token, RFC 9728 §3)."""
    downstream = Downstream()
    async with client(rsa_key, downstream) as http:
        for path in ("/mcp", "/mcp/", "/sse", "/sse/events"):
            assert (await http.post(path, content=b"{}")).status_code == 401, path
        assert (await http.get("/health")).status_code == 200
        assert (await http.get("/ssefoo")).status_code == 200, "a prefix match stops at a path segment"
        assert (await http.options("/mcp")).status_code == 200
        metadata = await http.get("/.well-known/oauth-protected-resource/mcp")
    assert metadata.json()["resource"] == RESOURCE


async def test_several_authorization_headers_are_refused(rsa_key) -> None:
    """Item 6: one credential, one way (RFC 6750 §2: clients MUST NOT use more than one method)."""
    token = rsa_key.token()
    async with client(rsa_key, Downstream()) as http:
        answer = await http.post("/sse", content=b"{}", headers=[("Authorization", f"Bearer {token}"),
                                                                 ("Authorization", f"Bearer {token}")])
    assert answer.status_code == 401
