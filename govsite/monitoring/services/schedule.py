"""The schedule: when each open site is next due for a probe and a patrol.

A due slot is claimed with a conditional UPDATE, so two schedulers running at once never
enqueue the same slot twice. Sites are spread over the interval by their id, so a thousand
sites do not all fall due at the same minute. Bookkeeping only: no audit record.
"""

import datetime

from django.db import transaction

from govsite.sites.models import Site

from .. import conf
from ..models import MonitorSchedule

SPREAD = 7919  # a prime: consecutive site ids land far apart within the interval


def _offset(site_id: int, interval: datetime.timedelta) -> datetime.timedelta:
    seconds = max(1, int(interval.total_seconds()))
    return datetime.timedelta(seconds=(site_id * SPREAD) % seconds)


@transaction.atomic
def ensure_schedules(now: datetime.datetime) -> int:
    """Give every open site without one a schedule row; returns how many were added."""
    probe_every = conf.get("MONITORING_PROBE_INTERVAL")
    patrol_every = conf.get("MONITORING_PATROL_INTERVAL")
    missing = Site.objects.open().filter(monitor_schedule__isnull=True).values_list("pk", flat=True)
    rows = [
        MonitorSchedule(
            site_id=pk,
            next_probe_at=now + _offset(pk, probe_every),
            next_patrol_at=now + _offset(pk, patrol_every),
        )
        for pk in missing
    ]
    MonitorSchedule.objects.bulk_create(rows, ignore_conflicts=True)
    return len(rows)


def _next(slot: datetime.datetime, every: datetime.timedelta, now) -> datetime.datetime:
    """The first slot after ``now`` in the same phase; missed slots are not made up."""
    behind = max(0, int((now - slot) / every))
    return slot + every * (behind + 1)


def _claim(field: str, every: datetime.timedelta, now, limit: int | None):
    due = (
        MonitorSchedule.objects.filter(**{f"{field}__lte": now}, site__status=Site.Status.OPEN)
        .order_by(field)
        .values_list("site_id", field)
    )
    claimed = []
    for site_id, slot in due[:limit] if limit else due:
        won = MonitorSchedule.objects.filter(pk=site_id, **{field: slot}).update(
            **{field: _next(slot, every, now)}
        )
        if won:
            claimed.append((site_id, slot))
    return claimed


def claim_due_probes(
    now: datetime.datetime, limit: int | None = None
) -> list[tuple[int, datetime.datetime]]:
    """Claim every open site's probe slot that is due: [(site id, slot)]."""
    return _claim("next_probe_at", conf.get("MONITORING_PROBE_INTERVAL"), now, limit)


def claim_due_patrols(
    now: datetime.datetime, limit: int | None = None
) -> list[tuple[int, datetime.datetime]]:
    """Claim every open site's patrol slot that is due: [(site id, slot)]."""
    return _claim("next_patrol_at", conf.get("MONITORING_PATROL_INTERVAL"), now, limit)
