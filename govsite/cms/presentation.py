"""What every public page shows besides its own content: the site's identity, navigation,
breadcrumbs, footer facts and the large-print mode (长者模式)."""

import re

from wagtail.models import Page
from wagtail.models import Site as WagtailSite

from . import conf, registry

LARGE_PRINT_COOKIE = "govsite_large"
LARGE_PRINT_SECONDS = 365 * 24 * 3600
COLUMN_PAGE_MODELS = ("columnpage", "topicpage")


def read_large_print(request) -> None:
    """``?large=1`` / ``?large=0`` switch the mode; otherwise the cookie decides."""
    choice = request.GET.get("large")
    if choice in ("0", "1"):
        request.govsite_large_print = choice == "1"
    else:
        request.govsite_large_print = request.COOKIES.get(LARGE_PRINT_COOKIE) == "1"


def remember_large_print(request, response) -> None:
    choice = request.GET.get("large")
    if choice == "1":
        response.set_cookie(
            LARGE_PRINT_COOKIE, "1", max_age=LARGE_PRINT_SECONDS, samesite="Lax", httponly=True
        )
    elif choice == "0":
        response.delete_cookie(LARGE_PRINT_COOKIE, samesite="Lax")


def page_context(page, request) -> dict:
    parts = page.get_url_parts(request)
    wagtail_site = (
        WagtailSite.objects.select_related("root_page").filter(pk=parts[0]).first()
        if parts
        else None
    )
    site = registry.site_for_wagtail_site(wagtail_site.pk if wagtail_site else None)
    home = wagtail_site.root_page.specific if wagtail_site else page
    column_page = _column_page_of(page)
    return {
        "registry_site": site,
        "home_page": home,
        "nav_pages": home.get_children().live().in_menu(),
        "breadcrumbs": page.get_ancestors(inclusive=True).filter(depth__gte=home.depth),
        "parent_column_page": column_page,
        "registry_column": registry.column_for_page(column_page.pk if column_page else None),
        "footer": footer_facts(site, wagtail_site),
        "large_print": getattr(request, "govsite_large_print", False),
    }


def _column_page_of(page):
    if page.specific_class._meta.model_name in COLUMN_PAGE_MODELS:
        return page
    parent = page.get_parent()
    if parent is not None and parent.specific_class._meta.model_name in COLUMN_PAGE_MODELS:
        return parent
    return None


def footer_facts(site, wagtail_site) -> dict:
    """Footer identity items (official-rules.md §2.3): registry facts plus the site's settings."""
    from .models import SiteIdentitySettings  # models import this module

    identity = None
    if wagtail_site is not None:
        identity = SiteIdentitySettings.objects.filter(site=wagtail_site).first()
    identity = identity or SiteIdentitySettings()
    if site is None:
        return {"identity": identity}
    police_digits = "".join(re.findall(r"\d", site.police_record_number))
    return {
        "identity": identity,
        "sponsor": site.sponsor.name,
        "site_code": site.site_code,
        "icp_number": site.icp_number,
        "icp_url": conf.get("CMS_ICP_URL"),
        "police_record_number": site.police_record_number,
        "police_record_url": conf.get("CMS_POLICE_RECORD_URL").format(number=police_digits),
        "badge_url": identity.party_gov_badge_url or conf.get("CMS_PARTY_GOV_BADGE_URL"),
        "error_report_url": identity.error_report_url
        or conf.get("CMS_ERROR_REPORT_URL").format(site_code=site.site_code),
    }


def home_sections(column_pages) -> list[tuple[Page, list]]:
    """Each column with its newest articles (its own and its subcolumns')."""
    from .models import ArticlePage  # models import this module

    limit = conf.get("CMS_HOME_ITEMS_PER_COLUMN")
    sections = []
    for column in list(column_pages)[:8]:
        items = ArticlePage.objects.live().descendant_of(column).order_by("-publish_date")[:limit]
        sections.append((column, list(items)))
    return sections
