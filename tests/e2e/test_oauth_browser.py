"""The embedded authorization server, end to end, in headless Chromium: register a client, sign
in on the page with the Gauzy double's credentials, consent, receive the code on a loopback
redirect, exchange it, call a tool over /mcp as that person; then refresh, revoke, and see 401.
Screenshots of the sign-in and consent pages are kept in test-artifacts/ (issue 7 acceptance)."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator

import httpx
import pytest

from adapters.outbound.gauzy_model import GauzyDouble
from tests.e2e.oauth_flow import LoopbackReceiver, McpOverHttp, authorize_url, pkce_pair, register, token
from tests.remote import ROOT, ServerProcess

pytestmark = pytest.mark.e2e
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
ARTIFACTS = ROOT / "test-artifacts"


@pytest.fixture
def gauzy() -> Iterator[GauzyDouble]:
    with GauzyDouble() as double:
        yield double


@pytest.fixture
def server(gauzy: GauzyDouble) -> Iterator[ServerProcess]:
    keys = tempfile.mkdtemp(prefix="gauzy-mcp-keys-")
    process = ServerProcess("http", API_BASE_URL=gauzy.base_url, MCP_AUTH_ENABLED="true",
                            MCP_AUTH_ALLOW_EMBEDDED_SERVER="true", MCP_AUTH_KEY_PATH=f"{keys}/keys.json",
                            MCP_CORS_ORIGIN="https://client.example.test")
    process.start()
    try:
        yield process
    finally:
        process.stop()
        shutil.rmtree(keys, ignore_errors=True)


@pytest.fixture
def chromium() -> Iterator[object]:
    if not shutil.which(CHROMIUM):
        pytest.skip("Debian's chromium is not installed (apt-get install chromium); CI installs it")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            yield browser
        finally:
            browser.close()


def sign_in_and_consent(chromium, url: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page = chromium.new_page()
    page.goto(url)
    page.get_by_label("Email").fill("admin@ever.co")
    page.get_by_label("Password").fill("not-the-password")
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("alert").wait_for()
    assert "email or password is not right" in page.get_by_role("alert").inner_text()
    page.screenshot(path=str(ARTIFACTS / "oauth-sign-in-wrong-password.png"), full_page=True)
    page.get_by_label("Email").fill("admin@ever.co")
    page.get_by_label("Password").fill("admin")
    page.screenshot(path=str(ARTIFACTS / "oauth-sign-in.png"), full_page=True)
    page.keyboard.press("Enter")  # keyboard use: the form submits without a mouse
    page.get_by_role("button", name="Allow").wait_for()
    assert "E2E test client" in page.content() and "mcp.read" in page.content()
    page.screenshot(path=str(ARTIFACTS / "oauth-consent.png"), full_page=True)
    page.get_by_role("button", name="Allow").click()
    page.wait_for_url("http://127.0.0.1:*/callback?*")
    page.close()


def test_browser_sign_in_consent_tool_call_refresh_revoke(server: ServerProcess, gauzy: GauzyDouble,
                                                          chromium) -> None:
    """Issue 7 acceptance: the whole flow in a real browser, then the token at /mcp (items 12,
    15, 16, 17, 18, 20, 21, 22, 25 along the way)."""
    receiver = LoopbackReceiver()
    try:
        client = register(server.url)
        verifier, challenge = pkce_pair()
        resource = server.url + "/mcp"
        sign_in_and_consent(chromium, authorize_url(server.url, client["client_id"], receiver.redirect_uri,
                                                    challenge, resource, state="e2e-state"))
        answer = receiver.wait()
    finally:
        receiver.close()
    assert answer["state"] == ["e2e-state"] and answer["iss"] == [server.url]  # RFC 9207 §2
    tokens = token(server.url, grant_type="authorization_code", code=answer["code"][0], client_id=client["client_id"],
                   redirect_uri=receiver.redirect_uri, code_verifier=verifier, resource=resource).json()

    mcp = McpOverHttp(server.url, tokens["access_token"])
    try:
        assert mcp.start().status_code == 200
        projects = mcp.tool("get_projects")
        names = {project["name"] for project in projects["items"]}
        assert names and "Secret Project" not in names  # the admin's tenant, not another one
        sent = [{k.lower(): v for k, v in r.headers.items()} for r in gauzy.requests if r.path != "/api/auth/login"]
        assert sent and all(h.get("authorization", "").startswith("Bearer ") for h in sent)  # the person's token
        assert not any(tokens["access_token"] in str(h) for h in sent)  # never ours (SECURITY.md item 5)

        rotated = token(server.url, grant_type="refresh_token", refresh_token=tokens["refresh_token"],
                        client_id=client["client_id"]).json()
        mcp.access_token = rotated["access_token"]
        assert mcp.tool("get_projects")["items"]
        revoked = httpx.post(server.url + "/oauth2/revoke", data={"token": rotated["refresh_token"],
                                                                   "client_id": client["client_id"]})
        assert revoked.status_code == 200
        refused = mcp.post({"jsonrpc": "2.0", "id": 3, "method": "tools/call",
                            "params": {"name": "get_projects", "arguments": {}}})
        assert refused.status_code == 401 and "resource_metadata" in refused.headers["www-authenticate"]
    finally:
        mcp.close()


def test_authorize_has_no_cors_headers_through_the_mcp_stack(server: ServerProcess) -> None:
    """Item 21 on the embedded server: /authorize never answers with CORS headers, even for an
    origin the MCP transport allows (MCP_CORS_ORIGIN), while the token endpoint does."""
    client = register(server.url)
    _, challenge = pkce_pair()
    url = authorize_url(server.url, client["client_id"], "http://127.0.0.1:9/callback", challenge,
                        server.url + "/mcp", "s")
    page = httpx.get(url, headers={"Origin": "https://client.example.test"})
    assert page.status_code == 200
    assert not [name for name in page.headers if name.lower().startswith("access-control-")]
    assert page.headers["x-frame-options"] == "DENY" and page.headers["referrer-policy"] == "no-referrer"
    assert "mcp-session-id" not in page.headers.get("set-cookie", "")
    metadata = httpx.get(server.url + "/.well-known/oauth-authorization-server",
                         headers={"Origin": "https://client.example.test"})
    assert metadata.headers["access-control-allow-origin"] == "*"
