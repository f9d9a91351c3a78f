"""The only way to fetch monitoring data for a user: findings, runs, probes and alerts of the
sites on which the user holds ``finding.view`` (core.access decides, this queries).

A grant on a whole site, an organisation subtree or the platform shows a site's findings; a
column grant does not (a department's contributor never sees the rest of the portal's).
"""

from django.db.models import Q
from django.http import Http404

from govsite.core import access
from govsite.core.models import Organization
from govsite.core.roles import ScopeType
from govsite.sites.models import Site

from .models import Alert, Finding, PatrolRun, ProbeResult

VIEW = "finding.view"


def monitored_sites_visible_to(user, capability: str = VIEW):
    if access.has_platform_scope(user, capability):
        return Site.objects.all()
    q = Q(pk__in=access.scope_ids(user, capability, ScopeType.SITE))
    org_ids = access.scope_ids(user, capability, ScopeType.ORGANIZATION)
    for path in Organization.objects.filter(pk__in=org_ids).values_list("path", flat=True):
        q |= Q(sponsor__path__startswith=path)
    return Site.objects.filter(q)


def _of_visible_sites(queryset, user):
    if access.has_platform_scope(user, VIEW):
        return queryset
    return queryset.filter(site__in=monitored_sites_visible_to(user))


def findings_visible_to(user):
    return _of_visible_sites(Finding.objects.all(), user)


def runs_visible_to(user):
    return _of_visible_sites(PatrolRun.objects.all(), user)


def probes_visible_to(user):
    return _of_visible_sites(ProbeResult.objects.all(), user)


def alerts_visible_to(user):
    return _of_visible_sites(Alert.objects.all(), user)


def get_monitored_site_for_user(user, pk) -> Site:
    site = monitored_sites_visible_to(user).filter(pk=pk).first()
    if site is None:
        raise Http404
    return site


def get_finding_for_user(user, pk) -> Finding:
    finding = findings_visible_to(user).select_related("site").filter(pk=pk).first()
    if finding is None:
        raise Http404
    return finding


def get_run_for_user(user, pk) -> PatrolRun:
    run = runs_visible_to(user).select_related("site").filter(pk=pk).first()
    if run is None:
        raise Http404
    return run
