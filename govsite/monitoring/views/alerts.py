"""Alerts of the sites the user watches, newest first."""

from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from .. import access
from .common import crumbs, paged, require_viewer


def index(request):
    require_viewer(request)
    alerts = access.alerts_visible_to(request.user).select_related("site", "run")
    if request.GET.get("open"):
        alerts = alerts.filter(resolved_at__isnull=True)
    page, query = paged(request, alerts.order_by("-created_at", "-pk"))
    return TemplateResponse(
        request,
        "monitoring/alert_index.html",
        {
            "header_title": _("Alerts"),
            "breadcrumbs_items": crumbs((_("Alerts"), None)),
            "page": page,
            "query": query,
            "only_open": bool(request.GET.get("open")),
        },
    )
