"""JWKS key rotation on a real server process, without a restart — SECURITY.md item 9,
acceptance of issue 5 (RFC 8725 §3.10; RFC 7517 §5)."""

from __future__ import annotations

import math
import time

import pytest

from tests.security.keys import SigningKey, jwks
from tests.security.protected import Protected

pytestmark = pytest.mark.e2e


def test_a_new_signing_key_is_picked_up_without_a_restart(protected: Protected) -> None:
    """Item 9: the authorization server starts signing with a key it has just published; the
    running server fetches the JWKS again on the unknown kid and accepts the token, while the
    old key keeps working (MCP_AUTH_JWKS_REFETCH_INTERVAL=1 s in this process)."""
    issuer, old = protected.issuer, protected.key
    rotated = SigningKey.ec("rotated-1")
    assert protected.rpc("ping", token=protected.token()).status_code == 200
    assert protected.rpc("ping", token=protected.token(key=rotated)).status_code == 401  # not yet published
    issuer.documents["/jwks"] = jwks(old, rotated)
    time.sleep(1.1)  # the refetch cooldown
    fetched_before = issuer.hits("/jwks")
    for _ in range(5):
        assert protected.rpc("ping", token=protected.token(key=rotated)).status_code == 200
    assert protected.rpc("ping", token=protected.token()).status_code == 200
    assert issuer.hits("/jwks") == fetched_before + 1, "one fetch for the new kid, then the cache"


def test_made_up_kids_do_not_hammer_the_authorization_server(protected: Protected) -> None:
    """Item 9: a burst of tokens with unknown kids costs at most one JWKS fetch per cooldown."""
    fetched_before = protected.issuer.hits("/jwks")
    started = time.monotonic()
    for attempt in range(20):
        forged = protected.token(key=SigningKey(f"made-up-{attempt}", "RS256", protected.key.private))
        assert protected.rpc("ping", token=forged).status_code == 401
    cooldowns = math.ceil(time.monotonic() - started)  # MCP_AUTH_JWKS_REFETCH_INTERVAL=1 s in this process
    assert protected.issuer.hits("/jwks") - fetched_before <= 1 + cooldowns < 20
