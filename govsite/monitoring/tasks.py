"""Background tasks (django-tasks): thin, idempotent adapters over ``services`` and ``engine``.

``schedule_due`` claims the due slots and queues ``probe_sites`` (in batches, probed
concurrently) and ``patrol_site``; a slot is the scheduled moment, so a retried task finds its
result already stored and does nothing.
"""

import datetime

from django.utils import timezone
from django_tasks import task

from govsite.core.models import User
from govsite.sites.models import Site

from . import conf, engine, services
from .models import ProbeResult

PROBE_PRIORITY = 10  # probes first: their spacing is what the indicator counts


def _slot(text: str | None) -> datetime.datetime | None:
    return datetime.datetime.fromisoformat(text) if text else None


@task(priority=PROBE_PRIORITY)
def probe_sites(site_ids: list[int], slots: list[str | None] | None = None) -> dict:
    """Probe the homepages of these sites concurrently and record each result."""
    slots = list(slots or [None] * len(site_ids))
    sites = Site.objects.open().filter(pk__in=site_ids).prefetch_related("domains").in_bulk()
    todo = []
    for site_id, text in zip(site_ids, slots, strict=True):
        site, slot = sites.get(site_id), _slot(text)
        if site is None:
            continue
        if slot is not None and ProbeResult.objects.filter(site=site, slot=slot).exists():
            continue
        todo.append((site, slot))
    started = timezone.now()
    results = engine.probe_urls(engine.target_url(site) for site, _ in todo)
    failed = 0
    for (site, slot), result in zip(todo, results, strict=True):
        services.record_probe(site, result, actor=None, time=started, slot=slot)
        failed += not result.ok
    return {"probed": len(todo), "failed": failed}


@task(priority=PROBE_PRIORITY)
def probe_site(site_id: int, slot: str | None = None) -> dict:
    """Probe one site's homepage and record the result."""
    return probe_sites.call([site_id], [slot])


@task()
def patrol_site(site_id: int, slot: str | None = None, requested_by: int | None = None) -> dict:
    """Patrol one site, record the run and its findings, keep evidence of new findings."""
    site = Site.objects.open().filter(pk=site_id).prefetch_related("domains", "columns").first()
    if site is None:
        return {"skipped": "not an open site"}
    requester = User.objects.filter(pk=requested_by).first() if requested_by else None
    run, created = services.start_patrol_run(
        site, actor=None, slot=_slot(slot), requested_by=requester
    )
    if not created:
        return {"run": run.pk, "skipped": "slot already patrolled"}
    url = engine.target_url(site)
    config = engine.patrol_config(
        url, rules=engine.column_rules(site, url), today=timezone.localdate()
    )
    try:
        document = engine.run_patrol(config)
    except engine.PatrolFailed as exc:
        services.fail_patrol_run(run, actor=None, error=str(exc))
        return {"run": run.pk, "status": run.status, "error": run.error}
    run = services.record_patrol_run(site, document, actor=None, run=run)
    pages = engine.fetch_evidence(url, services.evidence_urls(run))
    services.attach_evidence(run, pages, actor=None)
    return {"run": run.pk, "status": run.status, "findings": run.findings_total}


@task()
def schedule_due() -> dict:
    """Queue the probes and patrols that are due now; safe to call as often as you like."""
    now = timezone.now()
    services.ensure_schedules(now)
    services.expire_stale_runs(now)
    probes = services.claim_due_probes(now)
    patrols = services.claim_due_patrols(now)
    batch = max(1, int(conf.get("MONITORING_PROBE_BATCH")))
    for i in range(0, len(probes), batch):
        chunk = probes[i : i + batch]
        probe_sites.enqueue([s for s, _ in chunk], [slot.isoformat() for _, slot in chunk])
    for site_id, slot in patrols:
        patrol_site.enqueue(site_id, slot=slot.isoformat())
    return {"probes": len(probes), "patrols": len(patrols)}
