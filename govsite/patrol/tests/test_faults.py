"""Hostile and broken pages cost at most their time and size limits and never stop the patrol.

security.md J items 75-79; issue 3 "Bad input and faults".
"""

from __future__ import annotations

import asyncio

import pytest
from aiohttp import web

from govsite.patrol import PatrolConfig, patrol
from govsite.patrol.testing.faults import serve_faults, serve_faults_in_process
from govsite.patrol.testing.model import decoys_flagged, score
from govsite.patrol.testing.server import serve, serve_site_in_process

from .conftest import run

LIMIT = 1024 * 1024


@pytest.fixture(scope="module")
def fault_report():
    with serve_faults() as base:
        config = PatrolConfig(
            start_url=base + "/",
            timeout=3.0,
            read_timeout=1.5,
            connect_timeout=2.0,
            max_page_bytes=LIMIT,
            retries=1,
            backoff=0.05,
            slow_seconds=0,
        )
        report = run(config)
        yield base, report.to_dict()


def by_target(document, base):
    return {
        f.get("target", "").removeprefix(base): f
        for f in document["findings"]
        if f["kind"] in ("broken_link", "redirect_loop")
    }


def test_the_patrol_finishes_and_reads_the_sound_page(fault_report):
    base, document = fault_report
    assert document["stats"]["pages"] >= 2  # the homepage and /ok.html at least
    assert "/ok.html" not in by_target(document, base)


@pytest.mark.parametrize("path", ["/hang", "/trickle"])
def test_a_silent_or_trickling_page_times_out(fault_report, path):
    base, document = fault_report
    assert by_target(document, base)[path]["detail"]["error"] == "timeout"


def test_an_endless_stream_and_a_gzip_bomb_stop_at_the_size_limit(fault_report):
    base, document = fault_report
    found = by_target(document, base)
    assert "/endless" not in found and "/bomb" not in found  # read up to the limit, then parsed
    assert document["stats"]["bytes"] < 6 * LIMIT


def test_a_circular_redirect_is_reported(fault_report):
    base, document = fault_report
    loop = by_target(document, base)["/loop-a"]
    assert loop["kind"] == "redirect_loop"
    assert [u.removeprefix(base) for u in loop["detail"]["chain"]] == [
        "/loop-a",
        "/loop-b",
        "/loop-a",
    ]


@pytest.mark.parametrize("path", ["/reset", "/badchunk", "/bigheader", "/garbage"])
def test_protocol_errors_are_findings_not_crashes(fault_report, path):
    base, document = fault_report
    finding = by_target(document, base)[path]
    assert finding["kind"] == "broken_link"
    assert finding["detail"]["error"]


@pytest.mark.parametrize("path", ["/deep", "/nul", "/badbytes"])
def test_malformed_html_is_read_without_error(fault_report, path):
    base, document = fault_report
    assert path not in by_target(document, base)
    assert document["stats"]["errors"] <= 8  # the network faults only, no crash of a worker


def test_a_hostile_site_does_not_harm_a_patrol_running_beside_it(site, inputs):
    """Two patrols in one event loop: the hostile one does not change the other's findings.

    Both servers run in processes of their own: a server thread in this process would lose
    the GIL to the hostile pages' parsing and really be slow."""
    with serve_faults_in_process() as base, serve_site_in_process(site) as served:
        good = PatrolConfig(
            start_url=served + "/",
            today=site.today,
            lexicon_file=inputs / "lexicon.tsv",
            names_file=inputs / "names.tsv",
            slow_seconds=1.5,
        )
        bad = PatrolConfig(start_url=base + "/", timeout=3.0, read_timeout=1.5, retries=0)

        async def both():
            return await asyncio.gather(patrol(good), patrol(bad))

        report, _hostile = asyncio.run(both())
    findings = report.to_dict()["findings"]
    for kind, result in score(site, findings, served).items():
        assert result["recall"] == 1.0 and result["precision"] == 1.0, kind
    assert decoys_flagged(site, findings, served) == []


def test_a_big_attachment_is_checked_without_downloading_it():
    sent = []

    async def home(request):
        return web.Response(
            text='<html><body><a href="/big.pdf">附件</a></body></html>', content_type="text/html"
        )

    async def big(request):
        response = web.StreamResponse(headers={"Content-Type": "application/pdf"})
        response.content_length = 50 * 1024 * 1024
        await response.prepare(request)
        for _ in range(50):
            await response.write(bytes(1024 * 1024))
            sent.append(1)
        return response

    app = web.Application()
    app.router.add_get("/", home)
    app.router.add_get("/big.pdf", big)
    with serve(app) as base:
        report = run(PatrolConfig(start_url=base + "/"))
    assert not [f for f in report.findings if f.kind == "broken_link"]
    assert report.stats.bytes < 5 * 1024 * 1024
