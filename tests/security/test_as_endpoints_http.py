"""The JSON endpoints on the wire — SECURITY.md items 11, 19, 20, 24 (headers, status codes and
RFC 6749 §5.2 error bodies that the use-case tests cannot see)."""

from __future__ import annotations

import base64
from urllib.parse import quote

import pytest

from tests.security.as_harness import REDIRECT, RESOURCE, VERIFIER, harness, query
from tests.security.as_http import Browser, app_for

pytestmark = pytest.mark.anyio
ERRORS = {"invalid_request", "invalid_client", "invalid_grant", "unauthorized_client", "unsupported_grant_type",
          "invalid_scope", "invalid_target"}


async def setup():
    h = harness()
    return h, app_for(h).test_client()


def basic(client_id: str, secret: str) -> dict[str, str]:
    raw = f"{quote(client_id, safe='')}:{quote(secret, safe='')}".encode()
    return {"Authorization": "Basic " + base64.b64encode(raw).decode()}


async def register(client, **metadata) -> dict:
    document = {"redirect_uris": [REDIRECT], "token_endpoint_auth_method": "none",
                "grant_types": ["authorization_code", "refresh_token"], "client_name": "HTTP client", **metadata}
    response = await client.post("/oauth2/register", json=document)
    assert response.status_code == 201, await response.get_data(as_text=True)
    return await response.get_json()


async def code_flow(h, client) -> tuple[dict, dict]:
    registered = await register(client)
    browser = Browser(client)
    page = await browser.consent_page(h.authorize_params(registered["client_id"]))
    code = query((await browser.decide(page)).headers["Location"])["code"][0]
    response = await client.post("/oauth2/token", form={
        "grant_type": "authorization_code", "code": code, "redirect_uri": REDIRECT, "code_verifier": VERIFIER,
        "client_id": registered["client_id"], "resource": RESOURCE})
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"
    return registered, await response.get_json()


async def test_metadata_on_the_wire() -> None:
    """Item 11: the RFC 8414 document at its well-known path, issuer exact, S256 only (RFC 8414 §3)."""
    h, client = await setup()
    for path in ("/.well-known/oauth-authorization-server", "/.well-known/openid-configuration"):
        document = await (await client.get(path)).get_json()
        assert document["issuer"] == h.config.issuer
        assert document["code_challenge_methods_supported"] == ["S256"]
        assert document["authorization_response_iss_parameter_supported"] is True


async def test_jwks_on_the_wire_has_public_keys_only() -> None:
    """Item 24: /.well-known/jwks.json serves public keys only, each with a kid (RFC 7517 §5)."""
    _, client = await setup()
    keys = (await (await client.get("/.well-known/jwks.json")).get_json())["keys"]
    assert keys and all(k["kid"] and not {"d", "p", "q", "dp", "dq", "qi"} & set(k) for k in keys)


async def test_token_success_and_error_answers_are_no_store_json() -> None:
    """Item 19: `Cache-Control: no-store` on success and on errors; errors are §5.2 JSON (RFC 6749 §5.1, §5.2)."""
    h, client = await setup()
    await code_flow(h, client)
    response = await client.post("/oauth2/token", form={"grant_type": "password", "username": "a", "password": "b",
                                                        "client_id": "x"})
    body = await response.get_json()
    assert response.status_code == 400 and response.headers["Cache-Control"] == "no-store"
    assert body["error"] == "unsupported_grant_type" and set(body) == {"error", "error_description"}


@pytest.mark.parametrize("form", [
    {"grant_type": "implicit", "client_id": "c"},
    {"grant_type": "authorization_code"},  # no client at all
    {"grant_type": "refresh_token", "refresh_token": "nope", "client_id": "c"},
    {},
])
async def test_errors_come_from_the_rfc6749_set(form: dict) -> None:
    """Item 19: every error is one of the §5.2 codes (+ RFC 8707 `invalid_target`)."""
    _, client = await setup()
    response = await client.post("/oauth2/token", form=form)
    assert (await response.get_json())["error"] in ERRORS and response.status_code in (400, 401)


async def test_json_body_instead_of_a_form_is_invalid_request() -> None:
    """Item 19: the token endpoint takes application/x-www-form-urlencoded (RFC 6749 §3.2, §4.1.3)."""
    _, client = await setup()
    response = await client.post("/oauth2/token", json={"grant_type": "client_credentials"})
    assert (await response.get_json())["error"] == "invalid_request"


async def test_basic_auth_failure_is_401_with_a_basic_challenge() -> None:
    """Item 19: `invalid_client` → 401 with `WWW-Authenticate` when Basic was tried (RFC 6749 §5.2)."""
    _, client = await setup()
    confidential = await register(client, grant_types=["client_credentials"], redirect_uris=[],
                                  token_endpoint_auth_method="client_secret_basic")
    ok = await client.post("/oauth2/token", form={"grant_type": "client_credentials"},
                           headers=basic(confidential["client_id"], confidential["client_secret"]))
    bad = await client.post("/oauth2/token", form={"grant_type": "client_credentials"},
                            headers=basic(confidential["client_id"], "wrong"))
    assert ok.status_code == 200
    assert bad.status_code == 401 and bad.headers["WWW-Authenticate"].startswith("Basic")
    assert (await bad.get_json())["error"] == "invalid_client"


async def test_two_client_authentication_methods_at_once_are_refused() -> None:
    """Item 19: a client uses one authentication method per request (RFC 6749 §2.3)."""
    _, client = await setup()
    confidential = await register(client, grant_types=["client_credentials"], redirect_uris=[],
                                  token_endpoint_auth_method="client_secret_basic")
    response = await client.post("/oauth2/token", form={
        "grant_type": "client_credentials", "client_secret": confidential["client_secret"]},
        headers=basic(confidential["client_id"], confidential["client_secret"]))
    assert (await response.get_json())["error"] == "invalid_request"


async def test_registration_errors_are_rfc7591_json() -> None:
    """Item 14: `invalid_redirect_uri` / `invalid_client_metadata` with 400 (RFC 7591 §3.2.2)."""
    _, client = await setup()
    bad_uri = await client.post("/oauth2/register", json={"redirect_uris": ["http://evil.test/cb"]})
    bad_grant = await client.post("/oauth2/register", json={"redirect_uris": [REDIRECT], "grant_types": ["password"]})
    not_json = await client.post("/oauth2/register", data="x", headers={"Content-Type": "text/plain"})
    assert bad_uri.status_code == bad_grant.status_code == not_json.status_code == 400
    assert (await bad_uri.get_json())["error"] == "invalid_redirect_uri"
    assert (await bad_grant.get_json())["error"] == (await not_json.get_json())["error"] == "invalid_client_metadata"


async def test_revocation_is_200_for_anything_and_kills_the_grant() -> None:
    """Item 20: always 200 (unknown token included); revoking the refresh token kills the access
    token, as introspection then shows (RFC 7009 §2.1, §2.2)."""
    h, client = await setup()
    registered, tokens = await code_flow(h, client)
    for token in ("unknown", tokens["refresh_token"]):
        response = await client.post("/oauth2/revoke", form={"token": token, "client_id": registered["client_id"]})
        assert response.status_code == 200
    info = await client.get("/oauth2/userinfo", headers={"Authorization": f"Bearer {tokens['access_token']}"})
    assert info.status_code == 401 and 'error="invalid_token"' in info.headers["WWW-Authenticate"]


async def test_userinfo_with_a_good_token() -> None:
    """Userinfo names the signed-in person for an active token (RFC 6750 §2.1: header only)."""
    h, client = await setup()
    _, tokens = await code_flow(h, client)
    info = await client.get("/oauth2/userinfo", headers={"Authorization": f"Bearer {tokens['access_token']}"})
    assert (await info.get_json())["email"] == "admin@ever.co"
    in_query = await client.get("/oauth2/userinfo", query_string={"access_token": tokens["access_token"]})
    assert in_query.status_code == 401


async def test_api_endpoints_allow_cors_without_credentials() -> None:
    """Browser-based clients may call the JSON endpoints: CORS `*`, never with credentials (Fetch §3.2.5)."""
    _, client = await setup()
    response = await client.get("/.well-known/oauth-authorization-server", headers={"Origin": "https://app.test"})
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in response.headers
