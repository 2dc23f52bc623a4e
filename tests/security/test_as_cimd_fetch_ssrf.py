"""Fetching Client ID Metadata Documents without SSRF — SECURITY.md item 14 (metadata-document
registration), issue 7 "Clients": https only, no private or loopback addresses unless a test
setting allows them, size and time limits, cached (OWASP SSRF Prevention; RFC 9700 §4.9 spirit;
draft-ietf-oauth-client-id-metadata-document §6)."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from adapters.outbound.client_metadata import HttpxClientMetadataFetcher
from adapters.outbound.client_metadata.addresses import address_allowed
from domain.oauth.errors import ClientMetadataError
from domain.ports.client_metadata_fetcher import ClientMetadataFetcher
from tests.clock import ManualClock
from tests.security.tls_documents import TlsDocuments

pytestmark = pytest.mark.anyio
DOCUMENT = {"client_id": "placeholder", "redirect_uris": ["https://a.test/cb"]}


@pytest.fixture
def tls() -> Iterator[TlsDocuments]:
    with TlsDocuments() as server:
        yield server


def fetcher(tls: TlsDocuments | None = None, *, allow_loopback: bool = True, **options: object
            ) -> HttpxClientMetadataFetcher:
    verify = tls.client_context if tls else True
    made = HttpxClientMetadataFetcher(ManualClock(), allow_loopback=allow_loopback, verify=verify,  # type: ignore[arg-type]
                                      **options)
    typed: ClientMetadataFetcher = made
    assert typed is made
    return made


@pytest.mark.parametrize("address", ["10.0.0.1", "172.16.5.4", "192.168.1.1", "127.0.0.1", "127.8.8.8", "::1",
                                     "169.254.169.254", "100.64.0.1", "0.0.0.0", "fc00::1", "fe80::1",
                                     "::ffff:127.0.0.1", "::ffff:10.0.0.1", "224.0.0.1", "ff02::1", "240.0.0.1",
                                     "192.0.2.1", "not-an-ip"])
def test_non_public_addresses_are_refused(address: str) -> None:
    """Item 14: private, loopback, link-local (cloud metadata), shared, multicast, reserved,
    documentation and IPv4-mapped forms of them are never fetched (OWASP SSRF)."""
    assert not address_allowed(address, allow_loopback=False)


def test_public_addresses_are_allowed_and_loopback_only_when_configured() -> None:
    """Item 14: public unicast is fine; loopback only with the test setting."""
    assert address_allowed("93.184.216.34", allow_loopback=False)
    assert address_allowed("2606:2800:220:1::1", allow_loopback=False)
    assert address_allowed("127.0.0.1", allow_loopback=True)
    assert not address_allowed("10.0.0.1", allow_loopback=True)


async def test_a_name_resolving_to_a_private_address_is_not_fetched() -> None:
    """Item 14: the resolved address is checked before any connection (DNS pointing inside)."""
    async def resolver(host: str, port: int) -> list[str]:
        return ["93.184.216.34", "10.1.2.3"]

    with pytest.raises(ClientMetadataError, match="non-public address"):
        await fetcher(allow_loopback=False, resolver=resolver).fetch("https://app.example.test/client.json")


@pytest.mark.parametrize("url", ["http://app.example.test/client.json", "ftp://app.example.test/c.json",
                                 "https://10.0.0.8/client.json", "https://[::1]/client.json",
                                 "https://169.254.169.254/latest/meta-data"])
async def test_non_https_and_literal_private_addresses_are_refused(url: str) -> None:
    """Item 14: https only, no private address even when written as a literal."""
    with pytest.raises(ClientMetadataError):
        await fetcher(allow_loopback=False).fetch(url)


async def test_loopback_is_refused_without_the_test_setting(tls: TlsDocuments) -> None:
    """Item 14: MCP_AUTH_CIMD_ALLOW_LOOPBACK off → a loopback host is refused, nothing is fetched."""
    tls.documents["/c.json"] = (200, {}, json.dumps(DOCUMENT).encode(), 0.0)
    with pytest.raises(ClientMetadataError):
        await fetcher(tls, allow_loopback=False).fetch(tls.url("/c.json"))
    assert tls.hits.get("/c.json") is None


async def test_a_document_is_fetched_over_verified_tls_and_cached(tls: TlsDocuments) -> None:
    """Issue 7 baseline: fetched with certificate and host name checked, then cached."""
    tls.documents["/c.json"] = (200, {}, json.dumps(DOCUMENT).encode(), 0.0)
    subject = fetcher(tls)
    assert await subject.fetch(tls.url("/c.json")) == DOCUMENT
    assert await subject.fetch(tls.url("/c.json")) == DOCUMENT
    assert tls.hits["/c.json"] == 1


async def test_an_untrusted_certificate_is_refused(tls: TlsDocuments) -> None:
    """Item 14 / MCP "Communication Security": TLS is verified (the test CA is not trusted by default)."""
    tls.documents["/c.json"] = (200, {}, json.dumps(DOCUMENT).encode(), 0.0)
    with pytest.raises(ClientMetadataError):
        await fetcher(None).fetch(tls.url("/c.json"))


@pytest.mark.parametrize(("status", "headers", "body", "why"), [
    (302, {"Location": "https://localhost/other"}, b"", "302"),  # redirects are not followed
    (404, {}, b"", "404"),
    (200, {}, b"x" * 20000, "larger than"),
    (200, {}, b"not json", "not JSON"),
    (200, {}, b"[1, 2]", "not a JSON object"),
])
async def test_unusable_answers_are_refused(tls: TlsDocuments, status: int, headers: dict, body: bytes,
                                            why: str) -> None:
    """Item 14: no redirects, 200 only, size limit (16 KiB), a JSON object only."""
    tls.documents["/c.json"] = (status, headers, body, 0.0)
    with pytest.raises(ClientMetadataError, match=why):
        await fetcher(tls).fetch(tls.url("/c.json"))


async def test_a_slow_server_times_out(tls: TlsDocuments) -> None:
    """Item 14: a time limit on the whole fetch, slow bodies included."""
    tls.documents["/slow.json"] = (200, {}, json.dumps(DOCUMENT).encode(), 2.0)
    with pytest.raises(ClientMetadataError, match="no answer within"):
        await fetcher(tls, timeout=0.5).fetch(tls.url("/slow.json"))
