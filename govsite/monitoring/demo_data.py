"""Probe and patrol results for every open site of the demo province, in one call.

External sites are patrolled where they answer (the demo serves them on 127.0.0.1:8101-8105;
they must be running). On-platform sites are read as Django renders them: a WSGI server of
this very project runs on 127.0.0.1 (an ephemeral port) for the length of the call, each site
is patrolled at its ``*.localhost`` alias on that port, and the findings are then written with
the address the site has when the demo server runs (``http://<alias>:8000/``), so the scheduled
patrols that follow find the same fingerprints.
"""

from __future__ import annotations

import contextlib
import datetime
import json
import logging
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from socketserver import ThreadingMixIn
from urllib.parse import urlsplit
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from django.contrib.staticfiles.handlers import StaticFilesHandler
from django.core.wsgi import get_wsgi_application
from django.utils import timezone

from govsite.sites.models import Site

from . import engine, services

log = logging.getLogger(__name__)


@dataclass
class DemoPatrols:
    sites: int = 0
    runs: int = 0
    findings: int = 0
    unreachable: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


class _Server(ThreadingMixIn, WSGIServer):
    daemon_threads = True


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, *args) -> None:
        pass


@contextlib.contextmanager
def serve_platform() -> Iterator[int]:
    """Serve this Django project on 127.0.0.1 from a background thread; yields the port."""
    app = StaticFilesHandler(get_wsgi_application())
    httpd = make_server("127.0.0.1", 0, app, server_class=_Server, handler_class=_QuietHandler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield httpd.server_port
    finally:
        httpd.shutdown()
        httpd.server_close()


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def _moved(url: str, port: int) -> str:
    parts = urlsplit(url)
    return parts._replace(netloc=f"{parts.hostname}:{port}").geturl()


def _rewritten(document: dict, old: str, new: str) -> dict:
    """The document with every URL on origin ``old`` moved to origin ``new``."""
    if old == new:
        return document
    text = json.dumps(document, ensure_ascii=False)
    return json.loads(text.replace(json.dumps(old)[1:-1], json.dumps(new)[1:-1]))


def _probe(site: Site, url: str, public: str) -> None:
    result = engine.probe_urls([url])[0]
    result.url = public
    services.record_probe(site, result, actor=None)


def _patrol(site: Site, url: str, public: str, today: datetime.date, summary) -> None:
    _probe(site, url, public)
    run, _ = services.start_patrol_run(site, actor=None)
    config = engine.patrol_config(url, rules=engine.column_rules(site, url), today=today)
    try:
        document = engine.run_patrol(config)
    except engine.PatrolFailed as exc:
        services.fail_patrol_run(run, actor=None, error=str(exc))
        summary.unreachable.append(site.name)
        return
    document = _rewritten(document, _origin(url), _origin(public))
    run = services.record_patrol_run(site, document, actor=None, run=run)
    wanted = services.evidence_urls(run)
    local = {_rewritten({"u": u}, _origin(public), _origin(url))["u"]: u for u in wanted}
    pages = engine.fetch_evidence(url, list(local))
    kept = {local[u]: replace(p, url=local[u]) for u, p in pages.items()}
    services.attach_evidence(run, kept, actor=None)
    summary.runs += 1
    summary.findings += run.findings_total
    if run.status != run.Status.DONE:
        summary.unreachable.append(site.name)


def patrol_demo_sites(
    *,
    today: datetime.date | None = None,
    sites=None,
    progress: Callable[[str], None] | None = None,
) -> DemoPatrols:
    """Probe and patrol every open site (or ``sites``) once, and store the results.

    Each run is recorded through the services like a scheduled one (audit records, alerts,
    evidence). Returns counts, and the names of the sites that could not be reached.
    """
    today = today or timezone.localdate()
    sites = list(sites if sites is not None else Site.objects.open())
    sites = list(
        Site.objects.filter(pk__in=[s.pk for s in sites])
        .prefetch_related("domains", "columns")
        .order_by("site_code")
    )
    summary = DemoPatrols(sites=len(sites))
    hosted = [s for s in sites if s.on_platform and not s.home_url]
    for site in (s for s in sites if s not in hosted):
        if progress:
            progress(site.name)
        url = engine.target_url(site)
        _patrol(site, url, url, today, summary)
    if not hosted:
        return summary
    with serve_platform() as port:
        for site in hosted:
            public = engine.target_url(site)
            if not urlsplit(public).hostname.endswith(engine.LOCAL_SUFFIX):
                summary.skipped.append(site.name)  # a real domain: left to the schedule
                continue
            if progress:
                progress(site.name)
            _patrol(site, _moved(public, port), public, today, summary)
    return summary
