"""`gauzy-mcp auth-server`: the authorization server alone on MCP_AUTH_PORT, as a separate auth
host is deployed (issue 7), started and stopped like a user does."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile

import httpx
import pytest

from tests.remote import ROOT, START_TIMEOUT, free_port, wait_until

pytestmark = pytest.mark.e2e


def healthy(url: str) -> bool:
    try:
        return httpx.get(url + "/health", timeout=1).status_code == 200
    except httpx.HTTPError:
        return False


def test_auth_server_command_serves_metadata_and_registration_and_stops_cleanly() -> None:
    """Issue 7: metadata with the issuer it listens as (RFC 8414 §3.3), registration, a clean
    SIGTERM; the key file is created owner-only at the first start."""
    port = free_port()
    state = tempfile.mkdtemp(prefix="gauzy-mcp-as-")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("API_", "GAUZY_", "MCP_", "REDIS_"))}
    env |= {"MCP_AUTH_PORT": str(port), "MCP_AUTH_KEY_PATH": f"{state}/keys.json",
            "MCP_AUTH_SIGNING_ALGORITHM": "ES256"}
    with tempfile.TemporaryFile() as log:
        process = subprocess.Popen([sys.executable, "-m", "bootstrap.cli", "auth-server"], env=env, cwd=ROOT,
                                   stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=log)
        url = f"http://127.0.0.1:{port}"
        try:
            wait_until(lambda: healthy(url), START_TIMEOUT, "auth-server to serve /health")
            metadata = httpx.get(url + "/.well-known/oauth-authorization-server").json()
            assert metadata["issuer"] == url and metadata["token_endpoint"] == url + "/oauth2/token"
            assert httpx.get(url + "/.well-known/jwks.json").json()["keys"][0]["alg"] == "ES256"
            registered = httpx.post(url + "/oauth2/register", json={"redirect_uris": ["http://127.0.0.1/cb"],
                                                                   "token_endpoint_auth_method": "none"})
            assert registered.status_code == 201
            assert oct(os.stat(f"{state}/keys.json").st_mode & 0o777) == "0o600"
        finally:
            process.send_signal(signal.SIGTERM)
            code = process.wait(20)
        log.seek(0)
        assert code == 0, log.read().decode(errors="replace")
