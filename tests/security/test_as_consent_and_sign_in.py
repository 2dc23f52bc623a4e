"""Sign-in and consent at the use-case level — SECURITY.md item 22 (consent per client_id,
CSRF token, nothing stored before consent) and the sign-in page's promises of issue 7. The
pages' headers and cookies are checked in test_as_pages_http.py."""

from __future__ import annotations

import pytest

from application.oauth.browser import BrowserSessions, person_session_key
from domain.errors import UpstreamUnavailableError
from domain.oauth.errors import SignInError
from tests.security.as_harness import EMAIL, PASSWORD, harness

pytestmark = pytest.mark.anyio


class UnreachableGauzy:
    async def login(self, email: str, password: str):
        raise UpstreamUnavailableError("Gauzy is unreachable.")


async def test_consent_is_per_client_id() -> None:
    """Item 22: approving one client does not approve another, even with the same redirect URI
    and scopes (MCP Security BP "Confused Deputy")."""
    h = harness()
    first, second = await h.register(), await h.register()
    subject = await h.sign_in()
    request = await h.server.validate(h.authorize_params(first["client_id"]))
    await h.server.consents.record(subject, request)
    assert await h.server.consents.covers(subject, request)
    other = await h.server.validate(h.authorize_params(second["client_id"]))
    assert not await h.server.consents.covers(subject, other)


async def test_consent_does_not_stretch_to_more_scopes_or_another_redirect_uri() -> None:
    """Item 22: consent covers the scopes and exact redirect URI the person saw (RFC 6749 §10.2)."""
    h = harness()
    client = await h.register(redirect_uris=["https://client.example.test/callback", "https://client.example.test/b"])
    subject = await h.sign_in()
    await h.server.consents.record(subject, await h.server.validate(h.authorize_params(client["client_id"],
                                                                                       scope="mcp.read")))
    wider = await h.server.validate(h.authorize_params(client["client_id"], scope="mcp.read mcp.write"))
    elsewhere = await h.server.validate(h.authorize_params(client["client_id"], scope="mcp.read",
                                                           redirect_uri="https://client.example.test/b"))
    assert not await h.server.consents.covers(subject, wider)
    assert not await h.server.consents.covers(subject, elsewhere)


async def test_the_consent_form_needs_the_sessions_csrf_token() -> None:
    """Item 22: the consent POST needs the CSRF token of the browser session (RFC 6749 §10.12)."""
    h = harness()
    _, session = await h.server.browser.open()
    _, other = await h.server.browser.open()
    assert BrowserSessions.csrf_ok(session, session.csrf_token)
    for presented in (None, "", other.csrf_token, session.csrf_token[:-1]):
        assert not BrowserSessions.csrf_ok(session, presented)
    assert not BrowserSessions.csrf_ok(None, session.csrf_token)


async def test_nothing_of_the_request_is_stored_before_consent() -> None:
    """Item 22: validating the request and signing in store no code or `state`; only approval
    creates the code, which is single-use and short-lived (MCP Security BP "Confused Deputy")."""
    h = harness()
    client = await h.register()
    request = await h.server.validate(h.authorize_params(client["client_id"], state="unique-state-value"))
    subject = await h.sign_in()
    assert await h.server.consents.covers(subject, request) is False
    issued = await h.server.issue_code(subject, request)
    assert "unique-state-value" in issued.redirect_to
    assert (await h.exchange(client, issued.code))["access_token"]


async def test_browser_sessions_expire() -> None:
    """Item 22: the pages' session (and its CSRF token) lives ≤ 30 min by default (RFC 9700 §4.7)."""
    h = harness()
    session_id, _ = await h.server.browser.open()
    h.clock.advance(seconds=h.config.browser_session_ttl)
    assert await h.server.browser.find(session_id) is None


async def test_sign_in_stores_the_gauzy_credential_and_starts_a_new_session() -> None:
    """Issue 7: the Gauzy credential is stored for that person; the session id changes at
    sign-in (session fixation, OWASP Session Management)."""
    h = harness()
    old_id, _ = await h.server.browser.open()
    new_id, session = await h.server.sign_in(old_id, EMAIL, PASSWORD)
    assert new_id != old_id and await h.server.browser.find(old_id) is None
    stored = await h.sessions.load(person_session_key(str(session.subject)))
    assert stored is not None and stored.credential is not None and stored.credential.email == EMAIL


async def test_wrong_password_says_so() -> None:
    """Issue 7: wrong password → the page says so (and the person may retry)."""
    h = harness()
    old_id, _ = await h.server.browser.open()
    with pytest.raises(SignInError) as refused:
        await h.server.sign_in(old_id, EMAIL, "wrong")
    assert refused.value.reason == "wrong_credentials" and "password" in refused.value.message
    assert await h.server.browser.find(old_id) is not None  # the form can be posted again


async def test_unreachable_gauzy_is_not_reported_as_a_wrong_password() -> None:
    """Issue 7: Gauzy unreachable → the page says that, not "wrong password"."""
    h = harness(gauzy=UnreachableGauzy())  # type: ignore[arg-type]
    old_id, _ = await h.server.browser.open()
    with pytest.raises(SignInError) as refused:
        await h.server.sign_in(old_id, EMAIL, PASSWORD)
    assert refused.value.reason == "gauzy_unreachable"
    assert "reached" in refused.value.message and "password is not right" not in refused.value.message
