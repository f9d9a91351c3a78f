"""The probe judges a homepage as the indicator does; homepage_stale, site_unreachable and
--external work on small sites of their own."""

from __future__ import annotations

import asyncio
import datetime

from aiohttp import web

from govsite.patrol import PatrolConfig, probe
from govsite.patrol.testing.server import serve, site_app
from govsite.patrol.testing.sitegen import generate

from .conftest import run
from .test_cli import free_port


def app_with(handler):
    app = web.Application()
    app.router.add_route("*", "/{tail:.*}", handler)
    return app


def test_probe_ok(served):
    result = asyncio.run(probe(served + "/"))
    assert result.ok and result.status == 200 and result.error is None


def test_probe_counts_5xx_and_refusal_and_silence_as_failure():
    async def unavailable(request):
        return web.Response(status=503)

    async def silent(request):
        await asyncio.sleep(30)
        return web.Response()

    with serve(app_with(unavailable)) as base:
        assert asyncio.run(probe(base + "/")).to_dict()["ok"] is False
    refused = asyncio.run(probe(f"http://127.0.0.1:{free_port()}/"))
    assert not refused.ok and refused.error == "refused"
    with serve(app_with(silent)) as base:
        slow = asyncio.run(probe(base + "/", timeout=1.0))
    assert not slow.ok and slow.error == "timeout"


def test_a_homepage_answering_503_is_site_unreachable():
    async def unavailable(request):
        return web.Response(status=503, text="busy")

    with serve(app_with(unavailable)) as base:
        report = run(PatrolConfig(start_url=base + "/", retries=0))
    assert [(f.kind, f.detail) for f in report.findings] == [
        ("site_unreachable", {"error": None, "status": 503})
    ]


def test_homepage_stale_when_nothing_is_newer_than_two_weeks():
    site = generate(pages=80, seed=2, stale_home=True)
    with serve(site_app(site)) as base:
        report = run(PatrolConfig(start_url=base + "/", today=site.today, slow_seconds=0))
    stale = [f for f in report.findings if f.kind == "homepage_stale"]
    assert len(stale) == 1 and stale[0].url == base + "/"
    assert stale[0].detail == {"latest": "2026-10-21", "days": 31}


def test_external_links_are_checked_only_with_external():
    async def gone(request):
        return web.Response(status=404)

    with serve(app_with(gone)) as other:

        async def home(request):
            body = f'<html><body><a href="{other}/gone.html">外部链接</a></body></html>'
            return web.Response(text=body, content_type="text/html")

        with serve(app_with(home)) as base:
            port = int(other.rsplit(":", 1)[1])  # stands in for port 80 of another site
            without = run(PatrolConfig(start_url=base + "/", extra_ports=(port,)))
            with_ = run(PatrolConfig(start_url=base + "/", external=True, extra_ports=(port,)))
    assert [f for f in without.findings if f.kind == "broken_link"] == []
    broken = [f for f in with_.findings if f.kind == "broken_link"]
    assert [(f.target, f.detail["resource"], f.detail["status"]) for f in broken] == [
        (other + "/gone.html", "external", 404)
    ]


def test_today_decides_time_travel(site, served):
    late = run(
        PatrolConfig(
            start_url=served + "/",
            today=site.today + datetime.timedelta(days=60),
            max_pages=60,
            slow_seconds=0,
        )
    )
    assert not [f for f in late.findings if f.kind == "time_travel"]


def test_a_patrol_with_a_time_limit_reports_what_it_saw(site, served):
    report = run(
        PatrolConfig(start_url=served + "/", today=site.today, max_seconds=0.5, slow_seconds=0)
    )
    assert 0 < report.stats.pages < site.html_pages
    assert report.stats.errors >= 1  # the time limit counts as one error
    assert report.finished


def test_a_homepage_that_redirects_is_crawled_from_where_it_lands():
    async def handler(request):
        if request.path == "/":
            raise web.HTTPFound("/portal/index.html")
        body = (
            '<html><body><a href="/portal/a.html">a</a><a href="/portal/b.html">b</a></body></html>'
        )
        return web.Response(text=body, content_type="text/html")

    with serve(app_with(handler)) as base:
        report = run(PatrolConfig(start_url=base + "/"))
    assert report.site == base + "/"
    assert report.stats.pages == 3 and report.stats.requests == 4
