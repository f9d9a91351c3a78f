"""Recording homepage probes, and the alert when a homepage keeps failing."""

import datetime

from django.db import transaction
from django.utils import timezone

from govsite.core.models import User
from govsite.sites.models import Site

from .. import conf
from ..models import URL_LENGTH, Alert, ProbeResult
from .alerts import raise_alert, resolve_alert


def _failing_streak(site: Site, limit: int) -> int:
    """How many of the newest probes failed in a row (counted up to ``limit``)."""
    newest = ProbeResult.objects.filter(site=site).order_by("-time", "-pk")
    streak = 0
    for ok in newest.values_list("ok", flat=True)[:limit]:
        if ok:
            break
        streak += 1
    return streak


def _open_down_alert(site: Site) -> Alert | None:
    return (
        Alert.objects.filter(site=site, kind=Alert.Kind.SITE_DOWN, resolved_at__isnull=True)
        .order_by("-created_at")
        .first()
    )


@transaction.atomic
def record_probe(
    site: Site,
    result,
    *,
    actor: User | None,
    time: datetime.datetime | None = None,
    slot: datetime.datetime | None = None,
) -> ProbeResult:
    """Keep one probe result (``result``: the engine's ProbeResult: url, ok, status, error,
    seconds) and raise or resolve the site-down alert.

    Idempotent for a scheduled ``slot``: a retry of the same slot returns the stored result.
    After ``MONITORING_DOWN_ALERT_AFTER`` failures in a row one alert is raised, and no other
    until a probe succeeds, which resolves it. The probe itself writes no audit record — it is
    a machine measurement kept whole here, about 48 a day a site; the alerts it raises and
    resolves are audited.
    """
    if slot is not None:
        stored = ProbeResult.objects.filter(site=site, slot=slot).first()
        if stored is not None:
            return stored
    row = ProbeResult.objects.create(
        site=site,
        time=time or timezone.now(),
        slot=slot,
        url=(result.url or site.url)[:URL_LENGTH],
        ok=bool(result.ok),
        status=result.status,
        seconds=round(float(result.seconds or 0.0), 3),
        error=(result.error or "")[:300],
    )
    if row.ok:
        alert = _open_down_alert(site)
        if alert is not None:
            resolve_alert(alert, actor=actor, reason="homepage answers again")
        return row
    Site.objects.select_for_update().filter(pk=site.pk).first()  # one alert per outage
    limit = int(conf.get("MONITORING_DOWN_ALERT_AFTER"))
    if _failing_streak(site, limit) >= limit and _open_down_alert(site) is None:
        raise_alert(
            site,
            actor=actor,
            kind=Alert.Kind.SITE_DOWN,
            title=f"{site.name}首页连续{limit}次监测无法访问",
            detail={"failures": limit, "last_error": row.error, "last_status": row.status},
        )
    return row
