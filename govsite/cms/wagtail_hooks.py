"""Admin hooks: only column managers add column pages; new column pages join the registry."""

from django.core.exceptions import PermissionDenied
from wagtail import hooks

from govsite.core import access
from govsite.core.roles import ScopeType
from govsite.sites.models import Column, Site

from . import services
from .models import ColumnPage, TopicPage

COLUMN_MODELS = (ColumnPage, TopicPage)


@hooks.register("before_create_page")
def check_column_creation(request, parent_page, page_class):
    """A column is a registry fact: creating one needs ``column.change`` on the parent scope."""
    if not issubclass(page_class, COLUMN_MODELS):
        return
    if not access.can(request.user, "column.change", chain=_chain_below(parent_page)):
        raise PermissionDenied


def _chain_below(parent_page):
    column = Column.objects.select_related("site__sponsor").filter(page_id=parent_page.pk).first()
    if column is not None:
        return column.scope_chain()
    site = (
        Site.objects.select_related("sponsor")
        .filter(wagtail_site__root_page_id=parent_page.pk)
        .first()
    )
    return site.scope_chain() if site else [(ScopeType.PLATFORM.value, None)]


@hooks.register("after_create_page")
def register_column(request, page):
    specific = page.specific
    if isinstance(specific, COLUMN_MODELS):
        services.register_page_column(specific, actor=None)
