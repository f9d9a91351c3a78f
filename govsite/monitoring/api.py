"""REST adapters of monitoring: patrol runs and findings per site, weekly probe failure rates,
and the inspectors' review of a finding.

Reads go through ``access`` (a site, run or finding the user may not see is a 404); review goes
through ``services``, which check ``finding.review`` and write the audit record. Mounted under
/api/v1/ by config/api.py.
"""

import datetime

from django.utils import timezone
from ninja import Field, Router, Schema
from ninja.pagination import paginate

from govsite.core.api import Pagination

from . import access, services
from .models import Finding, Kind, PatrolRun, ProbeResult

router = Router(tags=["monitoring"])


class RunOut(Schema):
    id: int
    site_id: int
    status: str
    started: datetime.datetime
    finished: datetime.datetime | None = None
    today: datetime.date | None = None
    stats: dict
    kind_counts: dict
    findings_total: int
    new_findings: int
    fixed_findings: int
    error: str


class FindingOut(Schema):
    id: int
    site_id: int
    kind: str
    url: str
    target: str
    detail: dict
    fingerprint: str
    column_id: int | None = None
    status: str
    first_seen: datetime.datetime
    last_seen: datetime.datetime
    times_seen: int
    fixed_at: datetime.datetime | None = None
    reviewed_at: datetime.datetime | None = None
    review_note: str
    dismissal_reason: str


class WeekOut(Schema):
    week_start: datetime.date
    probes: int
    failures: int
    rate: float | None = None
    vetoed: bool
    short_days: int


class ConfirmIn(Schema):
    note: str = Field("", max_length=2000)


class DismissIn(Schema):
    reason: str = Field(max_length=2000, description="必填 / required")


def _filter(findings, kind, status, since):
    if kind:
        findings = findings.filter(kind=kind)
    if status:
        findings = findings.filter(status=status)
    if since:
        findings = findings.filter(last_seen__gte=since)
    return findings.order_by("-last_seen", "-pk")


@router.get(
    "/sites/{int:site_id}/patrol-runs/",
    response=list[RunOut],
    summary="巡检记录 / Patrol runs of a site",
)
@paginate(Pagination)
def list_runs(request, site_id: int, status: PatrolRun.Status | None = None):
    site = access.get_monitored_site_for_user(request.user, site_id)
    runs = PatrolRun.objects.filter(site=site).defer("document_z").order_by("-started", "-pk")
    return runs.filter(status=status) if status else runs


@router.get("/patrol-runs/{int:run_id}/", response=RunOut, summary="巡检 / Patrol run")
def get_run(request, run_id: int):
    return access.get_run_for_user(request.user, run_id)


@router.get(
    "/patrol-runs/{int:run_id}/document/",
    response=dict,
    summary="巡检结果文档（findings.md）/ The run's findings document",
)
def get_run_document(request, run_id: int):
    return access.get_run_for_user(request.user, run_id).document() or {}


@router.get(
    "/sites/{int:site_id}/findings/",
    response=list[FindingOut],
    summary="网站的监测问题 / Findings of a site",
)
@paginate(Pagination)
def list_site_findings(
    request,
    site_id: int,
    kind: Kind | None = None,
    status: Finding.Status | None = None,
    since: datetime.datetime | None = None,
):
    site = access.get_monitored_site_for_user(request.user, site_id)
    return _filter(Finding.objects.filter(site=site), kind, status, since)


@router.get("/findings/", response=list[FindingOut], summary="监测问题 / Findings")
@paginate(Pagination)
def list_findings(
    request,
    site_id: int | None = None,
    kind: Kind | None = None,
    status: Finding.Status | None = None,
    since: datetime.datetime | None = None,
):
    findings = access.findings_visible_to(request.user)
    if site_id is not None:
        findings = findings.filter(site_id=site_id)
    return _filter(findings, kind, status, since)


@router.get("/findings/{int:finding_id}/", response=FindingOut, summary="监测问题 / Finding")
def get_finding(request, finding_id: int):
    return access.get_finding_for_user(request.user, finding_id)


@router.post(
    "/findings/{int:finding_id}/confirm/", response=FindingOut, summary="确认问题 / Confirm"
)
def confirm_finding(request, finding_id: int, data: ConfirmIn):
    finding = access.get_finding_for_user(request.user, finding_id)
    return services.confirm_finding(finding, actor=request.user, note=data.note)


@router.post(
    "/findings/{int:finding_id}/dismiss/", response=FindingOut, summary="忽略问题 / Dismiss"
)
def dismiss_finding(request, finding_id: int, data: DismissIn):
    finding = access.get_finding_for_user(request.user, finding_id)
    return services.dismiss_finding(finding, actor=request.user, reason=data.reason)


@router.get(
    "/sites/{int:site_id}/probes/weekly/",
    response=list[WeekOut],
    summary="首页每周监测失败率 / Weekly homepage failure rate",
)
def weekly_failure_rates(request, site_id: int, weeks: int = 12):
    weeks = min(max(weeks, 1), 53)
    site = access.get_monitored_site_for_user(request.user, site_id)
    return ProbeResult.objects.filter(site=site).weekly_rates(
        today=timezone.localdate(), weeks=weeks
    )
