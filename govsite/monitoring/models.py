"""Probe results, patrol runs, findings with their evidence, alerts, and the schedule."""

import datetime
import json
import zlib

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from govsite.sites.models import Column, Site

from . import conf
from .weekly import ProbeSample, WeekRate, weekly_failure_rates

URL_LENGTH = 2048  # the patrol's URL-length limit (security.md J item 78)


class ProbeResultQuerySet(models.QuerySet):
    def for_site(self, site):
        return self.filter(site=site)

    def weekly_rates(self, *, today: datetime.date, weeks: int = 12) -> list[WeekRate]:
        """Weekly failure rates of these probes (one site's), newest week first."""
        tz = timezone.get_current_timezone()
        first = today - datetime.timedelta(days=today.weekday(), weeks=weeks - 1)
        since = timezone.make_aware(datetime.datetime.combine(first, datetime.time()), tz)
        rows = self.filter(time__gte=since).values_list("time", "ok")
        return weekly_failure_rates(
            [ProbeSample(t, ok) for t, ok in rows],
            tz=tz,
            today=today,
            weeks=weeks,
            veto_rate=conf.get("MONITORING_VETO_FAILURE_RATE"),
            per_day=conf.get("MONITORING_PROBES_PER_DAY_REQUIRED"),
        )


class ProbeResult(models.Model):
    """One timed fetch of a site's homepage; every result is kept (official-rules.md 1.3)."""

    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="probe_results")
    time = models.DateTimeField(_("time"))
    slot = models.DateTimeField(null=True, blank=True)  # the scheduled moment; retries reuse it
    url = models.CharField(_("URL"), max_length=URL_LENGTH)
    ok = models.BooleanField(_("open"))
    status = models.PositiveSmallIntegerField(_("HTTP status"), null=True, blank=True)
    seconds = models.FloatField(_("seconds"))
    error = models.CharField(_("error"), max_length=300, blank=True)

    objects = ProbeResultQuerySet.as_manager()

    class Meta:
        ordering = ["-time", "-pk"]
        verbose_name = _("probe result")
        verbose_name_plural = _("probe results")
        indexes = [models.Index(fields=["site", "-time"], name="monitoring_probe_site_time")]
        constraints = [
            models.UniqueConstraint(
                fields=["site", "slot"],
                condition=models.Q(slot__isnull=False),
                name="monitoring_probe_unique_slot",
            )
        ]

    def __str__(self) -> str:
        return f"{self.site_id} {self.time:%Y-%m-%d %H:%M} {'ok' if self.ok else 'failed'}"


class PatrolRun(models.Model):
    """One patrol of a site, with the findings document it produced (zlib-compressed JSON)."""

    class Status(models.TextChoices):
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        UNREACHABLE = "unreachable", _("Homepage unreachable")
        FAILED = "failed", _("Failed")

    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="patrol_runs")
    slot = models.DateTimeField(null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.RUNNING
    )
    started = models.DateTimeField(_("started"))
    finished = models.DateTimeField(_("finished"), null=True, blank=True)
    today = models.DateField(_("judged against"), null=True, blank=True)
    stats = models.JSONField(_("statistics"), default=dict, blank=True)
    kind_counts = models.JSONField(_("findings by kind"), default=dict, blank=True)
    findings_total = models.PositiveIntegerField(_("findings"), default=0)
    new_findings = models.PositiveIntegerField(_("new findings"), default=0)
    fixed_findings = models.PositiveIntegerField(_("fixed findings"), default=0)
    document_z = models.BinaryField(null=True, blank=True, editable=False)
    error = models.CharField(_("error"), max_length=300, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-started", "-pk"]
        verbose_name = _("patrol run")
        verbose_name_plural = _("patrol runs")
        indexes = [models.Index(fields=["site", "-started"], name="monitoring_run_site_started")]
        constraints = [
            models.UniqueConstraint(
                fields=["site", "slot"],
                condition=models.Q(slot__isnull=False),
                name="monitoring_run_unique_slot",
            )
        ]

    def __str__(self) -> str:
        return f"{self.site_id} {self.started:%Y-%m-%d %H:%M} {self.status}"

    @property
    def is_complete(self) -> bool:
        """A run that saw the whole site: only such a run may mark findings fixed."""
        return self.status == self.Status.DONE

    def document(self) -> dict | None:
        if not self.document_z:
            return None
        return json.loads(zlib.decompress(bytes(self.document_z)))


class Kind(models.TextChoices):
    """The kinds of findings.md; severity is not part of a finding."""

    SITE_UNREACHABLE = "site_unreachable", _("Site unreachable")
    BROKEN_LINK = "broken_link", _("Broken link")
    REDIRECT_LOOP = "redirect_loop", _("Redirect loop")
    SLOW_PAGE = "slow_page", _("Slow page")
    SENSITIVE_WORD = "sensitive_word", _("Wrong or sensitive expression")
    WRONG_NAME = "wrong_name", _("Wrong official name")
    PRIVACY_LEAK = "privacy_leak", _("Personal data leaked")
    BLANK_COLUMN = "blank_column", _("Blank column")
    STALE_COLUMN = "stale_column", _("Stale column")
    HOMEPAGE_STALE = "homepage_stale", _("Homepage not updated")
    TIME_TRAVEL = "time_travel", _("Date in the future")
    MISSING_IDENTITY = "missing_identity", _("Missing site identity")
    CRAWL_TRAP = "crawl_trap", _("Crawler trap")


class FindingQuerySet(models.QuerySet):
    def for_site(self, site):
        return self.filter(site=site)

    def live(self):
        """Findings still standing: open or confirmed."""
        return self.filter(status__in=(Finding.Status.OPEN, Finding.Status.CONFIRMED))


class Finding(models.Model):
    """One problem on one site, however many patrols saw it (one row per fingerprint)."""

    class Status(models.TextChoices):
        OPEN = "open", pgettext_lazy("finding status", "Open")
        CONFIRMED = "confirmed", _("Confirmed")
        DISMISSED = "dismissed", _("Dismissed")
        FIXED = "fixed", _("Fixed")

    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="findings")
    kind = models.CharField(_("kind"), max_length=32, choices=Kind.choices)
    url = models.CharField(_("page"), max_length=URL_LENGTH)
    target = models.CharField(_("target"), max_length=URL_LENGTH, blank=True)
    detail = models.JSONField(_("detail"), default=dict, blank=True)
    fingerprint = models.CharField(max_length=64)
    column = models.ForeignKey(
        Column,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="findings",
        verbose_name=_("column"),
    )
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.OPEN
    )
    first_seen = models.DateTimeField(_("first seen"))
    last_seen = models.DateTimeField(_("last seen"))
    times_seen = models.PositiveIntegerField(_("times seen"), default=1)
    first_run = models.ForeignKey(
        PatrolRun, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    last_run = models.ForeignKey(
        PatrolRun, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    fixed_at = models.DateTimeField(_("fixed at"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("reviewer"),
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    review_note = models.TextField(_("review note"), blank=True)
    dismissal_reason = models.TextField(_("dismissal reason"), blank=True)

    objects = FindingQuerySet.as_manager()

    class Meta:
        ordering = ["-last_seen", "-pk"]
        verbose_name = _("finding")
        verbose_name_plural = _("findings")
        constraints = [
            models.UniqueConstraint(
                fields=["site", "fingerprint"], name="monitoring_finding_unique_fingerprint"
            )
        ]
        indexes = [
            models.Index(fields=["site", "status"], name="monitoring_finding_site_status"),
            models.Index(fields=["status", "-last_seen"], name="monitoring_finding_status_seen"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} · {self.url}"

    @property
    def is_live(self) -> bool:
        return self.status in (self.Status.OPEN, self.Status.CONFIRMED)

    @property
    def excerpt(self) -> str:
        """The words that show the problem, as the patrol reported them (never a raw PII value)."""
        d = self.detail or {}
        for key in ("context", "masked", "found", "term", "column", "pattern", "error"):
            if d.get(key):
                return str(d[key])
        if d.get("missing"):
            return "、".join(str(m) for m in d["missing"])
        return ""


class PageSnapshot(models.Model):
    """A fetched page kept as evidence, stored once per content (zlib-compressed)."""

    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="page_snapshots")
    url = models.CharField(_("URL"), max_length=URL_LENGTH)
    sha256 = models.CharField(max_length=64)
    content_type = models.CharField(max_length=100, blank=True)
    size = models.PositiveIntegerField(default=0)
    body_z = models.BinaryField(editable=False)
    fetched_at = models.DateTimeField()

    class Meta:
        verbose_name = _("page snapshot")
        verbose_name_plural = _("page snapshots")
        constraints = [
            models.UniqueConstraint(
                fields=["site", "sha256"], name="monitoring_snapshot_unique_body"
            )
        ]

    def __str__(self) -> str:
        return f"{self.url} ({self.fetched_at:%Y-%m-%d %H:%M})"

    def body(self) -> bytes:
        return zlib.decompress(bytes(self.body_z))


class Evidence(models.Model):
    """What showed a finding in one run: the excerpt and, where kept, the page as fetched."""

    finding = models.ForeignKey(Finding, on_delete=models.CASCADE, related_name="evidence")
    run = models.ForeignKey(
        PatrolRun, null=True, blank=True, on_delete=models.SET_NULL, related_name="evidence"
    )
    excerpt = models.CharField(_("excerpt"), max_length=500, blank=True)
    snapshot = models.ForeignKey(
        PageSnapshot, null=True, blank=True, on_delete=models.SET_NULL, related_name="evidence"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")

    def __str__(self) -> str:
        return self.excerpt[:60]


class Alert(models.Model):
    """An in-app alert (also e-mailed): a homepage down, or serious findings appeared."""

    class Kind(models.TextChoices):
        SITE_DOWN = "site_down", _("Homepage down")
        SERIOUS_FINDINGS = "serious_findings", _("Serious findings")

    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="alerts")
    kind = models.CharField(_("kind"), max_length=32, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=200)
    detail = models.JSONField(default=dict, blank=True)
    run = models.ForeignKey(
        PatrolRun, null=True, blank=True, on_delete=models.SET_NULL, related_name="alerts"
    )
    created_at = models.DateTimeField(_("raised at"))
    resolved_at = models.DateTimeField(_("resolved at"), null=True, blank=True)
    emailed_to = models.PositiveIntegerField(_("e-mailed to"), default=0)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("alert")
        verbose_name_plural = _("alerts")
        indexes = [models.Index(fields=["site", "-created_at"], name="monitoring_alert_site")]

    def __str__(self) -> str:
        return self.title


class MonitorSchedule(models.Model):
    """When a site is next due for a probe and a patrol; claimed atomically by ``schedule_due``."""

    site = models.OneToOneField(
        Site, primary_key=True, on_delete=models.CASCADE, related_name="monitor_schedule"
    )
    next_probe_at = models.DateTimeField(null=True, blank=True)
    next_patrol_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("monitoring schedule")
        verbose_name_plural = _("monitoring schedules")

    def __str__(self) -> str:
        return f"{self.site_id}: probe {self.next_probe_at}, patrol {self.next_patrol_at}"
