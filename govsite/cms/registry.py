"""Reads of the registry rows behind Wagtail sites and pages (no writes here)."""

from govsite.sites.models import Column, Site


def site_for_wagtail_site(wagtail_site_id: int | None) -> Site | None:
    if wagtail_site_id is None:
        return None
    return Site.objects.select_related("sponsor").filter(wagtail_site_id=wagtail_site_id).first()


def site_for_home(home_page_id: int) -> Site | None:
    return Site.objects.filter(wagtail_site__root_page_id=home_page_id).first()


def column_for_page(page_id: int | None) -> Column | None:
    if page_id is None:
        return None
    return Column.objects.select_related("site").filter(page_id=page_id).first()
