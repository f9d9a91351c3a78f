"""cms fixtures: the cast's sites moved onto the platform, with homes and column pages."""

import datetime

import pytest
from django.utils import timezone

from govsite.cms import permissions, services
from govsite.cms.models import SiteIdentitySettings
from govsite.sites import services as site_services
from govsite.sites.models import ColumnKind, Site

HOSTS = {"portal": "www.zj.gov.cn", "edu": "jyt.zj.gov.cn", "fin": "czt.zj.gov.cn"}


@pytest.fixture(autouse=True)
def _cms_settings(settings):
    settings.ALLOWED_HOSTS = ["*"]  # the sites answer on their registry domains
    settings.CORE_REQUIRE_TOTP = False  # site administrators are logged in without TOTP


@pytest.fixture
def platform(sites, cast):
    """The portal, the education and finance sites hosted on the platform, each with its
    Wagtail site, home page, identity settings and column pages; the cast's Wagtail groups
    in step with its grants.

    No registry service moves an existing site onto the platform yet, so the flag is set
    directly; everything after that goes through the cms services.
    """
    Site.objects.filter(pk__in=[sites[k].pk for k in HOSTS]).update(on_platform=True)
    for key in HOSTS:
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


@pytest.fixture
def articles(platform):
    """One published article in each column of the cast's sites."""
    when = timezone.make_aware(datetime.datetime(2026, 3, 2, 9, 30))
    return {
        key: services.create_article(
            column,
            actor=None,
            title=f"{column.name}测试信息",
            body_paragraphs=["正文第一段。"],
            publish_date=when,
            source="浙江省人民政府办公厅",
            author="张三",
        )
        for key, column in platform["columns"].items()
    }


@pytest.fixture
def topic(platform):
    """A topic column (专题) on the portal, with its topic page and one article."""
    column = site_services.create_column(
        platform["portal"],
        actor=None,
        name="共同富裕示范区建设",
        kind=ColumnKind.TOPIC,
        url="http://www.zj.gov.cn/gtfy/",
    )
    page = services.ensure_column_page(column, actor=None)
    column.refresh_from_db()
    article = services.create_article(
        column,
        actor=None,
        title="示范区建设新闻发布会",
        body_paragraphs=["内容。"],
        publish_date=timezone.now(),
        source="省发展改革委",
    )
    return {"column": column, "page": page, "article": article}
