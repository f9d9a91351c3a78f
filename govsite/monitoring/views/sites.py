"""Sites under watch: the overview, one site's findings with their trend, its probe history."""

import datetime
from fractions import Fraction

from django.db.models import Count, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.admin import messages

from govsite.core import access as core_access

from .. import access, conf, engine, services
from ..forms import FindingFilterForm
from ..models import Finding, Kind, PatrolRun, ProbeResult
from ..weekly import WeekRate
from .common import crumbs, paged, require_viewer
from .findings import finding_rows

TREND_RUNS = 60
PROBES_PER_PAGE = 100


def _count(queryset) -> Coalesce:
    counted = queryset.order_by().values("site").annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def _monday_start() -> datetime.datetime:
    today = timezone.localdate()
    monday = today - datetime.timedelta(days=today.weekday())
    return timezone.make_aware(datetime.datetime.combine(monday, datetime.time()))


def _overview_rows(sites):
    since = _monday_start()
    last_run = PatrolRun.objects.filter(site=OuterRef("pk")).order_by("-started", "-pk")
    probes = ProbeResult.objects.filter(site=OuterRef("pk"), time__gte=since)
    return sites.select_related("sponsor").annotate(
        live_findings=_count(Finding.objects.live().filter(site=OuterRef("pk"))),
        last_run_started=Subquery(last_run.values("started")[:1]),
        last_run_status=Subquery(last_run.values("status")[:1]),
        week_probes=_count(probes),
        week_failures=_count(probes.filter(ok=False)),
    )


def _week(row, line: Fraction) -> WeekRate:
    return WeekRate(_monday_start().date(), row.week_probes, row.week_failures, 0, line)


def overview(request):
    require_viewer(request)
    sites = access.monitored_sites_visible_to(request.user).order_by("site_code")
    page, query = paged(request, _overview_rows(sites))
    line = Fraction(str(conf.get("MONITORING_VETO_FAILURE_RATE")))
    rows = [(site, _week(site, line)) for site in page]
    return TemplateResponse(
        request,
        "monitoring/overview.html",
        {
            "header_title": _("Monitoring"),
            "breadcrumbs_items": crumbs(),
            "page": page,
            "rows": rows,
            "query": query,
            "statuses": dict(PatrolRun.Status.choices),
        },
    )


def _trend(site) -> dict:
    runs = list(
        PatrolRun.objects.filter(site=site)
        .exclude(status__in=(PatrolRun.Status.RUNNING, PatrolRun.Status.FAILED))
        .order_by("-started")
        .values("started", "kind_counts")[:TREND_RUNS]
    )[::-1]
    kinds = sorted({k for r in runs for k in r["kind_counts"]}, key=Kind.values.index)
    labels = [timezone.localtime(r["started"]).strftime("%m-%d %H:%M") for r in runs]
    series = [
        {"name": str(Kind(k).label), "data": [r["kind_counts"].get(k, 0) for r in runs]}
        for k in kinds
        if k in Kind.values
    ]
    return {"labels": labels, "series": series}


def site_page(request, pk: int):
    require_viewer(request)
    site = access.get_monitored_site_for_user(request.user, pk)
    form = FindingFilterForm(request.GET or None, sites=None, with_site=False)
    findings = Finding.objects.filter(site=site)
    findings = form.filter(findings) if form.is_valid() else findings
    page, query = paged(request, finding_rows(findings))
    counts = dict(
        Finding.objects.filter(site=site).order_by().values_list("status").annotate(n=Count("pk"))
    )
    return TemplateResponse(
        request,
        "monitoring/site.html",
        {
            "header_title": site.name,
            "breadcrumbs_items": crumbs((site.name, None)),
            "site": site,
            "target_url": engine.target_url(site),
            "filter_form": form,
            "page": page,
            "query": query,
            "show_site": False,
            "status_counts": [(label, counts.get(v, 0)) for v, label in Finding.Status.choices],
            "runs": PatrolRun.objects.filter(site=site).order_by("-started", "-pk")[:10],
            "trend": _trend(site),
            "can_patrol": core_access.can(request.user, "patrol.run", site),
        },
    )


def probes(request, pk: int):
    require_viewer(request)
    site = access.get_monitored_site_for_user(request.user, pk)
    weeks = ProbeResult.objects.filter(site=site).weekly_rates(today=timezone.localdate())
    page, query = paged(
        request, ProbeResult.objects.filter(site=site).order_by("-time", "-pk"), PROBES_PER_PAGE
    )
    line = float(conf.get("MONITORING_VETO_FAILURE_RATE")) * 100
    chart = {
        "labels": [f"{w.week_start:%m-%d}" for w in reversed(weeks)],
        "rates": [None if w.rate is None else round(w.rate * 100, 2) for w in reversed(weeks)],
        "line": line,
    }
    return TemplateResponse(
        request,
        "monitoring/probes.html",
        {
            "header_title": _("Probe history of %(site)s") % {"site": site.name},
            "breadcrumbs_items": crumbs(
                (site.name, reverse("monitoring:site", args=[site.pk])), (_("Probe history"), None)
            ),
            "site": site,
            "weeks": weeks,
            "chart": chart,
            "veto_percent": f"{line:g}%",
            "per_day": conf.get("MONITORING_PROBES_PER_DAY_REQUIRED"),
            "page": page,
            "query": query,
        },
    )


@require_POST
def request_patrol(request, pk: int):
    require_viewer(request)
    site = access.get_monitored_site_for_user(request.user, pk)
    services.request_patrol(site, actor=request.user)
    messages.success(request, _("A patrol of this site was queued."))
    return redirect("monitoring:site", pk=site.pk)
