"""The platform-wide finding list, one finding with its evidence, and the review actions."""

from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.admin import messages

from govsite.core import access as core_access
from govsite.core.errors import GovsiteValidationError
from govsite.sites.models import ColumnKind

from .. import access, services
from ..forms import ConfirmForm, DismissForm, FindingFilterForm, add_service_error
from ..models import Finding, PageSnapshot
from .common import crumbs, paged, require_viewer

# findings.md detail fields, as the screen names them
DETAIL_LABELS = {
    "status": gettext_lazy("HTTP status"),
    "error": gettext_lazy("Error"),
    "resource": gettext_lazy("Resource"),
    "chain": gettext_lazy("Redirect chain"),
    "seconds": gettext_lazy("Seconds"),
    "term": gettext_lazy("Expression"),
    "category": gettext_lazy("Category"),
    "suggestion": gettext_lazy("Suggested replacement"),
    "context": gettext_lazy("Context"),
    "found": gettext_lazy("Written as"),
    "expected": gettext_lazy("Correct name"),
    "title": gettext_lazy("Title"),
    "type": gettext_lazy("Type of data"),
    "masked": gettext_lazy("Masked value"),
    "column": gettext_lazy("Column"),
    "column_kind": gettext_lazy("Column kind"),
    "latest": gettext_lazy("Newest entry"),
    "days": gettext_lazy("Days since"),
    "limit_days": gettext_lazy("Limit (days)"),
    "date": gettext_lazy("Date"),
    "missing": gettext_lazy("Missing items"),
    "pattern": gettext_lazy("URL pattern"),
    "seen": gettext_lazy("URLs seen"),
}


def _detail_items(detail: dict) -> list[tuple[str, object]]:
    items = []
    for key, value in sorted((detail or {}).items()):
        if isinstance(value, list):
            value = "、".join(str(v) for v in value)
        elif key == "column_kind" and value in ColumnKind.values:
            value = ColumnKind(value).label
        items.append((DETAIL_LABELS.get(key, key), value))
    return items


def finding_rows(findings):
    return findings.select_related("site").order_by("-last_seen", "-pk")


def index(request):
    require_viewer(request)
    sites = access.monitored_sites_visible_to(request.user)
    form = FindingFilterForm(request.GET or None, sites=sites)
    findings = access.findings_visible_to(request.user)
    findings = form.filter(findings) if form.is_valid() else findings
    page, query = paged(request, finding_rows(findings))
    return TemplateResponse(
        request,
        "monitoring/finding_index.html",
        {
            "header_title": _("Findings"),
            "breadcrumbs_items": crumbs((_("Findings"), None)),
            "filter_form": form,
            "page": page,
            "query": query,
            "show_site": True,
        },
    )


def _detail_page(request, finding: Finding, confirm_form=None, dismiss_form=None, status=200):
    evidence = finding.evidence.select_related("snapshot", "run").order_by("-created_at", "-pk")
    can_review = core_access.can(request.user, "finding.review", finding.site)
    return TemplateResponse(
        request,
        "monitoring/finding_detail.html",
        {
            "header_title": finding.get_kind_display(),
            "breadcrumbs_items": crumbs(
                (finding.site.name, reverse("monitoring:site", args=[finding.site.pk])),
                (finding.get_kind_display(), None),
            ),
            "finding": finding,
            "detail_items": _detail_items(finding.detail),
            "evidence": evidence[:20],
            "can_review": can_review and finding.status != Finding.Status.FIXED,
            "confirm_form": confirm_form or ConfirmForm(),
            "dismiss_form": dismiss_form or DismissForm(initial={"reason": ""}),
        },
        status=status,
    )


def detail(request, pk: int):
    require_viewer(request)
    finding = access.get_finding_for_user(request.user, pk)
    return _detail_page(request, finding)


def _review(request, pk: int, form_class, action, done_message: str):
    require_viewer(request)
    finding = access.get_finding_for_user(request.user, pk)
    core_access.require(request.user, "finding.review", finding.site)
    form = form_class(request.POST)
    if form.is_valid():
        try:
            action(finding, form.cleaned_data)
        except GovsiteValidationError as exc:
            add_service_error(form, exc)
        else:
            messages.success(request, done_message)
            return redirect("monitoring:finding", pk=finding.pk)
    forms = {"confirm_form" if form_class is ConfirmForm else "dismiss_form": form}
    return _detail_page(request, finding, status=400, **forms)


@require_POST
def confirm(request, pk: int):
    return _review(
        request,
        pk,
        ConfirmForm,
        lambda f, data: services.confirm_finding(f, actor=request.user, note=data["note"]),
        _("The finding was confirmed."),
    )


@require_POST
def dismiss(request, pk: int):
    return _review(
        request,
        pk,
        DismissForm,
        lambda f, data: services.dismiss_finding(f, actor=request.user, reason=data["reason"]),
        _("The finding was dismissed."),
    )


def snapshot(request, pk: int):
    """A kept page as plain text: never rendered as HTML inside the back office."""
    require_viewer(request)
    sites = access.monitored_sites_visible_to(request.user)
    snap = PageSnapshot.objects.filter(pk=pk, site__in=sites).first()
    if snap is None:
        raise Http404
    response = HttpResponse(snap.body(), content_type="text/plain; charset=utf-8")
    response["Content-Security-Policy"] = "sandbox; default-src 'none'"
    response["Cache-Control"] = "no-store"
    return response
