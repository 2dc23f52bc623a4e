"""PKCE, mandatory and S256 only — SECURITY.md item 15 (RFC 7636; RFC 9700 §2.1.1, §4.8.2)."""

from __future__ import annotations

import inspect

import pytest

from application.oauth import pkce
from application.oauth.pkce import s256
from domain.oauth.errors import InvalidGrantError, RedirectedError
from tests.security.as_harness import VERIFIER, harness

pytestmark = pytest.mark.anyio


@pytest.mark.parametrize(("challenge", "method"), [
    (None, "S256"),  # missing challenge
    (s256(VERIFIER), None),  # missing method defaults to plain (RFC 7636 §4.3)
    (s256(VERIFIER), "plain"),
    (VERIFIER, "plain"),
    (s256(VERIFIER), "s256"),  # method names are case-sensitive
    (s256(VERIFIER)[:-1], "S256"),  # 42 characters: not a SHA-256 digest
    (s256(VERIFIER) + "A", "S256"),  # 44 characters
    (s256(VERIFIER)[:-1] + "=", "S256"),  # padding / not base64url
    (s256(VERIFIER)[:-1] + "+", "S256"),
])
async def test_missing_plain_or_malformed_challenge_is_invalid_request(challenge: str | None,
                                                                       method: str | None) -> None:
    """Item 15: missing `code_challenge`, `plain`, or a malformed challenge → `invalid_request`
    (RFC 7636 §4.4.1; RFC 9700 §2.1.1)."""
    h = harness()
    client = await h.register()
    with pytest.raises(RedirectedError) as refused:
        await h.server.validate(h.authorize_params(client["client_id"], code_challenge=challenge,
                                                   code_challenge_method=method))
    assert refused.value.error == "invalid_request"


@pytest.mark.parametrize("verifier", [
    None,  # no verifier
    "",
    "a" * 42,  # too short (RFC 7636 §4.1: 43..128)
    "a" * 129,  # too long
    VERIFIER[:-1] + "!",  # not an unreserved character
    VERIFIER[:-1] + "%",
    "b" * 43,  # well-formed but does not match
    s256(VERIFIER),  # the challenge itself (a "plain" downgrade)
])
async def test_a_bad_or_wrong_verifier_is_invalid_grant(verifier: str | None) -> None:
    """Item 15: a verifier not 43 to 128 unreserved chars, or not matching → `invalid_grant` (RFC 7636 §4.6)."""
    h = harness()
    client = await h.register()
    code, _ = await h.code_for(client["client_id"])
    with pytest.raises(InvalidGrantError):
        await h.exchange(client, code, code_verifier=verifier)


async def test_the_right_verifier_redeems_the_code() -> None:
    """Item 15 baseline (RFC 7636 §4.6)."""
    h = harness()
    client = await h.register()
    code, _ = await h.code_for(client["client_id"])
    assert (await h.exchange(client, code))["access_token"]


def test_a_verifier_with_no_stored_challenge_never_matches() -> None:
    """Item 15: a verifier presented for a code without a stored challenge is rejected (RFC 9700 §4.8.2)."""
    assert not pkce.verifier_matches(VERIFIER, None)
    assert not pkce.verifier_matches(VERIFIER, "")


def test_the_comparison_is_constant_time() -> None:
    """Item 15: compare with `hmac.compare_digest` (RFC 7636 §4.6; timing side channels)."""
    assert "hmac.compare_digest" in inspect.getsource(pkce.verifier_matches)
