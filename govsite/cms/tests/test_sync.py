"""The registry and Wagtail stay in step: on-platform sites get a Wagtail site and home,
registry columns get pages, and column pages made in the admin become registry columns."""

import pytest
from wagtail.models import Page
from wagtail.models import Site as WagtailSite

from govsite.cms import hosting, services
from govsite.cms.models import ColumnPage, HomePage, TopicPage
from govsite.core.models import AuditRecord
from govsite.sites import services as site_services
from govsite.sites.models import Column, ColumnKind, Site

from .helpers import column_page_form


def _register(province, **kw):
    fields = {
        "name": "杭州市人民政府门户网站",
        "domain": "www.hangzhou.gov.cn",
        "site_code": "3301000001",
        "sponsor": province["hz_gov"],
        "kind": "portal",
        "on_platform": True,
        "status": Site.Status.OPEN,
    }
    return site_services.register_site(actor=None, **{**fields, **kw})


def test_on_platform_site_gets_wagtail_site_and_home(province, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        site = _register(province)
    site.refresh_from_db()
    wagtail_site = site.wagtail_site
    assert (wagtail_site.hostname, wagtail_site.port) == ("www.hangzhou.gov.cn", 80)
    assert not wagtail_site.is_default_site
    home = wagtail_site.root_page.specific
    assert isinstance(home, HomePage) and home.live and home.title == site.name
    assert AuditRecord.objects.filter(action="cms.site.create", object_id=str(site.pk)).exists()


def test_localhost_alias_steers_the_demo_host(province, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        site = _register(province, aliases=["hangzhou.localhost"])
    site.refresh_from_db()
    assert (site.wagtail_site.hostname, site.wagtail_site.port) == ("hangzhou.localhost", 8000)


def test_alias_added_later_moves_the_wagtail_site(province, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        site = _register(province)
        site_services.add_site_domain(site, actor=None, domain="hz.localhost")
    site.refresh_from_db()
    assert site.wagtail_site.hostname == "hz.localhost"
    assert WagtailSite.objects.filter(hostname="www.hangzhou.gov.cn").count() == 0


def test_province_portal_is_the_default_site(province, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        site = _register(
            province,
            name="浙江省人民政府门户网站",
            domain="www.zj.gov.cn",
            site_code="3300000001",
            sponsor=province["gov"],
        )
    site.refresh_from_db()
    assert site.wagtail_site.is_default_site
    assert WagtailSite.objects.filter(is_default_site=True).count() == 1
    assert hosting.is_province_portal(site)


def test_external_site_gets_no_wagtail_site(province, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        site = _register(province, on_platform=False)
    site.refresh_from_db()
    assert site.wagtail_site is None


def test_registry_columns_get_pages_in_the_tree(province, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        site = _register(province)
        news = site_services.create_column(
            site,
            actor=None,
            name="政务动态",
            kind="dynamic",
            url="http://www.hangzhou.gov.cn/zwdt/",
        )
        local = site_services.create_column(
            site, actor=None, name="区县动态", kind="dynamic", parent=news
        )
        topic = site_services.create_column(site, actor=None, name="亚运专题", kind="topic")
    for column in (news, local, topic):
        column.refresh_from_db()
    site.refresh_from_db()
    home = site.wagtail_site.root_page
    assert news.page.get_parent().pk == home.pk and news.page.slug == "zwdt"
    assert news.page.live and news.page.show_in_menus
    assert local.page.get_parent().pk == news.page.pk and not local.page.show_in_menus
    assert isinstance(topic.page.specific, TopicPage)
    assert isinstance(news.page.specific, ColumnPage)
    assert AuditRecord.objects.filter(action="cms.column_page.create").count() == 3


def test_services_are_idempotent(platform):
    column = platform["columns"]["portal_news"]
    before = Page.objects.count()
    assert services.ensure_column_page(column, actor=None).pk == column.page_id
    services.create_site_home(platform["portal"], actor=None)
    assert Page.objects.count() == before


def _admin_create_column_page(client, parent, title, slug, action="action-publish"):
    data = column_page_form(title, slug, action)
    return client.post(f"/admin/pages/add/cms/columnpage/{parent.pk}/", data)


def test_column_page_made_in_admin_joins_the_registry(client, platform, cast):
    client.force_login(cast["sponsor_admin"])
    home = platform["edu"].wagtail_site.root_page
    response = _admin_create_column_page(client, home, "政策解读", "zcjd", action="action-save")
    assert response.status_code == 302
    page = ColumnPage.objects.get(slug="zcjd")
    column = Column.objects.get(page=page)
    assert (column.site, column.name, column.parent) == (platform["edu"], "政策解读", None)
    assert column.url == "http://jyt.zj.gov.cn/zcjd/"
    assert column.kind == ColumnKind.OTHER


def test_published_in_admin_under_a_column_inherits_its_kind(client, platform, cast):
    client.force_login(cast["sponsor_admin"])
    parent = platform["columns"]["edu_notice"].page
    response = _admin_create_column_page(client, parent, "招生通知", "zhaosheng")
    assert response.status_code == 302
    column = Column.objects.get(page__slug="zhaosheng")
    assert column.parent == platform["columns"]["edu_notice"]
    assert column.kind == ColumnKind.NOTICE
    assert Column.objects.filter(name="招生通知").count() == 1


def test_rename_published_in_admin_renames_the_column(client, platform, cast):
    client.force_login(cast["sponsor_admin"])
    column = platform["columns"]["edu_notice"]
    data = column_page_form("通知公示", "notice")
    response = client.post(f"/admin/pages/{column.page_id}/edit/", data)
    assert response.status_code == 302
    column.refresh_from_db()
    assert column.name == "通知公示"
    assert Column.objects.filter(site=column.site).count() == 1
    assert AuditRecord.objects.filter(
        action="sites.column.update", object_id=str(column.pk)
    ).exists()


def test_editor_may_not_add_a_column_in_admin(client, platform, cast):
    client.force_login(cast["sponsor_editor"])
    home = platform["edu"].wagtail_site.root_page
    response = _admin_create_column_page(client, home, "私设栏目", "sishe")
    assert response.status_code in (302, 403)
    assert not ColumnPage.objects.filter(slug="sishe").exists()
    assert not Column.objects.filter(name="私设栏目").exists()


@pytest.mark.parametrize("kind", ["dynamic", "topic"])
def test_ensure_column_page_refuses_external_sites(sites, kind):
    column = site_services.create_column(sites["hz_edu"], actor=None, name="动态", kind=kind)
    with pytest.raises(Exception, match="不在平台内"):
        services.ensure_column_page(column, actor=None)
