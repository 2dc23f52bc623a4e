"""RFC 9728 protected-resource metadata, as built (the HTTP endpoint is tested in
test_protected_resource_http.py) — SECURITY.md item 1."""

from __future__ import annotations

import pytest

from application.protected_resource import (
    ProtectedResource,
    ResourceUriError,
    check_resource_uri,
    derived_resource_uri,
    metadata_paths,
    metadata_url,
)

SERVERS = ("https://auth.example.test",)


def test_the_metadata_names_the_resource_byte_for_byte() -> None:
    """Item 1: `resource` is the configured string itself, unnormalised (RFC 9728 §3.3)."""
    resource = "https://MCP.example.test:443/mcp"
    document = ProtectedResource(resource, SERVERS).metadata()
    assert document["resource"] == resource
    assert document["authorization_servers"] == list(SERVERS)
    assert document["scopes_supported"] == ["mcp.read", "mcp.write", "mcp.admin"]
    assert document["bearer_methods_supported"] == ["header"]
    assert document["resource_name"]


def test_the_metadata_url_inserts_the_well_known_segment_before_the_path() -> None:
    """Item 1: `/.well-known/oauth-protected-resource` goes between host and path (RFC 9728 §3.1)."""
    assert metadata_url("http://127.0.0.1:3001/mcp") == "http://127.0.0.1:3001/.well-known/oauth-protected-resource/mcp"
    assert metadata_url("https://mcp.example.test") == "https://mcp.example.test/.well-known/oauth-protected-resource"
    assert metadata_paths("http://127.0.0.1:3001/mcp") == ("/.well-known/oauth-protected-resource/mcp",
                                                           "/.well-known/oauth-protected-resource")


def test_an_empty_server_list_is_refused() -> None:
    """Item 1: `authorization_servers` must be non-empty (MCP 2025-06-18 "Authorization Server Location")."""
    with pytest.raises(ResourceUriError):
        ProtectedResource("https://mcp.example.test/mcp", ())


@pytest.mark.parametrize("uri", ["mcp.example.test/mcp", "https://mcp.example.test/mcp#frag",
                                 "https://mcp.example.test/mcp?tenant=1", "ftp://mcp.example.test/mcp", "https:///mcp"])
def test_a_resource_that_cannot_identify_us_is_refused(uri) -> None:
    """Item 1/17: absolute, no fragment, no query (RFC 8707 §2)."""
    with pytest.raises(ResourceUriError):
        check_resource_uri(uri)


def test_the_resource_is_derived_from_the_listen_address() -> None:
    """Item 1: unset MCP_AUTH_RESOURCE means http://MCP_HTTP_HOST:MCP_HTTP_PORT/mcp; a wildcard
    listen address names no host a client could use, so it must be configured."""
    assert derived_resource_uri("127.0.0.1", 3001) == "http://127.0.0.1:3001/mcp"
    assert derived_resource_uri("::1", 3001) == "http://[::1]:3001/mcp"
    with pytest.raises(ResourceUriError):
        derived_resource_uri("0.0.0.0", 3001)
