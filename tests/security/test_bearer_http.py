"""Bearer tokens on the HTTP endpoints of a real server process (RFC 6750; MCP 2025-06-18
"Authorization") — SECURITY.md items 2, 4, 6, 7 and 8, acceptance of issue 5.

Every refusal is checked on `POST /mcp`, `POST /sse` and `GET /sse/events`: status 401, the exact
`WWW-Authenticate` challenge, and a body that does not say which check failed.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import httpx
import pytest

from tests.security.keys import ISSUER, SigningKey, hmac_with_public_key, unsigned_token
from tests.security.protected import JSON, MCP_ACCEPT, Protected, sdk_client

pytestmark = pytest.mark.e2e
LEAKY_WORDS = ("expired", "issuer", "audience", "kid", "signature", "algorithm", "nbf", "not yet", "HS256", "none")

REFUSED_TOKENS: dict[str, Callable[[Protected], str]] = {
    "expired": lambda p: p.token(exp=int(time.time()) - 300, iat=int(time.time()) - 900),
    "not yet valid": lambda p: p.token(nbf=int(time.time()) + 600),
    "wrong issuer": lambda p: p.token(iss="https://evil.example.test"),
    "issuer with a trailing slash": lambda p: p.token(iss=ISSUER + "/"),
    "other resource": lambda p: p.token(aud="https://other.example.test/mcp"),
    "list-valued audience": lambda p: p.token(aud=[p.resource, "https://other.example.test/mcp"]),
    "missing audience": lambda p: p.token(aud=None),
    "alg none": lambda p: unsigned_token({"iss": ISSUER, "sub": "user-1", "aud": p.resource,
                                          "exp": int(time.time()) + 300, "iat": int(time.time())}, kid=p.key.kid),
    "HS256 signed with the public key": lambda p: hmac_with_public_key(p.key, {
        "iss": ISSUER, "sub": "user-1", "aud": p.resource, "exp": int(time.time()) + 300, "iat": int(time.time())}),
    "unknown kid": lambda p: p.token(key=SigningKey.rsa("never-published")),
    "missing kid": lambda p: p.key.token({"iss": ISSUER, "sub": "user-1", "aud": p.resource,
                                          "exp": int(time.time()) + 300, "iat": int(time.time())}, kid=None),
    "id token type": lambda p: p.key.token({"iss": ISSUER, "sub": "user-1", "aud": p.resource,
                                            "exp": int(time.time()) + 300, "iat": int(time.time())},
                                           typ="id_token+jwt"),
    "garbage": lambda p: "not.a.token",
}


def request(protected: Protected, endpoint: str, headers: dict[str, str], query: str = "") -> httpx.Response:
    url = protected.process.url + endpoint + query
    if endpoint == "/sse/events":
        return httpx.get(url, headers=headers, timeout=10)
    body = b'{"jsonrpc":"2.0","id":1,"method":"tools/list","params":{}}'
    extra = MCP_ACCEPT if endpoint == "/mcp" else {}
    return httpx.post(url, content=body, headers={**JSON, **extra, **headers}, timeout=10)


def assert_unauthorized(answer: httpx.Response, protected: Protected, *, token_sent: bool) -> None:
    assert answer.status_code == 401, answer.text
    expected = f'Bearer resource_metadata="{protected.metadata_url}"'
    if token_sent:
        expected += ', error="invalid_token"'
    assert answer.headers["www-authenticate"] == expected
    assert not any(word.lower() in answer.text.lower() for word in LEAKY_WORDS), answer.text


@pytest.mark.parametrize("endpoint", ["/mcp", "/sse", "/sse/events"])
def test_no_token_is_401_with_the_metadata_pointer(protected: Protected, endpoint: str) -> None:
    """Item 2: no credentials → 401 and `resource_metadata`, without an error code
    (RFC 9728 §5.1; RFC 6750 §3.1; MCP "Authorization Server Location")."""
    assert_unauthorized(request(protected, endpoint, {}), protected, token_sent=False)


@pytest.mark.parametrize("case", sorted(REFUSED_TOKENS))
@pytest.mark.parametrize("endpoint", ["/mcp", "/sse", "/sse/events"])
def test_each_bad_token_is_401_invalid_token(protected: Protected, endpoint: str, case: str) -> None:
    """Items 2, 4, 7, 8: expired, not yet valid, wrong issuer, wrong/list/missing audience, alg none,
    HS256 with the public key, unknown/missing kid, wrong typ, garbage → 401 `invalid_token`, body
    without detail (RFC 6750 §3.1; RFC 8725 §2.1, §3.1, §3.10, §3.11; RFC 9068 §4; RFC 8707 §2)."""
    token = REFUSED_TOKENS[case](protected)
    assert_unauthorized(request(protected, endpoint, {"Authorization": f"Bearer {token}"}), protected, token_sent=True)


@pytest.mark.parametrize("endpoint", ["/mcp", "/sse", "/sse/events"])
def test_a_token_in_the_query_string_is_ignored(protected: Protected, endpoint: str) -> None:
    """Item 6: `?access_token=` — even a valid one — does not authenticate; only the Authorization
    header does (RFC 6750 §2.3, §5.3; MCP "Token Requirements")."""
    answer = request(protected, endpoint, {}, query=f"?access_token={protected.token()}")
    assert_unauthorized(answer, protected, token_sent=False)


@pytest.mark.parametrize("header", ["Basic dXNlcjpwYXNz", "Token abc", "Bearer", "Bearer a b", "Bearer {x}"])
def test_other_schemes_and_malformed_headers_are_refused(protected: Protected, header: str) -> None:
    """Items 2 and 6: only `Bearer <b64token>` authenticates (RFC 6750 §2.1)."""
    answer = request(protected, "/sse", {"Authorization": header})
    assert answer.status_code == 401
    assert answer.headers["www-authenticate"].startswith(f'Bearer resource_metadata="{protected.metadata_url}"')


def test_the_scheme_name_is_case_insensitive(protected: Protected) -> None:
    """Item 2: `bearer` works as `Bearer` (RFC 9110 §11.1: auth schemes are case-insensitive)."""
    answer = request(protected, "/sse", {"Authorization": f"bearer {protected.token()}"})
    assert answer.status_code == 200, answer.text


def test_a_valid_token_works_on_sse(protected: Protected) -> None:
    """Acceptance: a valid token lists and calls tools on the JSON-RPC endpoint."""
    token = protected.token()
    assert protected.rpc("tools/list", token=token).json()["result"]["tools"]
    signed_in = protected.tool("login", {"email": "admin@ever.co", "password": "admin"}, token=token)
    assert not signed_in["isError"], signed_in
    projects = protected.tool("get_projects", {"limit": 1}, token=token)
    assert not projects["isError"], projects


def test_a_valid_token_opens_the_event_stream(protected: Protected) -> None:
    """Acceptance: `GET /sse/events` with a valid token streams (the first event is `ready`)."""
    headers = {"Authorization": f"Bearer {protected.token()}"}
    with httpx.stream("GET", protected.process.url + "/sse/events", headers=headers, timeout=10) as answer:
        assert answer.status_code == 200
        assert answer.headers["content-type"].startswith("text/event-stream")
        first = next(answer.iter_text())
    assert first.startswith("event: ready")


@pytest.mark.anyio
async def test_a_valid_token_works_with_the_sdk_client_on_mcp(protected: Protected) -> None:
    """Acceptance: the MCP SDK's streamable-HTTP client, with the token on its httpx2 client,
    lists tools, signs in and calls a read tool on /mcp."""
    async with sdk_client(protected.resource, protected.token(sub="sdk-user")) as client:
        assert {"login", "get_projects"} <= {tool.name for tool in (await client.list_tools()).tools}
        signed_in = await client.call_tool("login", {"email": "admin@ever.co", "password": "admin"})
        assert not signed_in.is_error, signed_in
        projects = await client.call_tool("get_projects", {"limit": 1})
        assert not projects.is_error, projects


def test_a_person_without_a_gauzy_sign_in_is_told_how_to_sign_in(protected: Protected) -> None:
    """Issue 5 §5: the principal's credential comes from the session store; none → a clear error
    naming the login tool (and no service account stands in for them)."""
    result = protected.tool("get_projects", {"limit": 1}, token=protected.token(sub="never-signed-in"))
    assert result["isError"]
    assert "login tool" in result["content"][0]["text"]


def test_health_and_metadata_need_no_token(protected: Protected) -> None:
    """Item 1: discovery works before the client has a token (RFC 9728 §3)."""
    assert httpx.get(protected.process.url + "/health", timeout=5).status_code == 200
    assert httpx.get(protected.metadata_url, timeout=5).status_code == 200
