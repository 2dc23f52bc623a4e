"""Who is on the other end of a connection: address (through trusted proxies only) and fingerprint."""

from __future__ import annotations

import hashlib
import ipaddress
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

IpNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network


def header(scope: Mapping[str, Any], name: bytes) -> str | None:
    """The first value of a request header (ASGI header names are lower-case bytes)."""
    for key, value in scope.get("headers", ()):
        if key == name:
            return bytes(value).decode("latin-1")
    return None


@dataclass(frozen=True)
class TrustedProxies:
    """The proxies whose `X-Forwarded-For` is believed (`MCP_TRUSTED_PROXIES`: addresses or CIDRs)."""

    networks: tuple[IpNetwork, ...] = ()

    @classmethod
    def parse(cls, entries: Iterable[str]) -> TrustedProxies:
        return cls(tuple(ipaddress.ip_network(entry.strip(), strict=False) for entry in entries if entry.strip()))

    def trusts(self, address: str) -> bool:
        try:
            ip = ipaddress.ip_address(address)
        except ValueError:
            return False
        return any(ip in network for network in self.networks)

    def client_address(self, scope: Mapping[str, Any]) -> str:
        """The client's address. `X-Forwarded-For` is read right to left and only while each hop
        is a trusted proxy: anything left of the first untrusted hop may be forged by the
        client (RFC 7239 §8.3, which applies equally to the de-facto X-Forwarded-For)."""
        peer = (scope.get("client") or ("unknown", 0))[0]
        forwarded = header(scope, b"x-forwarded-for")
        if forwarded is None or not self.trusts(peer):
            return str(peer)
        address = str(peer)
        for hop in reversed([part.strip() for part in forwarded.split(",") if part.strip()]):
            address = hop
            if not self.trusts(hop):
                break
        return address


def fingerprint(address: str, user_agent: str | None) -> str:
    """A digest binding a session to the client that opened it; raw values are not stored."""
    digest = hashlib.sha256(f"{address}\n{user_agent or ''}".encode())
    return digest.hexdigest()[:32]


def subject_of(session_key: str) -> str:
    """The audit name of a session: a digest, so logs never hold the (bearer) key itself."""
    return "session-" + hashlib.sha256(session_key.encode()).hexdigest()[:12]
