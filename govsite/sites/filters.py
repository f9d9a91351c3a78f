"""The registry's list filters, shared by the API and the screens."""

from django.db.models import Q

from govsite.core.models import Region


def filter_sites(
    sites,
    *,
    region: Region | None = None,
    status: str | None = None,
    kind: str | None = None,
    on_platform: bool | None = None,
    q: str | None = None,
):
    """Narrow a queryset of sites; a region includes its cities and counties."""
    if region is not None:
        sites = sites.filter(
            Q(region=region) | Q(region__parent=region) | Q(region__parent__parent=region)
        )
    if status:
        sites = sites.filter(status=status)
    if kind:
        sites = sites.filter(kind=kind)
    if on_platform is not None:
        sites = sites.filter(on_platform=on_platform)
    q = (q or "").strip()
    if q:
        matching = Q(name__contains=q) | Q(domains__domain__contains=q.lower()) | Q(site_code=q)
        sites = sites.filter(pk__in=sites.model.objects.filter(matching).values("pk"))
    return sites
