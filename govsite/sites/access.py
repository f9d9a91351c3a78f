"""The only way to fetch sites and columns for a user (core.access decides, this queries)."""

from django.db.models import Q
from django.http import Http404

from govsite.core import access
from govsite.core.models import Organization
from govsite.core.roles import ScopeType

from .models import Column, Site


def _org_paths(user, capability: str) -> list[str]:
    ids = access.scope_ids(user, capability, ScopeType.ORGANIZATION)
    return list(Organization.objects.filter(pk__in=ids).values_list("path", flat=True))


def sites_visible_to(user, capability: str = "site.view"):
    """Sites on which the user holds ``capability``, or any column capability inside them."""
    if access.has_platform_scope(user, capability):
        return Site.objects.all()
    q = Q(pk__in=access.scope_ids(user, capability, ScopeType.SITE))
    for path in _org_paths(user, capability):
        q |= Q(sponsor__path__startswith=path)
    column_ids = access.scope_ids(user, capability.replace("site.", "column."), ScopeType.COLUMN)
    if column_ids:
        q |= Q(pk__in=Column.objects.filter(pk__in=column_ids).values("site_id"))
    return Site.objects.filter(q)


def columns_visible_to(user, capability: str = "column.view"):
    """Columns on which the user holds ``capability``: whole sites, or column subtrees."""
    if access.has_platform_scope(user, capability):
        return Column.objects.all()
    q = Q(site_id__in=access.scope_ids(user, capability, ScopeType.SITE))
    for path in _org_paths(user, capability):
        q |= Q(site__sponsor__path__startswith=path)
    roots = access.scope_ids(user, capability, ScopeType.COLUMN)
    if roots:
        q |= Q(pk__in=_column_subtrees(roots))
    return Column.objects.filter(q)


def _column_subtrees(root_ids: set[int]) -> set[int]:
    ids, frontier = set(root_ids), set(root_ids)
    while frontier:
        frontier = (
            set(Column.objects.filter(parent_id__in=frontier).values_list("pk", flat=True)) - ids
        )
        ids |= frontier
    return ids


def get_site_for_user(user, pk, capability: str = "site.view") -> Site:
    site = sites_visible_to(user, capability).filter(pk=pk).first()
    if site is None:
        raise Http404
    return site


def get_column_for_user(user, pk, capability: str = "column.view") -> Column:
    column = columns_visible_to(user, capability).filter(pk=pk).first()
    if column is None:
        raise Http404
    return column
