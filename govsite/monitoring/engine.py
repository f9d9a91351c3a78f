"""The one module that calls the patrol engine: probe homepages, patrol a site, fetch evidence.

Everything here is synchronous on the outside (tasks are synchronous) and runs the engine's
asyncio inside. Spec: findings.md (the document), security.md J (the engine's limits and SSRF
guard, which every call here goes through).
"""

from __future__ import annotations

import asyncio
import datetime
import socket
from collections.abc import Iterable
from dataclasses import dataclass, replace
from urllib.parse import urlsplit

from aiohttp.abc import AbstractResolver, ResolveResult
from aiohttp.resolver import ThreadedResolver

from govsite.patrol import ColumnRule, PatrolConfig, ProbeResult, Unreachable, patrol, probe
from govsite.patrol.charset import decode
from govsite.patrol.fetch import Fetcher
from govsite.patrol.safety import resolve_site, site_guard
from govsite.patrol.urls import BadURL, normalise, split_host

from . import conf

LOCAL_SUFFIX = ".localhost"
HTML_TYPES = ("text/html", "application/xhtml+xml")

__all__ = [
    "EvidencePage",
    "PatrolFailed",
    "ProbeResult",
    "column_rules",
    "fetch_evidence",
    "probe_urls",
    "run_patrol",
    "target_url",
]


class PatrolFailed(Exception):
    """The engine could not patrol the site at all (bad URL, nothing answered, time limit)."""


def target_url(site) -> str:
    """Where the platform reaches a site's homepage.

    The registered homepage URL, else the main domain; an on-platform site with a
    ``*.localhost`` alias (the demo, a developer's machine) is reached on the local server
    instead, never at a real government domain it borrows.
    """
    if site.home_url:
        return site.home_url
    if site.on_platform:
        local = sorted(d.domain for d in site.domains.all() if d.domain.endswith(LOCAL_SUFFIX))
        if local:
            return f"http://{local[0]}:{conf.local_port()}/"
    return f"http://{site.domain}/"


class LoopbackNames(AbstractResolver):
    """``localhost`` and ``*.localhost`` are the loopback (RFC 6761 §6.3); others: the system's.

    The engine's guard still decides: the loopback is reached only for a site registered there.
    """

    def __init__(self) -> None:
        self.system: ThreadedResolver | None = None

    async def resolve(
        self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET
    ) -> list[ResolveResult]:
        name = host.lower().rstrip(".")
        if name == "localhost" or name.endswith(LOCAL_SUFFIX):
            return [
                ResolveResult(
                    hostname=host,
                    host="127.0.0.1",
                    port=port,
                    family=socket.AF_INET,
                    proto=0,
                    flags=socket.AI_NUMERICHOST,
                )
            ]
        self.system = self.system or ThreadedResolver()
        return await self.system.resolve(host, port, family)

    async def close(self) -> None:
        if self.system is not None:
            await self.system.close()


def _is_local_name(url: str) -> bool:
    host = (urlsplit(url).hostname or "").lower()
    return host == "localhost" or host.endswith(LOCAL_SUFFIX)


async def _probe_one(url: str, timeout: float) -> ProbeResult:
    """``patrol.probe``, with loopback answers for ``*.localhost`` names the system may not know."""
    resolver = LoopbackNames() if _is_local_name(url) else None
    try:
        return await probe(url, timeout=timeout, resolver=resolver)
    finally:
        if resolver is not None:
            await resolver.close()


async def _probe_all(urls: list[str], timeout: float, concurrency: int) -> list[ProbeResult]:
    gate = asyncio.Semaphore(max(1, concurrency))

    async def one(url: str) -> ProbeResult:
        async with gate:
            return await _probe_one(url, timeout)

    return await asyncio.gather(*(one(u) for u in urls))


def probe_urls(urls: Iterable[str]) -> list[ProbeResult]:
    """Probe each homepage once, concurrently; results in the order of ``urls``."""
    urls = list(urls)
    if not urls:
        return []
    timeout = float(conf.get("MONITORING_PROBE_TIMEOUT"))
    concurrency = int(conf.get("MONITORING_PROBE_CONCURRENCY"))
    return asyncio.run(_probe_all(urls, timeout, concurrency))


def column_rules(site, base_url: str) -> list[ColumnRule]:
    """The registry's columns as the engine's column rules, rebased onto ``base_url``.

    A column URL may be a path, or an absolute URL on the site's main domain; both are moved
    to the origin the patrol actually crawls (the local server for the demo).
    """
    scheme, host, port = split_host(base_url)
    default = 443 if scheme == "https" else 80
    origin = f"{scheme}://{host}" + ("" if port == default else f":{port}")
    domains = {site.domain.lower(), *(d.domain.lower() for d in site.domains.all())}
    rules = []
    for column in site.columns.all():
        url = (column.url or "").strip()
        parts = urlsplit(url)
        if url.startswith("/"):
            url = origin + url
        elif (parts.hostname or "").lower() in domains:
            url = origin + (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        elif not parts.scheme:
            continue
        rules.append(ColumnRule(url, column.kind, column.update_limit_days))
    rules.sort(key=lambda r: len(r.prefix), reverse=True)
    return rules


def patrol_config(url: str, *, rules: list[ColumnRule], today: datetime.date) -> PatrolConfig:
    config = PatrolConfig(
        start_url=url,
        today=today,
        column_rules=rules,
        lexicon_file=conf.get("MONITORING_LEXICON_FILE"),
        names_file=conf.get("MONITORING_NAMES_FILE"),
        max_pages=int(conf.get("MONITORING_PATROL_MAX_PAGES")),
        concurrency=int(conf.get("MONITORING_PATROL_CONCURRENCY")),
    )
    return config


def run_patrol(config: PatrolConfig) -> dict:
    """Patrol one site and return the findings document (findings.md) as a dict.

    The crawl stops after MONITORING_PATROL_SECONDS and reports what it saw by then. Raises
    ``PatrolFailed`` when the engine could not patrol at all.
    """
    config = replace(config, max_seconds=float(conf.get("MONITORING_PATROL_SECONDS")))

    async def run():
        resolver = LoopbackNames() if _is_local_name(config.start_url) else None
        return await patrol(config, resolver=resolver)

    try:
        report = asyncio.run(run())
    except Unreachable as exc:
        raise PatrolFailed(str(exc)[:300]) from exc
    return report.to_dict()


@dataclass(frozen=True)
class EvidencePage:
    url: str
    content_type: str
    text: str  # decoded with the engine's charset rules (GBK pages included)


async def _fetch_all(site_url: str, urls: list[str], max_bytes: int) -> list[EvidencePage]:
    resolver = LoopbackNames() if _is_local_name(site_url) else None
    try:
        start, _ = normalise(site_url)
        guard = site_guard(start, await resolve_site(split_host(start)[1], resolver))
    except BadURL:
        if resolver:
            await resolver.close()
        return []
    config = PatrolConfig(start_url=start, retries=0, concurrency=4)
    async with Fetcher(config, guard, resolver) as fetcher:
        responses = await asyncio.gather(*(fetcher.fetch(u, max_bytes=max_bytes) for u in urls))
    pages = []
    for url, resp in zip(urls, responses, strict=True):
        ctype = resp.content_type.lower()
        if resp.ok and not resp.truncated and ctype in HTML_TYPES:
            text, _codec = decode(resp.body, resp.charset)
            pages.append(EvidencePage(url, ctype, text))
    return pages


def fetch_evidence(site_url: str, urls: Iterable[str]) -> dict[str, EvidencePage]:
    """Fetch these pages of one site again, through the engine's guard, to keep as evidence.

    Only HTML pages that load whole within the byte limit are returned; nothing raises.
    """
    urls = list(dict.fromkeys(urls))[: int(conf.get("MONITORING_EVIDENCE_PAGES"))]
    if not urls:
        return {}
    max_bytes = int(conf.get("MONITORING_EVIDENCE_MAX_BYTES"))
    pages = asyncio.run(_fetch_all(site_url, urls, max_bytes))
    return {p.url: p for p in pages}
