"""What every monitoring screen shares: the entry check, breadcrumbs, paging."""

from django.core.paginator import Paginator
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from govsite.core import access as core_access

from .. import access

PER_PAGE = 50


def require_viewer(request) -> None:
    """Only holders of ``finding.view`` somewhere may open the monitoring screens."""
    if not core_access.grants_with(request.user, access.VIEW):
        core_access.require(request.user, access.VIEW)  # raises the bilingual 403


def crumbs(*items: tuple[str, str | None]) -> list[dict]:
    """Home › 监测 › items, each (label, url or None)."""
    base = [
        (_("Home"), reverse("wagtailadmin_home")),
        (_("Monitoring"), reverse("monitoring:overview")),
    ]
    return [{"label": label, "url": url} for label, url in [*base, *items]]


def paged(request, queryset, per_page: int = PER_PAGE):
    """(page, query string without the page number) for a listing."""
    page = Paginator(queryset, per_page).get_page(request.GET.get("p"))
    query = request.GET.copy()
    query.pop("p", None)
    return page, query.urlencode()
