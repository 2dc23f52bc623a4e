"""Which addresses a server-side fetch may reach (SSRF protection, OWASP SSRF Prevention
Cheat Sheet; RFC 9700 §4.9 on authorization servers fetching client-supplied URLs)."""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from collections.abc import Awaitable, Callable

IpAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver = Callable[[str, int], Awaitable[list[str]]]


async def system_resolver(host: str, port: int) -> list[str]:
    infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def _unmapped(address: IpAddress) -> IpAddress:
    """::ffff:127.0.0.1 is 127.0.0.1: judge the IPv4 address inside a mapped IPv6 one."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped
    return address


def address_allowed(text: str, *, allow_loopback: bool) -> bool:
    """Public unicast addresses only: no private, loopback (unless allowed for tests),
    link-local (cloud metadata at 169.254.169.254), shared, multicast, reserved or unspecified."""
    try:
        address = _unmapped(ipaddress.ip_address(text.split("%")[0]))
    except ValueError:
        return False
    if address.is_loopback:
        return allow_loopback
    return address.is_global and not address.is_multicast


async def pinned_address(host: str, port: int, resolver: Resolver, *, allow_loopback: bool) -> str:
    """One address for `host` to connect to; every address it resolves to must be allowed, so
    a name with one public and one private address cannot be used to reach the private one.
    The fetch then connects to this address, not to the name again (DNS rebinding)."""
    try:
        addresses = [host] if _is_literal(host) else await resolver(host, port)
    except OSError as error:
        raise LookupError(f"{host} does not resolve: {error}") from None
    if not addresses:
        raise LookupError(f"{host} does not resolve")
    refused = [a for a in addresses if not address_allowed(a, allow_loopback=allow_loopback)]
    if refused:
        raise PermissionError(f"{host} resolves to a non-public address ({refused[0]})")
    return addresses[0]


def _is_literal(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True
