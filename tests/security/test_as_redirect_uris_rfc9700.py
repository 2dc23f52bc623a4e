"""Redirect URI matching and the authorization endpoint's error handling — SECURITY.md items 12
and 13. Matching is simple string comparison, except the loopback port (RFC 8252 §7.3)."""

from __future__ import annotations

import pytest

from application.oauth.authorization import error_redirect
from application.oauth.uris import redirect_uri_matches
from domain.oauth.errors import RedirectedError, UnredirectableError
from tests.security.as_harness import ISSUER, LOOPBACK_REDIRECT, REDIRECT, harness, query

pytestmark = pytest.mark.anyio


@pytest.mark.parametrize("presented", [
    "https://client.example.test:443/callback",  # default port spelled out
    "https://client.example.test/callback/",  # trailing slash
    "https://Client.example.test/callback",  # case change in the host
    "https://client.example.test/Callback",  # case change in the path
    "https://client.example.test/callback?x=1",  # extra query
    "https://client.example.test/callback/../callback",  # dot segments
    "https://client.example.test/callback#frag",  # fragment
    "https://client.example.test.evil.test/callback",  # suffix host
    "https://client.example.test@evil.test/callback",  # userinfo trick
    "http://client.example.test/callback",  # scheme downgrade
    "https://client.example.test/callbackx",  # prefix match
])
def test_anything_but_the_exact_registered_string_is_refused(presented: str) -> None:
    """Item 12: simple string comparison on the raw strings (RFC 9700 §2.1, §4.1.3; RFC 6749 §3.1.2.3)."""
    assert not redirect_uri_matches(REDIRECT, presented)


def test_the_exact_registered_string_matches() -> None:
    """Item 12 baseline (RFC 6749 §3.1.2.3)."""
    assert redirect_uri_matches(REDIRECT, REDIRECT)


@pytest.mark.parametrize("presented", ["http://127.0.0.1:51234/callback", "http://127.0.0.1:80/callback",
                                       "http://127.0.0.1/callback"])
def test_a_loopback_uri_matches_on_any_port(presented: str) -> None:
    """Item 12: the loopback exception: any port, everything else identical (RFC 8252 §7.3)."""
    assert redirect_uri_matches(LOOPBACK_REDIRECT, presented)


@pytest.mark.parametrize("presented", [
    "http://127.0.0.1:51234/callback/x",  # other path
    "http://127.0.0.2:51234/callback",  # other loopback address: not the registered string
    "http://localhost:51234/callback",  # other host spelling
    "https://127.0.0.1:51234/callback",  # other scheme
    "http://127.0.0.1:5x/callback",  # non-numeric port
    "http://127.0.0.1:1:2/callback",  # two ports
    "http://127.0.0.1:51234/callback?q=1",  # extra query
    "http://127.0.0.1@evil.test:80/callback",  # userinfo: the host is evil.test
    "http://evil.test:51234/callback",  # not loopback at all
])
def test_the_loopback_exception_covers_only_the_port(presented: str) -> None:
    """Item 12: only a loopback http://127.0.0.1:<any>/path matches a registered loopback URI (RFC 8252 §7.3)."""
    assert not redirect_uri_matches(LOOPBACK_REDIRECT, presented)


def test_the_port_exception_never_applies_to_https_hosts() -> None:
    """Item 12: a non-loopback URI gets no port leeway (RFC 9700 §4.1.3)."""
    assert not redirect_uri_matches("https://client.example.test/cb", "https://client.example.test:8443/cb")


async def test_unknown_client_gets_an_error_page_not_a_redirect() -> None:
    """Item 13: an unknown client_id → error page (400), no Location (RFC 6749 §4.1.2.1; RFC 9700 §4.11.2)."""
    h = harness()
    with pytest.raises(UnredirectableError) as refused:
        await h.server.validate(h.authorize_params("no-such-client"))
    assert refused.value.status == 400
    assert not isinstance(refused.value, RedirectedError)


@pytest.mark.parametrize("redirect_uri", ["https://evil.test/callback", None, REDIRECT + "/"])
async def test_unregistered_or_missing_redirect_uri_gets_an_error_page(redirect_uri: str | None) -> None:
    """Item 13: an unregistered or missing redirect_uri → error page, never a redirect to it (RFC 6749 §4.1.2.1)."""
    h = harness()
    client = await h.register()
    with pytest.raises(UnredirectableError):
        await h.server.validate(h.authorize_params(client["client_id"], redirect_uri=redirect_uri))


async def test_duplicated_client_id_or_redirect_uri_gets_an_error_page() -> None:
    """Item 13: parameters sent twice are `invalid_request` (RFC 6749 §3.1), and cannot be redirected."""
    h = harness()
    client = await h.register()
    with pytest.raises(UnredirectableError):
        await h.server.validate(h.authorize_params(client["client_id"], redirect_uri=[REDIRECT, "https://evil.test/"]))


async def test_later_errors_redirect_with_error_and_the_unchanged_state() -> None:
    """Item 13: once client and redirect URI are verified, errors redirect with `error` and the
    unchanged `state` (RFC 6749 §4.1.2.1); item 25: and with `iss` (RFC 9207 §2)."""
    h = harness()
    client = await h.register()
    state = "a b&c=d/é"
    with pytest.raises(RedirectedError) as refused:
        await h.server.validate(h.authorize_params(client["client_id"], code_challenge=None, state=state))
    location = error_redirect(refused.value, ISSUER)
    assert location.startswith(REDIRECT + "?")
    assert query(location) == {"error": ["invalid_request"], "error_description": [refused.value.description],
                               "state": [state], "iss": [ISSUER]}


async def test_registered_loopback_uri_accepts_the_runtime_port_and_keeps_it() -> None:
    """Item 12: the code goes back to the port the client presented (RFC 8252 §7.3)."""
    h = harness()
    client = await h.register(redirect_uris=[LOOPBACK_REDIRECT])
    request = await h.server.validate(h.authorize_params(client["client_id"],
                                                         redirect_uri="http://127.0.0.1:49152/callback"))
    assert request.redirect_uri == "http://127.0.0.1:49152/callback"
