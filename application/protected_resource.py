"""This server as an OAuth 2.0 protected resource: its canonical URI and its RFC 9728 metadata.

The canonical URI is the one string everything is compared against, byte for byte: the
metadata's `resource`, the audience tokens must carry, and the `resource` clients send to the
authorization server (RFC 8707). It is never normalised after configuration.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

WELL_KNOWN = "/.well-known/oauth-protected-resource"
SCOPES_SUPPORTED = ("mcp.read", "mcp.write", "mcp.admin")
WILDCARD_HOSTS = frozenset({"0.0.0.0", "::", ""})  # noqa: S104 - recognised, not bound


class ResourceUriError(ValueError):
    """The configured resource URI cannot identify this server."""


def check_resource_uri(uri: str) -> str:
    """`uri` unchanged if it can be a resource identifier, else `ResourceUriError`.

    RFC 8707 §2: an absolute URI, no fragment, and no query (SHOULD NOT; we refuse it, so
    one resource has one spelling). http is allowed because a loopback server is served so;
    production deployments put https here.
    """
    parts = urlsplit(uri)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ResourceUriError(f"{uri!r} is not an absolute http(s) URI")
    if parts.fragment or "#" in uri:
        raise ResourceUriError(f"{uri!r} has a fragment (RFC 8707 §2 forbids it)")
    if parts.query or "?" in uri:
        raise ResourceUriError(f"{uri!r} has a query (RFC 8707 §2: a resource should not)")
    return uri


def derived_resource_uri(host: str, port: int, path: str = "/mcp") -> str:
    """The MCP endpoint's URL from the listen address, for loopback and single-host setups."""
    if host in WILDCARD_HOSTS:
        raise ResourceUriError(f"cannot derive a public URL from the listen address {host!r}")
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}{path}"


def metadata_url(resource: str) -> str:
    """Where the metadata of `resource` lives: the well-known segment goes between the
    authority and the resource's path (RFC 9728 §3.1), so `http://h:1/mcp` has
    `http://h:1/.well-known/oauth-protected-resource/mcp`."""
    parts = urlsplit(resource)
    path = parts.path if parts.path not in ("", "/") else ""
    return f"{parts.scheme}://{parts.netloc}{WELL_KNOWN}{path}"


def metadata_paths(resource: str) -> tuple[str, ...]:
    """The paths this server answers metadata requests on: the path-suffixed form that
    RFC 9728 §3.1 defines, and the bare form clients of MCP 2025-03-26 still probe."""
    suffixed = urlsplit(metadata_url(resource)).path
    return (suffixed,) if suffixed == WELL_KNOWN else (suffixed, WELL_KNOWN)


@dataclass(frozen=True)
class ProtectedResource:
    """What the server says about itself as a resource (RFC 9728 §2)."""

    resource: str
    authorization_servers: tuple[str, ...]
    scopes_supported: tuple[str, ...] = SCOPES_SUPPORTED
    resource_name: str = "Gauzy MCP server"

    def __post_init__(self) -> None:
        check_resource_uri(self.resource)
        if not self.authorization_servers:
            # MCP 2025-06-18 "Authorization Server Location": the metadata MUST name at least one.
            raise ResourceUriError("at least one authorization server is needed")

    @property
    def metadata_url(self) -> str:
        return metadata_url(self.resource)

    def metadata(self) -> dict[str, Any]:
        """The RFC 9728 §2 document. `resource` is the configured string itself (§3.3 requires
        it to be identical to the identifier the metadata URL was built from)."""
        return {
            "resource": self.resource,
            "authorization_servers": list(self.authorization_servers),
            "scopes_supported": list(self.scopes_supported),
            # Only the Authorization header: RFC 6750 §2.3 query tokens end up in logs and histories.
            "bearer_methods_supported": ["header"],
            "resource_name": self.resource_name,
        }


def authorization_servers(configured: Sequence[str], issuer: str | None) -> tuple[str, ...]:
    """`MCP_AUTH_SERVERS`, or the issuer tokens are checked against when none are listed."""
    servers = tuple(server for server in configured if server)
    return servers or ((issuer,) if issuer else ())
