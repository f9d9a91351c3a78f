"""The page explorer's filter choices narrowed to what the user may explore.

Wagtail's explorer filters offer every site, page owner and editor of the installation,
whatever the user's permissions; with one team per site that reveals the other sites and
their staff. ``install()`` (called from ``CmsConfig.ready``) turns the choices into the
sites, owners and editors of the pages the user can explore.
"""

from django.contrib.auth import get_user_model
from wagtail.admin.views.pages.listing import GenericPageFilterSet, PageFilterSet
from wagtail.models import PageLogEntry
from wagtail.models import Site as WagtailSite
from wagtail.permission_policies.pages import PagePermissionPolicy


def _explorable(request):
    return PagePermissionPolicy().explorable_instances(request.user)


def sites_for(request):
    return WagtailSite.objects.filter(root_page__in=_explorable(request))


def owners_for(request):
    owners = _explorable(request).order_by().values("owner_id")
    return get_user_model().objects.filter(pk__in=owners)


def editors_for(request):
    edits = PageLogEntry.objects.filter(action="wagtail.edit", page__in=_explorable(request))
    return get_user_model().objects.filter(pk__in=edits.order_by().values("user_id"))


NARROWED = {"site": sites_for, "owner": owners_for, "edited_by": editors_for}


def install() -> None:
    for filterset in (PageFilterSet, GenericPageFilterSet):
        for name, queryset in NARROWED.items():
            filterset.base_filters[name].queryset = queryset
