"""Pure pieces of the remote edge: client address, cookies, host and CORS rules, JSON-RPC envelope,
token sealing, the THROTTLE_TTL unit."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest

from adapters.inbound.http.client import TrustedProxies, fingerprint
from adapters.inbound.http.jsonrpc import envelope_problem
from adapters.inbound.http.origins import CorsPolicy, HostPolicy
from adapters.inbound.http.sessions import CookiePolicy
from adapters.outbound.session_codec import decode_session, encode_session
from adapters.outbound.token_cipher import AesGcmTokenCipher, CredentialDecryptError
from bootstrap.settings import Settings
from domain.principal import GauzyCredential
from domain.session import Session


def scope(peer: str, **headers: str) -> dict[str, object]:
    return {"client": (peer, 5000), "headers": [(k.lower().replace("_", "-").encode(), v.encode())
                                                for k, v in headers.items()]}


def test_forwarded_for_is_ignored_unless_the_peer_is_a_trusted_proxy() -> None:
    """RFC 7239 §8.3: X-Forwarded-For is believed only from trusted proxies."""
    proxies = TrustedProxies.parse(["10.0.0.0/8"])
    assert proxies.client_address(scope("203.0.113.9", x_forwarded_for="1.2.3.4")) == "203.0.113.9"
    assert proxies.client_address(scope("10.0.0.2", x_forwarded_for="1.2.3.4")) == "1.2.3.4"
    # A client-supplied hop left of an untrusted one is not believed.
    assert proxies.client_address(scope("10.0.0.2", x_forwarded_for="6.6.6.6, 1.2.3.4, 10.0.0.3")) == "1.2.3.4"
    assert TrustedProxies().client_address(scope("127.0.0.1", x_forwarded_for="1.2.3.4")) == "127.0.0.1"


def test_fingerprints_differ_by_address_and_user_agent() -> None:
    assert fingerprint("1.1.1.1", "a") != fingerprint("1.1.1.2", "a") != fingerprint("1.1.1.1", "b")


def test_the_session_cookie_is_http_only_same_site_and_secure_on_tls() -> None:
    cookies = CookiePolicy("mcp-session-id", 1800)
    plain = cookies.issue("abc", {"scheme": "http"})[0][1].decode()
    assert "HttpOnly" in plain and "SameSite=Lax" in plain and "Max-Age=1800" in plain and "Secure" not in plain
    assert "; Secure" in cookies.issue("abc", {"scheme": "https"})[0][1].decode()
    assert cookies.read(scope("127.0.0.1", cookie="other=1; mcp-session-id=abc")) == "abc"
    assert cookies.read(scope("127.0.0.1", cookie="garbage\x7f;;")) is None


def test_hosts_and_origins_default_to_loopback() -> None:
    policy = HostPolicy()
    assert policy.host_allowed("127.0.0.1:3001") and policy.host_allowed("localhost")
    assert not policy.host_allowed("evil.example:3001") and not policy.host_allowed(None)
    assert policy.origin_allowed(None) and policy.origin_allowed("http://localhost:4200")
    assert not policy.origin_allowed("https://evil.example")


def test_cors_never_pairs_a_wildcard_with_credentials() -> None:
    """Fetch standard §3.2.5: `*` is not allowed on credentialed responses."""
    assert CorsPolicy(("*",), credentials=False).allow_origin("https://a.example") == b"*"
    assert CorsPolicy(("*",), credentials=True).allow_origin("https://a.example") == b"https://a.example"
    assert CorsPolicy(("https://a.example",), credentials=True).allow_origin("https://b.example") is None


@pytest.mark.parametrize(("message", "ok"), [
    ({"jsonrpc": "2.0", "id": 1, "method": "ping"}, True),
    ({"jsonrpc": "2.0", "method": "notifications/initialized"}, True),
    ({"jsonrpc": "2.0", "id": "a", "method": "ping", "params": {}}, True),
    ({"jsonrpc": "2.0", "id": True, "method": "ping"}, False),
    ({"jsonrpc": "2.0", "id": None, "method": "ping"}, False),
    ({"jsonrpc": "2.0", "id": 1, "method": "ping", "params": [1]}, False),
    ({"id": 1, "method": "ping"}, False),
    ([{"jsonrpc": "2.0", "id": 1, "method": "ping"}], False),
    (42, False),
])
def test_the_json_rpc_envelope_is_checked(message: object, ok: bool) -> None:
    assert (envelope_problem(message) is None) is ok


def credential_session() -> Session:
    now = datetime(2026, 1, 1, tzinfo=UTC)
    credential = GauzyCredential(access_token="acc-SECRET", refresh_token="ref-SECRET", tenant_id="t",
                                 organization_id="o", user_id="u", email="who@example.com", expires_at=now)
    return Session(key="key-1", subject="s", created_at=now, last_seen_at=now, credential=credential,
                   fingerprint="fp")


def test_stored_sessions_carry_no_token_in_the_clear() -> None:
    cipher = AesGcmTokenCipher("secret")
    stored = encode_session(credential_session(), cipher)
    assert b"SECRET" not in stored and b"who@example.com" not in stored
    assert decode_session(stored, cipher) == credential_session()


def test_a_credential_sealed_for_another_session_or_secret_does_not_open() -> None:
    cipher = AesGcmTokenCipher("secret")
    sealed = cipher.seal(b"payload", b"key-1")
    with pytest.raises(CredentialDecryptError):
        cipher.open(sealed, b"key-2")
    with pytest.raises(CredentialDecryptError):
        AesGcmTokenCipher("other").open(sealed, b"key-1")
    moved = encode_session(credential_session(), cipher).replace(b'"key":"key-1"', b'"key":"key-2"')
    assert decode_session(moved, cipher) == replace(credential_session(), key="key-2", credential=None)


@pytest.mark.parametrize(("raw", "seconds"), [("60", 60), ("60000", 60), ("1", 1), ("999", 999), ("1500", 1)])
def test_throttle_ttl_accepts_the_reference_milliseconds(raw: str, seconds: int) -> None:
    assert Settings.from_env({"THROTTLE_TTL": raw}).throttle_window_seconds == seconds
