"""Redirect URIs and resource indicators: what may be registered, and what matches.

Matching is simple string comparison on the raw strings, never normalised (RFC 9700 §2.1,
§4.1.3; RFC 6749 §3.1.2.3), with one exception: a loopback redirect URI may come back with any
port, because a native app gets its port from the OS at run time (RFC 8252 §7.3).
"""

from __future__ import annotations

from urllib.parse import urlsplit

from domain.oauth.errors import ClientMetadataError

LOOPBACK_HOSTS = frozenset({"127.0.0.1", "[::1]", "localhost"})
MAX_URI_LENGTH = 2000


def _invalid(uri: str, why: str) -> ClientMetadataError:
    return ClientMetadataError("invalid_redirect_uri", f"redirect_uri {uri!r} {why}")


def _host(netloc: str) -> str:
    """The host as written (brackets kept for IPv6), without userinfo or port."""
    host = netloc.rpartition("@")[2]
    if host.startswith("["):
        return host[: host.find("]") + 1]
    return host.partition(":")[0]


def is_loopback_redirect(uri: str) -> bool:
    """http on a loopback host: the only plain-http redirect allowed (RFC 8252 §7.3, §8.3)."""
    parts = urlsplit(uri)
    return parts.scheme == "http" and _host(parts.netloc).lower() in LOOPBACK_HOSTS


def check_redirect_uri(uri: str) -> str:
    """`uri` unchanged when a client may register it, else `invalid_redirect_uri`.

    RFC 7591 §2 and RFC 6749 §3.1.2: absolute, no fragment. RFC 9700 §2.6 and MCP
    "Communication Security": https, or http only on loopback (RFC 8252 §7.3).
    """
    if not isinstance(uri, str) or not uri or len(uri) > MAX_URI_LENGTH:
        raise _invalid(str(uri)[:80], f"must be a string of 1 to {MAX_URI_LENGTH} characters")
    if any(ch.isspace() or ord(ch) < 0x20 for ch in uri):
        raise _invalid(uri, "contains whitespace or control characters")
    parts = urlsplit(uri)
    if "#" in uri:
        raise _invalid(uri, "has a fragment (RFC 6749 §3.1.2)")
    if not parts.netloc or "@" in parts.netloc:
        raise _invalid(uri, "must be an absolute URL with a host and no user information")
    if parts.scheme != "https" and not is_loopback_redirect(uri):
        raise _invalid(uri, "must use https, or http on a loopback address (RFC 9700 §2.6, RFC 8252 §7.3)")
    return uri


def _without_port(uri: str) -> tuple[str, str, str, str]:
    parts = urlsplit(uri)
    # Exactly one ':' before the port, so "127.0.0.1:80:81" cannot pass as a loopback host.
    return parts.scheme, _host(parts.netloc), parts.path, parts.query


def _port_text(uri: str) -> str:
    netloc = urlsplit(uri).netloc
    return netloc[len(_host(netloc)):]


def redirect_uri_matches(registered: str, presented: str) -> bool:
    """RFC 6749 §3.1.2.3 and RFC 9700 §4.1.3: byte-equal. RFC 8252 §7.3: for a registered
    loopback URI, everything but the port must be byte-equal, and the port must be digits."""
    if registered == presented:
        return True
    if not (is_loopback_redirect(registered) and is_loopback_redirect(presented)):
        return False
    port = _port_text(presented)
    if port and not (port.startswith(":") and port[1:].isdigit() and len(port) <= 6):
        return False
    return _without_port(registered) == _without_port(presented) and "#" not in presented


def find_redirect_uri(registered: tuple[str, ...], presented: str | None) -> str | None:
    """The presented redirect URI when it matches one the client registered, else None."""
    if not presented:
        return None
    return presented if any(redirect_uri_matches(uri, presented) for uri in registered) else None
