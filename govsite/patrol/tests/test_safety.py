"""The crawler never connects where it must not: security.md J items 71-75."""

from __future__ import annotations

import asyncio
import contextlib
import socket

import pytest
from aiohttp import web
from aiohttp.abc import AbstractResolver
from aiohttp.resolver import ThreadedResolver

from govsite.patrol import PatrolConfig, patrol
from govsite.patrol.fetch import Fetcher
from govsite.patrol.safety import Guard, GuardedResolver, Refused, site_guard
from govsite.patrol.testing.server import serve
from govsite.patrol.urls import BadURL, normalise

SITE = "www.haizhou.gov.cn"
FAKE_DNS = {
    SITE: ["127.0.0.1"],
    "metadata.test": ["169.254.169.254"],
    "aliyun-meta.test": ["100.100.100.200"],
    "intranet.test": ["10.1.2.3"],
    "mapped.test": ["::ffff:127.0.0.1"],
    "nat64.test": ["64:ff9b::7f00:1"],
    "sixtofour.test": ["2002:7f00:1::"],
    "rebind.test": ["8.8.8.8", "127.0.0.1"],
    "loopback6.test": ["::1"],
    "linklocal6.test": ["fe80::1"],
}


class FakeResolver(AbstractResolver):
    """Names of FAKE_DNS from the table; numeric forms (127.1, 0x7f000001) from the system."""

    system = None

    async def resolve(self, host, port=0, family=socket.AF_INET):
        if host in FAKE_DNS:
            return [
                {
                    "hostname": host,
                    "host": a,
                    "port": port,
                    "family": socket.AF_INET6 if ":" in a else socket.AF_INET,
                    "proto": 0,
                    "flags": 0,
                }
                for a in FAKE_DNS[host]
            ]
        self.system = self.system or ThreadedResolver()
        return await self.system.resolve(host, port, family)

    async def close(self):
        if self.system:
            await self.system.close()


LITERALS = [
    "127.0.0.1",
    "127.255.255.254",
    "[::1]",
    "[::ffff:127.0.0.1]",
    "[64:ff9b::7f00:1]",
    "[2002:7f00:1::]",
    "169.254.169.254",
    "100.100.100.200",
    "100.64.0.1",
    "10.0.0.1",
    "192.168.1.1",
    "172.16.0.1",
    "172.31.255.255",
    "0.0.0.0",  # noqa: S104  (refused, never bound)
    "[::]",
    "[fe80::1]",
    "[fc00::1]",
    "[fd12:3456::1]",
    "224.0.0.1",
    "255.255.255.255",
    "240.0.0.1",
    "198.18.0.1",
    "[::ffff:10.0.0.1]",
    "[::ffff:169.254.169.254]",
    "[64:ff9b::a9fe:a9fe]",
    "[2002:a9fe:a9fe::]",
    "[::127.0.0.1]",
    "192.0.0.1",
    "[ff02::1]",
]
NUMERIC = ["127.1", "0", "2130706433", "0x7f000001", "017700000001", "0177.0.0.1", "127.0.1"]
NAMES = [n for n in FAKE_DNS if n not in (SITE, "rebind.test")] + ["localhost"]


def guard() -> Guard:
    return site_guard(f"http://{SITE}/", ["127.0.0.1"])


@pytest.mark.parametrize("host", LITERALS)
def test_address_literals_are_refused_before_any_connection(host):
    with pytest.raises(Refused):
        guard().check_url(f"http://{host}/")


@pytest.mark.parametrize("host", NUMERIC + NAMES)
def test_names_and_numeric_forms_resolving_inward_are_refused(host):
    resolver = GuardedResolver(guard(), FakeResolver())

    async def go():
        try:
            return await resolver.resolve(host, 80)
        finally:
            await resolver.close()

    with pytest.raises(Refused):
        asyncio.run(go())


def test_a_rebinding_name_keeps_only_its_public_address():
    found = asyncio.run(GuardedResolver(guard(), FakeResolver()).resolve("rebind.test", 80))
    assert [r["host"] for r in found] == ["8.8.8.8"]


def test_the_site_itself_may_live_on_a_private_address():
    guard().check_url(f"http://{SITE}/")
    asyncio.run(GuardedResolver(guard(), FakeResolver()).resolve(SITE, 80))


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "gopher://x/",
        "ftp://x/",
        "dict://x:11211/",
        "ldap://x/",
        "http://user:pass@example.gov.cn/",
        "http://example.gov.cn:99999/",
    ],
)
def test_other_schemes_and_userinfo_are_refused(url):
    with pytest.raises(BadURL):
        normalise(url)


def test_ports_outside_the_allow_list_are_refused():
    with pytest.raises(Refused):
        guard().check_url(f"http://{SITE}:6379/")


def test_metadata_can_never_be_the_site():
    with pytest.raises(BadURL):
        site_guard("http://169.254.169.254/", ["169.254.169.254"])


@contextlib.contextmanager
def canary():
    """A loopback listener that counts the connections it receives."""
    hits = []
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(50)
    sock.setblocking(False)
    yield sock.getsockname()[1], hits, sock
    sock.close()


def count_accepts(sock, hits):
    with contextlib.suppress(BlockingIOError):
        while True:
            conn, _ = sock.accept()
            hits.append(conn)
            conn.close()


def test_a_patrol_never_reaches_the_canary():
    with canary() as (port, hits, sock):
        targets = [
            f"http://{h}:{port}/"
            for h in (
                "127.0.0.1",
                "localhost",
                "2130706433",
                "0x7f000001",
                "[::ffff:127.0.0.1]",
                "metadata.test",
                "intranet.test",
            )
        ]
        links = "".join(f'<a href="{t}">x</a>' for t in targets) + '<a href="/r">r</a>'

        async def home(request):
            return web.Response(text=f"<html><body>{links}</body></html>", content_type="text/html")

        async def redirect(request):
            raise web.HTTPFound(f"http://127.0.0.1:{port}/")

        app = web.Application()
        app.router.add_get("/", home)
        app.router.add_get("/r", redirect)
        with serve(app) as base:
            site_port = int(base.rsplit(":", 1)[1])
            config = PatrolConfig(
                start_url=f"http://{SITE}:{site_port}/",
                external=True,
                extra_ports=(port,),
                timeout=5,
            )
            report = asyncio.run(patrol(config, resolver=FakeResolver()))

            async def follow():
                async with Fetcher(
                    config, site_guard(config.start_url, ["127.0.0.1"], (port,)), FakeResolver()
                ) as fetcher:
                    return await fetcher.fetch(
                        config.start_url + "r", follow_offsite=True, max_bytes=100
                    )

            followed = asyncio.run(follow())
        count_accepts(sock, hits)
    assert hits == []
    assert report.stats.pages == 1
    assert followed.error.startswith("not allowed")


def test_a_link_to_a_port_never_visited_is_not_called_broken():
    async def home(request):
        body = '<html><body><a href="http://127.0.0.1:6379/">redis</a></body></html>'
        return web.Response(text=body, content_type="text/html")

    app = web.Application()
    app.router.add_get("/", home)
    with serve(app) as base:
        report = asyncio.run(patrol(PatrolConfig(start_url=base + "/", external=True)))
    assert [f.kind for f in report.findings] == ["missing_identity"]
