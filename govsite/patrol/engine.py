"""The patrol of one site: a breadth-first crawl by a pool of asyncio workers.

Pages are fetched, decoded, parsed and handed to the page checks; every link, image, script,
style and attachment is checked once however many pages hold it; the site checks run at the
end. Spec: findings.md (the document), security.md J (limits, traps, safety).
"""

from __future__ import annotations

import asyncio
import datetime
import functools
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass

from aiohttp.abc import AbstractResolver

from . import checks
from .attachments import ATTACHMENT_EXT, IMAGE_EXT, READABLE, document_text, extension
from .charset import decode
from .checks.base import PageView
from .checks.text import TextCheck, text_findings
from .config import PatrolConfig
from .dates import entry_date, find_dates, labelled_date, parse_pubdate
from .fetch import Fetcher, Response
from .findings import Finding, Report
from .links import Failure, LinkBook, Ref
from .parse import Page, parse
from .safety import resolve_site, site_guard
from .sitemodel import EMPTY_WORDS, MAX_ENTRIES, PAGINATION, ListPage, SiteModel
from .traps import TrapDetector
from .urls import BadURL, normalise, origin, same_site, split_host

log = logging.getLogger(__name__)
HTML_TYPES = ("text/html", "application/xhtml+xml", "")
HEAD_FALLBACK = (400, 403, 405, 406, 501)
SKIP_SCHEMES = ("javascript:", "mailto:", "tel:", "data:", "#", "about:", "sms:")
MAX_PARSE_BYTES = 4 * 1024 * 1024  # HTML beyond this is fetched (up to the size limit), not read
MAX_TEXT_CHARS = 1_000_000  # text handed to the text checks, per page
PROBE_SECONDS = 15.0  # official-rules.md 1.3 item 2: not open after 15 s is a failure
CHINA = datetime.timezone(datetime.timedelta(hours=8))
Progress = Callable[[int, int, int], None]


class Unreachable(Exception):
    """The site could not be patrolled at all: bad URL, or its homepage did not answer."""


@dataclass(slots=True)
class Task:
    url: str
    kind: str
    parent: str | None = None
    chain: int = 0


def now() -> str:
    return datetime.datetime.now(CHINA).isoformat(timespec="seconds")


class Patrol:
    def __init__(
        self,
        config: PatrolConfig,
        progress: Progress | None = None,
        resolver: AbstractResolver | None = None,
    ):
        self.config = config
        self.progress = progress
        self.resolver = resolver  # tests give a fake DNS; None = the system's
        try:
            self.start, _ = normalise(config.start_url)
        except BadURL as exc:
            raise Unreachable(f"bad URL: {exc}") from exc
        self.origin = origin(self.start)
        self.report = Report(site=self.start, today=config.today.isoformat(), started=now())
        self.book = LinkBook()
        self.traps = TrapDetector(config, config.today)
        self.site = SiteModel(self.start, config.today)
        self.page_checks = checks.build(checks.PAGE_CHECKS, config)
        self.site_checks = checks.build(checks.SITE_CHECKS, config)
        self.text = next((c for c in self.page_checks if isinstance(c, TextCheck)), None)
        self.queue: asyncio.Queue[Task] = asyncio.Queue()
        self.pages_queued = 0
        self.processed: set[int] = set()
        self.chromes: set[int] = set()
        self.stalls: dict[str, float] = {}  # longest loop stall while a slow page was fetched

    async def run(self) -> Report:
        began = time.monotonic()
        host = split_host(self.start)[1]
        try:
            addresses = await resolve_site(host, self.resolver)
            guard = site_guard(self.start, addresses, self.config.extra_ports)
        except BadURL as exc:
            raise Unreachable(str(exc)) from exc
        async with Fetcher(self.config, guard, self.resolver) as fetcher:
            self.fetcher = fetcher
            home = await self._homepage()
            if home is not None:
                await self._crawl(home)
                await self._confirm_slow()
        self._finish(began)
        return self.report

    async def _homepage(self) -> Response | None:
        resp = await self.fetcher.fetch(
            self.start, max_bytes=self.config.max_page_bytes, deadline=PROBE_SECONDS
        )
        failed = resp.loop or resp.error is not None or (resp.status or 0) >= 400
        if failed:
            detail = {"error": "redirect loop" if resp.loop else resp.error, "status": resp.status}
            self.report.findings.append(Finding("site_unreachable", self.start, detail))
            self.report.stats.errors += resp.error is not None
            return None
        self.book.pending[self.start] = []
        return resp

    async def _crawl(self, home: Response) -> None:
        if home.url != self.start and not home.offsite:  # http -> https, / -> /index.html
            self.book.resolve(self.start, None)
            self.start, self.origin = home.url, origin(home.url)
            self.site.site = home.url
            self.book.pending[self.start] = []
        self.pages_queued = 1
        self._resolve(self.start, home)
        self._page(Task(self.start, "page"), home)
        workers = self.config.concurrency * (2 if self.config.external else 1)
        tasks = [asyncio.create_task(self._worker()) for _ in range(workers)]
        ticker = asyncio.create_task(self._tick()) if self.progress else None
        try:
            await asyncio.wait_for(self.queue.join(), self.config.max_seconds)
        except TimeoutError:
            log.warning("patrol of %s stopped at its time limit", self.start)
            self.report.stats.errors += 1
        for task in [*tasks, *([ticker] if ticker else [])]:
            task.cancel()
        await asyncio.gather(*tasks, *([ticker] if ticker else []), return_exceptions=True)

    async def _tick(self) -> None:
        while True:
            await asyncio.sleep(0.2)
            self._tell()

    def _tell(self) -> None:
        if self.progress:
            found = len(self.report.findings) + len(self.book.findings)
            self.progress(self.report.stats.pages, self.queue.qsize(), found)

    async def _worker(self) -> None:
        while True:
            task = await self.queue.get()
            try:
                await self._handle(task)
            except Exception:  # one bad page must never stop the patrol
                log.exception("patrol: %s failed", task.url)
                self.report.stats.errors += 1
                self.book.resolve(task.url, None)
            finally:
                self.queue.task_done()

    async def _handle(self, task: Task) -> None:
        internal = task.kind != "external"
        if internal and self.traps.blocked(task.url) is not None:
            self.book.resolve(task.url, None)
            return
        if task.kind == "page":
            resp = await self.fetcher.fetch(task.url, max_bytes=self.config.max_page_bytes)
            self._resolve(task.url, resp)
            if resp.ok and not resp.offsite and not resp.loop and resp.status < 300:
                self._page(task, resp)
        elif task.kind == "attachment" and extension(task.url) in READABLE:
            await self._document(task)
        else:
            await self._resource(task)

    async def _resource(self, task: Task) -> None:
        offsite = task.kind == "external"
        resp = await self.fetcher.fetch(task.url, method="HEAD", follow_offsite=offsite)
        if resp.status in HEAD_FALLBACK or (resp.error or "").startswith("malformed"):
            resp = await self.fetcher.fetch(
                task.url, max_bytes=1024, byte_range=1024, follow_offsite=offsite
            )
        self._resolve(task.url, resp)

    async def _document(self, task: Task) -> None:
        resp = await self.fetcher.fetch(
            task.url, max_bytes=self.config.max_document_bytes, whole_only=True
        )
        self._resolve(task.url, resp)
        if not resp.ok or resp.truncated or not resp.body or self.text is None:
            return
        text = await asyncio.to_thread(document_text, extension(task.url), resp.body)
        found = text_findings(self.text.checker, task.url, [text])
        self.report.findings.extend(f for f in found if f.kind == "privacy_leak")

    async def _confirm_slow(self) -> None:
        """Measure again the slow pages whose time a few stalls of this process could explain
        (a fetch waits on the loop a handful of times): reported only when slow twice."""
        limit = self.config.slow_seconds
        doubtful = [
            f
            for f in self.report.findings
            if f.kind == "slow_page" and f.detail["seconds"] - 5 * self.stalls[f.url] <= limit
        ]
        again = await asyncio.gather(
            *(self.fetcher.fetch(f.url, max_bytes=self.config.max_page_bytes) for f in doubtful)
        )
        for finding, resp in zip(doubtful, again, strict=True):
            if resp.error is None and resp.seconds <= limit:
                self.report.findings.remove(finding)
            else:
                finding.detail["seconds"] = round(min(resp.seconds, finding.detail["seconds"]), 2)

    def _resolve(self, url: str, resp: Response) -> None:
        if (resp.error or "").startswith("not allowed"):
            log.info("patrol: not checked, %s", resp.error)  # a port or address we never visit
            self.book.resolve(url, None)
        elif resp.loop:
            self.book.resolve(url, Failure(True, {"chain": resp.chain}))
        elif resp.error is not None or (resp.status or 0) >= 400:
            if resp.error is not None:
                self.report.stats.errors += 1
            self.book.resolve(url, Failure(False, {"status": resp.status, "error": resp.error}))
        else:
            self.book.resolve(url, None)
            if resp.url != url:
                self.book.ok.add(hash(resp.url))

    def _page(self, task: Task, resp: Response) -> None:
        ctype = resp.content_type.lower()
        if ctype not in HTML_TYPES or hash(resp.url) in self.processed:
            return
        if not ctype and resp.body.lstrip()[:1] != b"<":
            return
        self.processed.add(hash(resp.url))
        if resp.seconds > self.config.slow_seconds > 0:
            self.stalls[resp.url] = self.fetcher.lag.longest_since(resp.started)
        body = resp.body[:MAX_PARSE_BYTES]
        text, _codec = decode(body, resp.charset)
        page = parse(text, body)
        page.main_text = page.main_text[:MAX_TEXT_CHARS]
        page.chrome_text = page.chrome_text[:MAX_TEXT_CHARS]
        self.report.stats.pages += 1
        view = self._view(resp, page)
        for check in self.page_checks:
            self.report.findings.extend(check.check_page(view))
        self._model(view, task)
        for link in page.links:
            self._link(view.url, link.href, link.kind, link.chrome, task.chain)

    def _view(self, resp: Response, page: Page) -> PageView:
        meta = page.meta
        labelled = labelled_date(page.main_text)
        pubdate = parse_pubdate(meta.get("PubDate", "")) or labelled
        is_article = bool(meta.get("ArticleTitle") or meta.get("PubDate")) or (
            labelled is not None and len(page.entries) < 5
        )
        digest = hash(page.chrome_text)
        seen = digest in self.chromes
        self.chromes.add(digest)
        is_home = resp.url == self.start or (bool(resp.chain) and resp.chain[0] == self.start)
        return PageView(resp.url, resp, page, is_home, is_article, pubdate, seen)

    def _model(self, view: PageView, task: Task) -> None:
        page, url = view.page, view.url
        self.traps.note_content(url, task.parent, hash(page.main_text))
        for link in page.nav:
            target = self._absolute(link.href, url)
            if target:
                self.site.add_nav(target, link.text)
        if view.is_article:
            self.site.articles.add(hash(url))
            return
        entries, raw = [], 0
        for entry in page.entries:
            target = self._absolute(entry.href, url, site_only=False)
            if not target or target in (url, self.start) or PAGINATION.match(entry.title):
                continue
            raw += 1
            if len(entries) < MAX_ENTRIES:
                entries.append((target, entry_date(entry.text, entry.title, target)))
        if view.is_home:
            dates = [d for _u, d in entries if d] or find_dates(page.main_text)
            self.site.home_dates = dates
            return
        name = page.meta.get("ColumnName") or page.title
        empty = EMPTY_WORDS.search(page.main_text) is not None
        if not (raw or empty or page.meta.get("ColumnName") or url in self.site.nav):
            return
        self.site.lists[url] = ListPage(
            url,
            name,
            bool(page.meta.get("ColumnName")),
            entries,
            raw,
            _short(page.main_text, name),
            EMPTY_WORDS.search(page.main_text) is not None,
        )

    def _absolute(self, href: str, base: str, site_only: bool = True) -> str | None:
        """The link as an absolute URL, or None (bad, not http, off-site when ``site_only``)."""
        if not href or href.lstrip().lower().startswith(SKIP_SCHEMES):
            return None
        try:
            if href[0] == "/" and href[:2] != "//":
                return _normalise_path(self.origin, href)[0]
            url = normalise(href, base)[0]
        except (BadURL, ValueError):
            return None
        return url if not site_only or same_site(url, self.start) else None

    def _link(self, page: str, href: str, kind: str, chrome: bool, chain: int) -> None:
        if not href or href.lstrip().lower().startswith(SKIP_SCHEMES):
            return
        try:
            if href[0] == "/" and href[:2] != "//":  # most links: the same on every page
                url, stripped = _normalise_path(self.origin, href)
                internal = True
            else:
                url, stripped = normalise(href, page)
                internal = same_site(url, self.start)
        except (BadURL, ValueError):
            return
        if not internal:
            if not self.config.external:
                return
            kind = "external"
        else:
            if stripped:
                self.traps.note_session(url, page, stripped)
            kind = _refine(kind, url)
        if self.book.known(url):
            self.book.refer(url, Ref(page, kind, chrome))
            return
        next_chain = 0
        if internal:
            admitted = self.traps.admit(url, page, chain)
            if admitted is None:
                return
            next_chain = admitted
            if kind == "page":
                if self.pages_queued >= self.config.max_pages:
                    return
                self.pages_queued += 1
        self.book.refer(url, Ref(page, kind, chrome))
        self.queue.put_nowait(Task(url, kind, page, next_chain))

    def _finish(self, began: float) -> None:
        for check in self.site_checks:
            self.report.findings.extend(check.check_site(self.site))
        self.report.findings.extend(self.book.findings)
        self.report.findings.extend(self.traps.findings())
        stats = self.report.stats
        fetcher = getattr(self, "fetcher", None)
        stats.requests = fetcher.requests if fetcher else 0
        stats.bytes = fetcher.bytes if fetcher else 0
        stats.seconds = time.monotonic() - began
        self.report.finished = now()
        self._tell()


@functools.lru_cache(maxsize=65536)
def _normalise_path(site_origin: str, href: str) -> tuple[str, list[tuple[str, str]]]:
    return normalise(site_origin + href)


def _refine(kind: str, url: str) -> str:
    if kind != "page":
        return kind
    ext = extension(url)
    if ext in ATTACHMENT_EXT:
        return "attachment"
    if ext in IMAGE_EXT:
        return "image"
    return kind


def _short(text: str, name: str) -> bool:
    lines = [ln for ln in text.splitlines() if ln != name and "位置" not in ln and len(ln) > 1]
    return sum(len(ln) for ln in lines) < 60


async def patrol(
    config: PatrolConfig,
    progress: Progress | None = None,
    resolver: AbstractResolver | None = None,
) -> Report:
    """Patrol one site and return its findings document (raises Unreachable)."""
    return await Patrol(config, progress, resolver).run()
