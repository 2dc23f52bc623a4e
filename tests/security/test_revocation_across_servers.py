"""Revocation reaches a separately run MCP server — SECURITY.md items 16, 18 and 20 in the
deployment recommended at scale: `gauzy-mcp auth-server` as its own process, the MCP server
verifying its JWTs by JWKS, both on one Redis (issue 13). Without the shared revocation list
the JWKS-verifying server would accept every revoked token until it expired."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import httpx
import pytest

from tests.e2e.oauth_flow import authorize_url, consent_by_form, pkce_pair, register, token
from tests.remote import ROOT, RedisProcess, ServerProcess, free_port, wait_until

pytestmark = pytest.mark.e2e
REDIRECT = "http://127.0.0.1:8765/callback"


@dataclass
class Deployment:
    issuer: str
    mcp: ServerProcess

    def ping(self, access_token: str) -> int:
        body = json.dumps({"jsonrpc": "2.0", "id": 1, "method": "ping"})
        return httpx.post(self.mcp.url + "/sse", content=body, timeout=10, headers={
            "Content-Type": "application/json", "Authorization": f"Bearer {access_token}"}).status_code

    def code(self, client_id: str) -> tuple[str, str]:
        verifier, challenge = pkce_pair()
        answer = consent_by_form(self.issuer, authorize_url(self.issuer, client_id, REDIRECT, challenge,
                                                            self.mcp.url + "/mcp", "rev"))
        return answer["code"][0], verifier

    def redeem(self, client_id: str, code: str, verifier: str) -> httpx.Response:
        return token(self.issuer, grant_type="authorization_code", code=code, client_id=client_id,
                     redirect_uri=REDIRECT, code_verifier=verifier)

    def tokens(self) -> tuple[str, dict[str, Any]]:
        client_id = register(self.issuer, REDIRECT)["client_id"]
        code, verifier = self.code(client_id)
        redeemed = self.redeem(client_id, code, verifier)
        assert redeemed.status_code == 200, redeemed.text
        return client_id, redeemed.json()


def auth_server(port: int, env: dict[str, str]) -> Iterator[str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith(("API_", "GAUZY_", "MCP_", "REDIS_"))}
    url = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryFile() as log:
        process = subprocess.Popen([sys.executable, "-m", "bootstrap.cli", "auth-server"], env={**base, **env},
                                   cwd=ROOT, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=log)
        try:
            wait_until(lambda: _healthy(url), 60, "auth-server to serve /health")
            yield url
        finally:
            process.send_signal(signal.SIGTERM)
            process.wait(20)


def _healthy(url: str) -> bool:
    try:
        return httpx.get(url + "/health", timeout=1).status_code == 200
    except httpx.HTTPError:
        return False


@pytest.fixture(scope="module")
def deployment(redis_server: RedisProcess) -> Iterator[Deployment]:
    port = free_port()
    issuer = f"http://127.0.0.1:{port}"
    mcp = ServerProcess("http")
    shared = {"REDIS_URL": redis_server.url(7), "MCP_SESSION_SECRET": "revocation-secret",
              "MCP_AUTH_RESOURCE": mcp.url + "/mcp", "THROTTLE_ENABLED": "false"}
    mcp.env.update(shared, MCP_AUTH_ENABLED="true", MCP_AUTH_JWT_JWKS_URI=issuer + "/.well-known/jwks.json",
                   MCP_AUTH_JWT_ISSUER=issuer, MCP_AUTH_SERVERS=issuer, MCP_AUTH_JWT_REQUIRE_AT_JWT="true")
    for url in auth_server(port, {**shared, "MCP_AUTH_PORT": str(port)}):
        mcp.start()
        try:
            yield Deployment(url, mcp)
        finally:
            assert mcp.stop() == 0, mcp.logs()


def test_an_access_token_revoked_at_the_revocation_endpoint_is_refused(deployment: Deployment) -> None:
    """Item 20 (RFC 7009 §2.1): after /revoke, the JWKS-verifying MCP server refuses the token
    at the next request, long before its `exp`; a refresh token revoked kills its access tokens."""
    client_id, tokens = deployment.tokens()
    assert deployment.ping(tokens["access_token"]) == 200
    revoked = httpx.post(deployment.issuer + "/oauth2/revoke", timeout=10,
                         data={"token": tokens["access_token"], "client_id": client_id})
    assert revoked.status_code == 200
    assert deployment.ping(tokens["access_token"]) == 401
    fresh = token(deployment.issuer, grant_type="refresh_token", refresh_token=tokens["refresh_token"],
                  client_id=client_id).json()
    assert deployment.ping(fresh["access_token"]) == 200
    httpx.post(deployment.issuer + "/oauth2/revoke", timeout=10,
               data={"token": fresh["refresh_token"], "client_id": client_id})
    assert deployment.ping(fresh["access_token"]) == 401


def test_a_refresh_token_replay_kills_the_family_at_the_mcp_server(deployment: Deployment) -> None:
    """Item 18 (RFC 9700 §4.14.2): replaying a rotated refresh token revokes the whole family;
    the access tokens minted before and after the rotation stop working at the MCP server."""
    client_id, tokens = deployment.tokens()
    rotated = token(deployment.issuer, grant_type="refresh_token", refresh_token=tokens["refresh_token"],
                    client_id=client_id).json()
    assert deployment.ping(tokens["access_token"]) == 200 and deployment.ping(rotated["access_token"]) == 200
    replay = token(deployment.issuer, grant_type="refresh_token", refresh_token=tokens["refresh_token"],
                   client_id=client_id)
    assert replay.json()["error"] == "invalid_grant"
    assert deployment.ping(tokens["access_token"]) == 401
    assert deployment.ping(rotated["access_token"]) == 401


def test_a_replayed_code_kills_its_tokens_at_the_mcp_server(deployment: Deployment) -> None:
    """Item 16 (RFC 6749 §4.1.2, §10.5): redeeming a code a second time revokes the tokens the
    first redemption produced, at the MCP server too."""
    client_id = register(deployment.issuer, REDIRECT)["client_id"]
    code, verifier = deployment.code(client_id)
    first = deployment.redeem(client_id, code, verifier).json()
    assert deployment.ping(first["access_token"]) == 200
    again = deployment.redeem(client_id, code, verifier)
    assert again.json()["error"] == "invalid_grant"
    assert deployment.ping(first["access_token"]) == 401
