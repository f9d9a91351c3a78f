"""Clients for the cast: an API client per token, a back-office client per session."""

from govsite.core.models import AuditRecord, RoleGrant
from govsite.sites.models import Column, Site, SiteDomain, SiteStatusChange


def fresh(obj):
    """The row as the database holds it now. The shared ``province`` fixture's organisations
    keep the tree paths they were created with, which treebeard has since shifted when a root
    sorting before them was added; scope chains must be computed from the stored paths."""
    return type(obj).objects.get(pk=obj.pk)


def row_counts() -> dict[str, int]:
    """How many rows the registry and the audit trail hold: bad input must change none."""
    models = (Site, SiteDomain, SiteStatusChange, Column, RoleGrant, AuditRecord)
    return {m.__name__: m.objects.count() for m in models}
