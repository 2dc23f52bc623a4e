"""`/.well-known/oauth-protected-resource` on a real server process — SECURITY.md item 1
(RFC 9728 §3, §3.1, §3.3; MCP 2025-06-18 "Authorization Server Location")."""

from __future__ import annotations

import httpx
import pytest

from tests.security.keys import ISSUER
from tests.security.protected import Protected

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize("path", ["/.well-known/oauth-protected-resource/mcp", "/.well-known/oauth-protected-resource"])
def test_the_metadata_names_the_canonical_url_byte_for_byte(protected: Protected, path: str) -> None:
    """Item 1: both the path-suffixed form (RFC 9728 §3.1) and the bare one answer; `resource`
    is byte-equal to the MCP URL (§3.3) and `authorization_servers` is non-empty."""
    answer = httpx.get(protected.process.url + path, timeout=5)
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("application/json")
    document = answer.json()
    assert document["resource"].encode() == protected.resource.encode()
    assert document["authorization_servers"] == [ISSUER]
    assert document["bearer_methods_supported"] == ["header"]
    assert set(document["scopes_supported"]) == {"mcp.read", "mcp.write", "mcp.admin"}
    assert document["resource_name"]


def test_the_challenge_points_at_the_metadata(protected: Protected) -> None:
    """Item 1/2: the `resource_metadata` of a 401 is a URL that serves this document (RFC 9728 §5.1)."""
    challenge = httpx.post(protected.process.url + "/sse", json={}, timeout=5).headers["www-authenticate"]
    url = challenge.split('resource_metadata="', 1)[1].split('"', 1)[0]
    assert httpx.get(url, timeout=5).json()["resource"] == protected.resource


def test_the_metadata_is_read_only(protected: Protected) -> None:
    """Item 1: only GET serves the document; other methods do not reach it."""
    answer = httpx.post(protected.metadata_url, json={}, timeout=5)
    assert answer.status_code in (404, 405)
