"""Dynamic client registration (RFC 7591) and Client ID Metadata Documents — SECURITY.md item 14.
The SSRF-safe fetching of metadata documents is in test_as_cimd_fetch_ssrf.py."""

from __future__ import annotations

import pytest

from application.oauth.secrets import digest
from domain.oauth.errors import ClientMetadataError, UnredirectableError
from domain.oauth.model import ClientKind
from tests.security.as_harness import REDIRECT, harness

pytestmark = pytest.mark.anyio
CIMD_URL = "https://app.example.test/oauth/client.json"


@pytest.mark.parametrize("uri", [
    "http://client.example.test/callback",  # plain http off loopback
    "https://client.example.test/callback#x",  # fragment
    "com.example.app:/callback",  # private-use scheme
    "javascript:alert(1)",
    "/relative/callback",
    "https://user:pw@client.example.test/cb",  # user information
    "https:///no-host",
    "https://client.example.test/call back",  # whitespace
])
async def test_bad_redirect_uris_are_refused(uri: str) -> None:
    """Item 14: not https and not loopback http, fragments → `invalid_redirect_uri`
    (RFC 7591 §2, §3.2.2; RFC 9700 §2.6; MCP "Communication Security")."""
    h = harness()
    with pytest.raises(ClientMetadataError) as refused:
        await h.register(redirect_uris=[REDIRECT, uri])
    assert refused.value.error == "invalid_redirect_uri"


@pytest.mark.parametrize("uri", ["http://127.0.0.1/cb", "http://127.0.0.1:8080/cb", "http://[::1]:9/cb",
                                 "http://localhost:3000/callback", "https://client.example.test/cb?x=1"])
async def test_https_and_loopback_http_redirect_uris_are_accepted(uri: str) -> None:
    """Item 14 baseline: https, or http on loopback (RFC 8252 §7.3)."""
    registered = await harness().register(redirect_uris=[uri])
    assert registered["redirect_uris"] == [uri]


@pytest.mark.parametrize(("field", "value"), [
    ("grant_types", ["implicit"]),
    ("grant_types", ["password"]),
    ("grant_types", ["authorization_code", "urn:ietf:params:oauth:grant-type:device_code"]),
    ("response_types", ["token"]),
    ("response_types", ["code", "id_token"]),
    ("grant_types", "authorization_code"),  # not an array
    ("token_endpoint_auth_method", "private_key_jwt"),
    ("scope", "mcp.read root"),
])
async def test_metadata_outside_the_allowed_set_is_refused(field: str, value: object) -> None:
    """Item 14: grant_types / response_types outside the allowed set → `invalid_client_metadata`
    (RFC 7591 §2, §3.2.2; RFC 9700 §2.1.2, §2.4)."""
    with pytest.raises(ClientMetadataError) as refused:
        await harness().register(**{field: value})
    assert refused.value.error == "invalid_client_metadata"


async def test_client_credentials_needs_a_confidential_client() -> None:
    """Item 14 / 19: a public client cannot register client_credentials (RFC 6749 §4.4, §2.1)."""
    with pytest.raises(ClientMetadataError):
        await harness().register(grant_types=["client_credentials"], token_endpoint_auth_method="none")


async def test_missing_redirect_uris_for_the_code_grant_is_refused() -> None:
    """Item 14: the code grant needs registered redirect URIs (RFC 7591 §2)."""
    with pytest.raises(ClientMetadataError) as refused:
        await harness().register(redirect_uris=[])
    assert refused.value.error == "invalid_redirect_uri"


async def test_public_client_gets_no_secret() -> None:
    """Item 14: `token_endpoint_auth_method=none` registers a public client (RFC 7591 §2)."""
    registered = await harness().register()
    assert "client_secret" not in registered and registered["token_endpoint_auth_method"] == "none"


async def test_confidential_client_secret_is_shown_once_and_stored_only_as_a_digest() -> None:
    """Item 14: the secret is returned once (RFC 7591 §3.2.1) and only its hash is kept."""
    h = harness()
    registered = await h.register(token_endpoint_auth_method="client_secret_basic")
    stored = await h.store.load_client(registered["client_id"])
    assert stored is not None and stored.secret_hash == digest(registered["client_secret"])
    assert registered["client_secret"] not in repr(stored)
    assert registered["client_secret_expires_at"] == 0


async def test_a_registrant_cannot_choose_its_client_id() -> None:
    """Item 14: a requested client_id (e.g. a metadata-document URL) is ignored (RFC 7591 §3.2.1)."""
    registered = await harness().register(client_id=CIMD_URL)
    assert registered["client_id"] != CIMD_URL


def document(**overrides: object) -> dict[str, object]:
    return {"client_id": CIMD_URL, "client_name": "Doc client", "redirect_uris": [REDIRECT], **overrides}


async def test_a_metadata_document_client_can_authorize() -> None:
    """Item 14 baseline: a URL client_id whose document names itself exactly is a public client
    (draft-ietf-oauth-client-id-metadata-document §3, §4)."""
    h = harness()
    h.fetcher.documents[CIMD_URL] = document()
    request = await h.server.validate(h.authorize_params(CIMD_URL))
    assert request.client.kind is ClientKind.METADATA_DOCUMENT and request.client.client_name == "Doc client"


@pytest.mark.parametrize("bad", [
    document(client_id="https://other.example.test/client.json"),  # names another client
    document(redirect_uris=["http://evil.test/cb"]),  # bad redirect URI
    document(redirect_uris=["https://app.example.test/cb#f"]),
    document(client_secret="s"),  # shared secrets are not allowed for documents
    document(token_endpoint_auth_method="client_secret_basic"),
    document(grant_types=["authorization_code", "password"]),
    document(response_types=["token"]),
])
async def test_a_bad_metadata_document_makes_the_client_unknown(bad: dict[str, object]) -> None:
    """Item 14: documents get the registration checks, and must name themselves exactly
    (draft-ietf-oauth-client-id-metadata-document §4.1); failing ones → error page (item 13)."""
    h = harness()
    h.fetcher.documents[CIMD_URL] = bad
    with pytest.raises(UnredirectableError):
        await h.server.validate(h.authorize_params(CIMD_URL))


@pytest.mark.parametrize("url", ["https://app.example.test", "https://app.example.test/",
                                 "https://app.example.test/a/../client.json", "https://app.example.test/c.json?x=1",
                                 "https://u:p@app.example.test/c.json"])
async def test_unusable_metadata_document_urls_are_refused(url: str) -> None:
    """Item 14: the client_id URL has a path, no dot segments, query or credentials (CIMD draft §3)."""
    h = harness()
    h.fetcher.documents[url] = document(client_id=url)
    with pytest.raises(UnredirectableError):
        await h.server.validate(h.authorize_params(url))
