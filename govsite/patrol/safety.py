"""Where the crawler may connect: scheme and port allow-list, address checks, a pinning resolver.

Spec: security.md J items 71-75. A site registered at a private or loopback address (tests, the
demo, 政务外网) may be reached at exactly the addresses its own host name resolved to.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Iterable
from typing import Any

from aiohttp.abc import AbstractResolver, ResolveResult
from aiohttp.resolver import ThreadedResolver

from .urls import BadURL, split_host

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

_NEVER = [
    ipaddress.ip_network(n)
    for n in (
        "0.0.0.0/8",
        "169.254.0.0/16",
        "100.100.100.200/32",
        "224.0.0.0/4",
        "240.0.0.0/4",
        "255.255.255.255/32",
        "fe80::/10",
        "ff00::/8",
        "::/128",
    )
]
_PRIVATE = [
    ipaddress.ip_network(n)
    for n in (
        "10.0.0.0/8",
        "172.16.0.0/12",
        "192.168.0.0/16",
        "100.64.0.0/10",
        "127.0.0.0/8",
        "192.0.0.0/24",
        "192.0.2.0/24",
        "198.18.0.0/15",
        "198.51.100.0/24",
        "203.0.113.0/24",
        "::1/128",
        "fc00::/7",
        "2001:db8::/32",
        "100::/64",
    )
]


_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_COMPAT = ipaddress.ip_network("::/96")


class Refused(OSError):
    """The destination is not allowed; raised before any connection is made."""


def embedded_v4(ip: IPAddress) -> ipaddress.IPv4Address | None:
    """IPv4 carried inside an IPv6 address: mapped, NAT64 and 6to4 forms."""
    if not isinstance(ip, ipaddress.IPv6Address):
        return None
    if ip.ipv4_mapped:
        return ip.ipv4_mapped
    if ip.sixtofour:
        return ip.sixtofour
    if ip in _NAT64 or (ip in _COMPAT and int(ip) > 1):
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return None


def classify(ip: IPAddress) -> str:
    """'public', 'private' (allowed only for a site registered there) or 'never'."""
    inner = embedded_v4(ip)
    if inner is not None:
        return "never" if classify(inner) != "public" else "public"
    if any(ip in net for net in _NEVER):
        return "never"
    if any(ip in net for net in _PRIVATE) or not ip.is_global:
        return "private"
    return "public"


class Guard:
    """Decides per host and address; built once per patrol from the start URL."""

    def __init__(self, site_host: str, site_addresses: Iterable[str], ports: Iterable[int]):
        self.site_host = site_host
        self.site_addresses = frozenset(site_addresses)
        self.ports = frozenset(ports)

    def check_url(self, url: str) -> None:
        scheme, host, port = split_host(url)
        if scheme not in ("http", "https"):
            raise Refused(f"scheme {scheme!r} not allowed")
        if port not in self.ports:
            raise Refused(f"port {port} not allowed")
        try:
            ip = ipaddress.ip_address(host)
        except ValueError:
            return
        self.check_address(host, str(ip))

    def check_address(self, host: str, address: str) -> None:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
        verdict = classify(ip)
        if verdict == "public":
            return
        if verdict == "private" and host == self.site_host and str(ip) in self.site_addresses:
            return
        raise Refused(f"address {address} of {host} not allowed")


async def resolve_site(host: str, resolver: AbstractResolver | None = None) -> list[str]:
    """The addresses the site's own host name resolves to (its registration)."""
    try:
        return [str(ipaddress.ip_address(host))]
    except ValueError:
        pass
    own = resolver is None
    resolver = resolver or ThreadedResolver()
    try:
        infos = await resolver.resolve(host, 0, socket.AF_UNSPEC)
    except OSError as exc:
        raise BadURL(f"cannot resolve {host}: {exc}") from exc
    finally:
        if own:
            await resolver.close()
    return sorted({i["host"] for i in infos})


def site_guard(url: str, addresses: list[str], extra_ports: Iterable[int] = ()) -> Guard:
    _scheme, host, port = split_host(url)
    for address in addresses:
        if classify(ipaddress.ip_address(address)) == "never":
            raise BadURL(f"{host} resolves to {address}, which is never crawled")
    return Guard(host, addresses, {80, 443, port, *extra_ports})


class GuardedResolver(AbstractResolver):
    """Resolves, drops every address the guard refuses; aiohttp connects to what is returned."""

    def __init__(self, guard: Guard, inner: AbstractResolver | None = None):
        self.guard = guard
        self.inner = inner or ThreadedResolver()

    async def resolve(
        self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET
    ) -> list[ResolveResult]:
        results = await self.inner.resolve(host, port, family)
        allowed: list[Any] = []
        reasons = []
        for result in results:
            try:
                self.guard.check_address(host.lower(), result["host"])
            except Refused as exc:
                reasons.append(str(exc))
                continue
            allowed.append(result)
        if not allowed:
            raise Refused(reasons[0] if reasons else f"no address for {host}")
        return allowed

    async def close(self) -> None:
        await self.inner.close()
