"""Recording patrol runs: findings deduplicated by fingerprint across runs, fixed when a
complete run no longer sees them, dismissed ones kept dismissed, evidence kept.

Spec: findings.md (the document read here).
"""

import datetime
import hashlib
import json
import zlib
from collections import Counter
from urllib.parse import urlsplit

from django.db import transaction
from django.utils import timezone

from govsite.core import access, audit
from govsite.core.errors import GovsiteValidationError
from govsite.core.models import User
from govsite.sites.models import Site

from .. import conf
from ..fingerprint import fingerprint
from ..models import URL_LENGTH, Alert, Evidence, Finding, Kind, PageSnapshot, PatrolRun
from .alerts import raise_alert

S = Finding.Status
CHUNK = 500
# Personal data stays out of stored pages: a privacy_leak keeps its masked excerpt only
# (security.md H item 52: the finding must not store the raw value).
NO_SNAPSHOT_KINDS = frozenset({Kind.PRIVACY_LEAK, Kind.SITE_UNREACHABLE})


def _when(text: str | None, default: datetime.datetime) -> datetime.datetime:
    if not text:
        return default
    try:
        value = datetime.datetime.fromisoformat(text)
    except ValueError:
        return default
    return value if timezone.is_aware(value) else timezone.make_aware(value)


def _day(text: str | None) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(text) if text else None
    except ValueError:
        return None


@transaction.atomic
def start_patrol_run(
    site: Site,
    *,
    actor: User | None,
    slot: datetime.datetime | None = None,
    requested_by: User | None = None,
) -> tuple[PatrolRun, bool]:
    """Open a run in status ``running``; returns (run, created).

    For a scheduled ``slot`` an existing run is returned instead (a retried task patrols once).
    Records monitoring.patrol_run.start.
    """
    if slot is not None:
        existing = PatrolRun.objects.filter(site=site, slot=slot).first()
        if existing is not None:
            return existing, False
    run = PatrolRun.objects.create(
        site=site, slot=slot, started=timezone.now(), requested_by=requested_by or actor
    )
    audit.record("monitoring.patrol_run.start", run, actor=actor, changes={"site": site.pk})
    return run, True


@transaction.atomic
def fail_patrol_run(run: PatrolRun, *, actor: User | None, error: str) -> PatrolRun:
    """Close a run that produced no document; findings are left as they were.

    Records monitoring.patrol_run.fail.
    """
    run.status = PatrolRun.Status.FAILED
    run.error = (error or "")[:300]
    run.finished = timezone.now()
    run.save(update_fields=["status", "error", "finished"])
    audit.record("monitoring.patrol_run.fail", run, actor=actor, changes={"error": run.error})
    return run


def _clean(document: dict) -> list[dict]:
    """The document's findings, one per fingerprint (the first of each), each carrying it."""
    if not isinstance(document, dict) or not isinstance(document.get("findings"), list):
        raise GovsiteValidationError(
            "巡检结果格式不正确", "Not a findings document (findings.md)", field="document"
        )
    out: dict[str, dict] = {}
    for item in document["findings"]:
        if not isinstance(item, dict) or not item.get("kind") or not item.get("url"):
            continue
        fp = fingerprint(item)
        out.setdefault(fp, {**item, "fingerprint": fp})
    return list(out.values())


def _column_index(site: Site) -> list[tuple[str, int]]:
    """(path prefix, column id), longest first; the root path is no column's own."""
    pairs = []
    for pk, url in site.columns.values_list("pk", "url"):
        path = urlsplit(url or "").path
        if path and path != "/":
            pairs.append((path, pk))
    return sorted(pairs, key=lambda p: len(p[0]), reverse=True)


def _column_for(url: str, index: list[tuple[str, int]]) -> int | None:
    path = urlsplit(url).path
    return next((pk for prefix, pk in index if path.startswith(prefix)), None)


def _existing(site: Site, fingerprints: list[str]) -> dict[str, Finding]:
    found: dict[str, Finding] = {}
    for i in range(0, len(fingerprints), CHUNK):
        chunk = fingerprints[i : i + CHUNK]
        for f in Finding.objects.filter(site=site, fingerprint__in=chunk):
            found[f.fingerprint] = f
    return found


def _new_finding(site, item, run, seen, column_id) -> Finding:
    return Finding(
        site=site,
        kind=str(item["kind"])[:32],
        url=str(item["url"])[:URL_LENGTH],
        target=str(item.get("target") or "")[:URL_LENGTH],
        detail=item.get("detail") or {},
        fingerprint=item["fingerprint"],
        column_id=column_id,
        status=S.OPEN,
        first_seen=seen,
        last_seen=seen,
        times_seen=1,
        first_run=run,
        last_run=run,
    )


def _seen_again(finding: Finding, item: dict, run: PatrolRun, seen) -> bool:
    """Update a stored finding seen again; True when it had been fixed and is back."""
    finding.detail = item.get("detail") or {}
    finding.last_seen = max(finding.last_seen, seen)
    finding.times_seen += 1
    finding.last_run = run
    if finding.status == S.FIXED:
        finding.status, finding.fixed_at = S.OPEN, None
        return True
    return False


def _excerpt(finding: Finding) -> str:
    return finding.excerpt[:500]


@transaction.atomic
def record_patrol_run(
    site: Site, document: dict, *, actor: User | None, run: PatrolRun | None = None
) -> PatrolRun:
    """Store a patrol's findings document (findings.md) as one run of ``site``.

    Each finding is matched to the stored one with the same fingerprint: a new one is created
    open (with an evidence row), one seen again has ``last_seen`` and ``times_seen`` bumped and,
    if it had been fixed, is reopened; a dismissed one stays dismissed. A complete run (the
    homepage answered) marks every open or confirmed finding it did not see as fixed; a run
    whose homepage did not answer fixes nothing. New or reopened findings of the serious kinds
    raise one alert. Records monitoring.patrol_run.record.
    """
    items = _clean(document)
    now = timezone.now()
    unreachable = any(i["kind"] == Kind.SITE_UNREACHABLE for i in items)
    if run is None:
        run = PatrolRun(site=site, requested_by=actor)
    run.started = _when(document.get("started"), run.started or now)
    run.finished = _when(document.get("finished"), now)
    run.today = _day(document.get("today"))
    run.stats = document.get("stats") or {}
    run.status = PatrolRun.Status.UNREACHABLE if unreachable else PatrolRun.Status.DONE
    run.error = ""
    text = json.dumps(document, ensure_ascii=False, separators=(",", ":"))
    run.document_z = zlib.compress(text.encode("utf-8"), 6)
    run.kind_counts = dict(Counter(i["kind"] for i in items))
    run.findings_total = len(items)
    run.save()

    seen = run.started
    index = _column_index(site)
    existing = _existing(site, [i["fingerprint"] for i in items])
    created, updated, appeared = [], [], []
    for item in items:
        finding = existing.get(item["fingerprint"])
        if finding is None:
            finding = _new_finding(site, item, run, seen, _column_for(item["url"], index))
            created.append(finding)
            appeared.append(finding)
        else:
            if _seen_again(finding, item, run, seen):
                appeared.append(finding)
            updated.append(finding)
    Finding.objects.bulk_create(created, batch_size=CHUNK)
    if not all(f.pk for f in created):  # backends that return no ids on bulk insert
        ids = _existing(site, [f.fingerprint for f in created])
        for f in created:
            f.pk = ids[f.fingerprint].pk
    Finding.objects.bulk_update(
        updated, ["detail", "last_seen", "times_seen", "last_run", "status", "fixed_at"], CHUNK
    )
    fixed = 0
    if run.is_complete:
        gone = Finding.objects.filter(site=site, status__in=(S.OPEN, S.CONFIRMED)).exclude(
            last_run=run
        )
        fixed = gone.update(status=S.FIXED, fixed_at=run.started)
    Evidence.objects.bulk_create(
        [Evidence(finding=f, run=run, excerpt=_excerpt(f)) for f in appeared], batch_size=CHUNK
    )
    run.new_findings, run.fixed_findings = len(created), fixed
    run.save(update_fields=["new_findings", "fixed_findings"])
    audit.record(
        "monitoring.patrol_run.record",
        run,
        actor=actor,
        changes={
            "site": site.pk,
            "status": run.status,
            "findings": len(items),
            "new": len(created),
            "reopened": len(appeared) - len(created),
            "fixed": fixed,
        },
    )
    _alert_serious(site, run, appeared, actor)
    return run


def _alert_serious(site: Site, run: PatrolRun, appeared: list[Finding], actor) -> None:
    serious = set(conf.get("MONITORING_SERIOUS_KINDS"))
    found = [f for f in appeared if f.kind in serious and f.status != S.DISMISSED]
    if not found:
        return
    kinds = Counter(f.kind for f in found)
    labels = "、".join(f"{Kind(k).label if k in Kind.values else k}{n}个" for k, n in kinds.items())
    raise_alert(
        site,
        actor=actor,
        kind=Alert.Kind.SERIOUS_FINDINGS,
        title=f"{site.name}发现{len(found)}个严重问题（{labels}）",
        detail={"findings": [f.pk for f in found[:200]], "kinds": dict(kinds)},
        run=run,
    )


@transaction.atomic
def attach_evidence(run: PatrolRun, pages: dict, *, actor: User | None) -> int:
    """Keep the fetched pages (url -> engine EvidencePage) as snapshots of this run's new
    evidence; one snapshot per distinct page body. Returns how many evidence rows got one.

    No page on which this run saw personal data is kept, whatever else it shows (security.md
    H item 52). Records monitoring.evidence.attach.
    """
    rows = list(
        Evidence.objects.filter(run=run, snapshot__isnull=True)
        .exclude(finding__kind__in=NO_SNAPSHOT_KINDS)
        .select_related("finding")
    )
    leaky = _leaky_urls(run)
    snapshots: dict[str, PageSnapshot] = {}
    attached = []
    for ev in rows:
        page = pages.get(ev.finding.url)
        if page is None or page.url in leaky:
            continue
        if page.url not in snapshots:
            snapshots[page.url] = _snapshot(run.site_id, page)
        ev.snapshot = snapshots[page.url]
        attached.append(ev)
    Evidence.objects.bulk_update(attached, ["snapshot"], batch_size=CHUNK)
    if attached:
        audit.record(
            "monitoring.evidence.attach",
            run,
            actor=actor,
            changes={"evidence": len(attached), "pages": len(snapshots)},
        )
    return len(attached)


def _snapshot(site_id: int, page) -> PageSnapshot:
    body = page.text.encode("utf-8")
    digest = hashlib.sha256(body).hexdigest()
    snap, _ = PageSnapshot.objects.get_or_create(
        site_id=site_id,
        sha256=digest,
        defaults={
            "url": page.url[:URL_LENGTH],
            "content_type": page.content_type[:100],
            "size": len(body),
            "body_z": zlib.compress(body, 6),
            "fetched_at": timezone.now(),
        },
    )
    return snap


def _leaky_urls(run: PatrolRun) -> set[str]:
    """Pages on which this run saw personal data."""
    leaks = Finding.objects.filter(site_id=run.site_id, kind=Kind.PRIVACY_LEAK, last_run=run)
    return set(leaks.values_list("url", flat=True))


def evidence_urls(run: PatrolRun) -> list[str]:
    """Pages whose body this run's new evidence would keep (never one with personal data)."""
    urls = (
        Evidence.objects.filter(run=run, snapshot__isnull=True)
        .exclude(finding__kind__in=NO_SNAPSHOT_KINDS)
        .values_list("finding__url", flat=True)
    )
    leaky = _leaky_urls(run)
    return [u for u in dict.fromkeys(urls) if u not in leaky]


@transaction.atomic
def request_patrol(site: Site, *, actor: User) -> datetime.datetime:
    """Ask for a patrol of ``site`` now (after a fix, say): needs ``patrol.run`` on the site.

    Queues ``tasks.patrol_site`` on commit with the request time as its slot, so a retried
    task patrols once. Records monitoring.patrol.request; returns the slot.
    """
    from ..tasks import patrol_site  # tasks are adapters over these services

    access.require(actor, "patrol.run", site)
    slot = timezone.now()
    audit.record("monitoring.patrol.request", site, actor=actor, changes={"slot": slot})
    transaction.on_commit(
        lambda: patrol_site.enqueue(site.pk, slot=slot.isoformat(), requested_by=actor.pk)
    )
    return slot


def expire_stale_runs(now: datetime.datetime) -> int:
    """Close runs still 'running' long after any patrol could have ended (a worker died)."""
    limit = datetime.timedelta(seconds=float(conf.get("MONITORING_PATROL_SECONDS")) * 2)
    stale = PatrolRun.objects.filter(status=PatrolRun.Status.RUNNING, started__lt=now - limit)
    return sum(
        bool(fail_patrol_run(run, actor=None, error="worker stopped before the patrol ended"))
        for run in stale
    )
