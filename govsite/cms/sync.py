"""Receivers that keep Wagtail in step with the registry and with role grants.

Connected in ``CmsConfig.ready()``: registry site/column saved → Wagtail site, home page,
column page; role grants changed → Wagtail groups; a column or topic page published →
registry column created or renamed. Each receiver calls a service; loops end because every
service returns early when the other side already matches.
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published

from govsite.core.signals import role_grants_changed
from govsite.sites.models import Column, Site, SiteDomain
from govsite.sites.signals import column_saved, site_saved

from . import permissions, services
from .models import ColumnPage, TopicPage


def on_site_saved(sender, site, created=False, **kwargs) -> None:
    site = Site.objects.select_related("sponsor", "region", "wagtail_site").get(pk=site.pk)
    if site.on_platform and site.status != Site.Status.CLOSED:
        services.ensure_site_pages(site, actor=None)


def on_column_saved(sender, column, created=False, **kwargs) -> None:
    column = Column.objects.select_related("site").get(pk=column.pk)
    site = column.site
    if site.on_platform and site.status != Site.Status.CLOSED and not column.page_id:
        services.ensure_column_page(column, actor=None)


def on_site_domain_changed(sender, instance, **kwargs) -> None:
    """A new or removed ``*.localhost`` alias moves the Wagtail site (see ``hosting``)."""
    site_id = instance.site_id
    transaction.on_commit(lambda: _refresh_site(site_id))


def _refresh_site(site_id: int) -> None:
    site = Site.objects.filter(pk=site_id, wagtail_site__isnull=False).first()
    if site is not None:
        services.create_site_home(site, actor=None)


def on_role_grants_changed(sender, user, **kwargs) -> None:
    permissions.sync_user_groups(user)


def on_column_page_published(sender, instance, **kwargs) -> None:
    services.register_page_column(instance.specific, actor=None)


def connect() -> None:
    site_saved.connect(on_site_saved, dispatch_uid="cms.sync.site")
    column_saved.connect(on_column_saved, dispatch_uid="cms.sync.column")
    role_grants_changed.connect(on_role_grants_changed, dispatch_uid="cms.sync.grants")
    post_save.connect(on_site_domain_changed, sender=SiteDomain, dispatch_uid="cms.sync.dom+")
    post_delete.connect(on_site_domain_changed, sender=SiteDomain, dispatch_uid="cms.sync.dom-")
    for model in (ColumnPage, TopicPage):
        page_published.connect(
            on_column_page_published,
            sender=model,
            dispatch_uid=f"cms.sync.publish.{model.__name__}",
        )
