"""cms fixtures: the cast's sites moved onto the platform, with homes and column pages."""

import pytest

from govsite.cms import permissions, services
from govsite.cms.models import SiteIdentitySettings
from govsite.sites.models import Site


@pytest.fixture(autouse=True)
def _cms_settings(settings):
    settings.ALLOWED_HOSTS = ["*"]
    settings.CORE_REQUIRE_TOTP = False


@pytest.fixture
def platform(sites, cast):
    """The portal, the education and finance sites hosted on the platform, each with its
    Wagtail site, home page and column pages, and the cast's Wagtail groups in step.

    No registry service moves an existing site onto the platform yet, so the flag is set
    directly; everything after that goes through the cms services.
    """
    keys = ("portal", "edu", "fin")
    Site.objects.filter(pk__in=[sites[k].pk for k in keys]).update(on_platform=True)
    for key in keys:
        sites[key].refresh_from_db()
        home = services.create_site_home(sites[key], actor=None)
        SiteIdentitySettings.objects.create(
            site=home.get_site(),
            contact_phone="0571-87051234",
            contact_email="web@zj.gov.cn",
            party_gov_badge_url="https://bszs.conac.cn/sitename?method=show&id=1",
        )
    for column in sites["columns"].values():
        column.refresh_from_db()
        services.ensure_column_page(column, actor=None)
        column.refresh_from_db()
    for user in cast.values():
        permissions.sync_user_groups(user)
    return sites
