"""The sign-in and consent pages over HTTP — SECURITY.md items 13, 21, 22 (and 25 on the wire)."""

from __future__ import annotations

import re

import pytest

from tests.security.as_harness import REDIRECT, harness, query
from tests.security.as_http import Browser, app_for, hidden_fields

pytestmark = pytest.mark.anyio
FRAMING = {"x-frame-options": "DENY", "referrer-policy": "no-referrer"}


async def flow():
    h = harness()
    client = await h.register()
    return h, client, Browser(app_for(h).test_client())


def assert_page_headers(response) -> None:
    for name, value in FRAMING.items():
        assert response.headers.get(name) == value, name
    assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]
    assert not any(name.lower().startswith("access-control-") for name, _ in response.headers.items())


async def test_sign_in_page_headers_and_no_cors_even_for_a_cross_origin_request() -> None:
    """Item 21: X-Frame-Options DENY, CSP frame-ancestors 'none', Referrer-Policy no-referrer, and
    no CORS headers on /authorize (RFC 9700 §4.16; §2.6)."""
    h, client, browser = await flow()
    response = await browser.authorize(h.authorize_params(client["client_id"]))
    response_x = await browser.get("/oauth2/authorize", headers={"Origin": "https://evil.test"},
                                   query_string={k: v[0] for k, v in h.authorize_params(client["client_id"]).items()})
    for each in (response, response_x):
        assert each.status_code == 200
        assert_page_headers(each)
    options = await browser.client.options("/oauth2/authorize", headers={"Origin": "https://evil.test",
                                                                           "Access-Control-Request-Method": "POST"})
    assert not any(name.lower().startswith("access-control-") for name, _ in options.headers.items())


async def test_pages_load_nothing_from_third_parties() -> None:
    """Item 21: no third-party resources: every src/href is our own (RFC 9700 §4.16; CSP default-src 'none')."""
    h, client, browser = await flow()
    pages = [await (await browser.authorize(h.authorize_params(client["client_id"]))).get_data(as_text=True),
             await browser.consent_page(h.authorize_params(client["client_id"]))]
    for page in pages:
        for url in re.findall(r'(?:src|href|action)="([^"]*)"', page):
            assert url.startswith("/"), url
    csp = (await browser.authorize(h.authorize_params(client["client_id"]))).headers["Content-Security-Policy"]
    assert "default-src 'none'" in csp


async def test_every_post_answers_303() -> None:
    """Item 21: 303 (never 307) after every POST: failed and good sign-in, consent, bad CSRF
    (RFC 9700 §4.12)."""
    h, client, browser = await flow()
    page = await (await browser.authorize(h.authorize_params(client["client_id"]))).get_data(as_text=True)
    wrong = await browser.sign_in(page, password="wrong")
    forged = await browser.post("/oauth2/authorize/sign-in", {**hidden_fields(page), "csrf_token": "forged",
                                                              "email": "a", "password": "b"})
    page = await (await browser.authorize(h.authorize_params(client["client_id"]))).get_data(as_text=True)
    good = await browser.sign_in(page)
    consent = await browser.consent_page(h.authorize_params(client["client_id"]))
    approved = await browser.decide(consent)
    for response in (wrong, forged, good, approved):
        assert response.status_code == 303


async def test_wrong_password_page_says_so_and_offers_the_form_again() -> None:
    """Issue 7: after a wrong password the page says so, with the form to try again."""
    h, client, browser = await flow()
    page = await (await browser.authorize(h.authorize_params(client["client_id"]))).get_data(as_text=True)
    back = await browser.sign_in(page, password="wrong")
    again = await (await browser.get(back.headers["Location"])).get_data(as_text=True)
    assert "email or password is not right" in again and 'name="password"' in again and 'role="alert"' in again


async def test_consent_page_shows_client_name_scopes_and_exact_redirect_uri() -> None:
    """Item 22: the client's name, the scopes and the exact redirect URI are on the page, with a CSRF token."""
    h, client, browser = await flow()
    page = await browser.consent_page(h.authorize_params(client["client_id"]))
    assert "Test client" in page and "mcp.read" in page and "mcp.write" in page
    assert f'<code class="redirect-uri">{REDIRECT}</code>' in page
    assert len(hidden_fields(page)["csrf_token"]) >= 32


async def test_consent_post_without_the_csrf_token_issues_nothing() -> None:
    """Item 22: the consent POST needs the CSRF token (RFC 6749 §10.12)."""
    h, client, browser = await flow()
    page = await browser.consent_page(h.authorize_params(client["client_id"]))
    fields = hidden_fields(page)
    for token in ("", "x" * 43):
        response = await browser.post("/oauth2/authorize/consent", {**fields, "csrf_token": token,
                                                                   "decision": "approve"})
        assert response.status_code == 303 and response.headers["Location"].startswith("/oauth2/authorize?")
        assert "code=" not in response.headers["Location"]


async def test_cookies_are_host_prefixed_secure_httponly_lax_and_consent_is_bound_to_client_id() -> None:
    """Item 22: `__Host-`, Secure, HttpOnly, SameSite=Lax; the consent cookie is bound to its
    client_id: another client is asked again (MCP Security BP "Confused Deputy")."""
    h, client, browser = await flow()
    page = await browser.consent_page(h.authorize_params(client["client_id"]))
    approved = await browser.decide(page)
    cookies = approved.headers.getlist("Set-Cookie")
    assert cookies and all(c.startswith("__Host-") and "Secure" in c and "HttpOnly" in c and "SameSite=Lax" in c
                           and "Path=/" in c and "Domain" not in c for c in cookies)
    remembered = await browser.authorize(h.authorize_params(client["client_id"]))
    assert remembered.status_code == 303 and "code=" in remembered.headers["Location"]
    other = await h.register()
    asked = await browser.authorize(h.authorize_params(other["client_id"]))
    assert asked.status_code == 200 and "Allow" in await asked.get_data(as_text=True)


async def test_unknown_client_gets_a_400_page_without_location() -> None:
    """Item 13: unknown client_id or unregistered redirect_uri → 400 page, no Location (RFC 6749 §4.1.2.1)."""
    h, client, browser = await flow()
    for params in (h.authorize_params("nobody"), h.authorize_params(client["client_id"],
                                                                    redirect_uri="https://evil.test/cb")):
        response = await browser.authorize(params)
        assert response.status_code == 400 and "Location" not in response.headers
        assert_page_headers(response)


async def test_later_errors_redirect_with_state_and_iss() -> None:
    """Items 13 and 25: errors after the redirect URI is verified go back with error, state, iss (RFC 9207 §2)."""
    h, client, browser = await flow()
    response = await browser.authorize(h.authorize_params(client["client_id"], code_challenge_method="plain"))
    assert response.status_code == 303
    assert query(response.headers["Location"]) == {
        "error": ["invalid_request"], "error_description": [query(response.headers["Location"])
                                                            ["error_description"][0]],
        "state": ["st-1"], "iss": [h.config.issuer]}


async def test_deny_redirects_with_access_denied_state_and_iss() -> None:
    """Item 25 / RFC 6749 §4.1.2.1: denial → access_denied with the unchanged state and iss."""
    h, client, browser = await flow()
    page = await browser.consent_page(h.authorize_params(client["client_id"], state="keep me"))
    response = await browser.decide(page, "deny")
    got = query(response.headers["Location"])
    assert got["error"] == ["access_denied"] and got["state"] == ["keep me"] and got["iss"] == [h.config.issuer]


async def test_approval_redirects_with_code_state_and_iss() -> None:
    """Item 25: the code redirect carries iss (RFC 9207 §2) and the unchanged state."""
    h, client, browser = await flow()
    page = await browser.consent_page(h.authorize_params(client["client_id"]))
    response = await browser.decide(page)
    got = query(response.headers["Location"])
    assert set(got) == {"code", "state", "iss"} and got["iss"] == [h.config.issuer] and got["state"] == ["st-1"]
    assert (await h.exchange(client, got["code"][0]))["access_token"]


async def test_form_fields_have_labels() -> None:
    """Issue 7 (accessibility): every visible input has a label; the error is announced."""
    h, client, browser = await flow()
    page = await (await browser.authorize(h.authorize_params(client["client_id"]))).get_data(as_text=True)
    for field in re.findall(r'<input id="([a-z]+)"', page):
        assert f'<label for="{field}">' in page
    assert '<html lang="en">' in page
