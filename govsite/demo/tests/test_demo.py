"""The demo command builds the province the issue describes, and a second run changes nothing."""

import pytest
from django.apps import apps
from django.core.management import call_command
from django.test import Client

from govsite.core.models import AuditRecord
from govsite.demo import defects
from govsite.demo.plan import COLUMNS, PROVINCE, site_key, walk

VOLATILE = {
    "created_at",
    "granted_at",
    "last_login",
    "date_joined",
    "password",
    "recorded_at",
    "latest_revision_created_at",
    "last_published_at",
    "first_published_at",
}
MODELS = [
    "core.Organization",
    "core.User",
    "core.RoleGrant",
    "sites.Site",
    "sites.SiteDomain",
    "sites.SiteStatusChange",
    "sites.Column",
    "wagtailcore.Page",
    "cms.ArticlePage",
    "wagtailcore.Site",
    "auth.Group",
    "wagtailcore.GroupPagePermission",
    "wagtailcore.Revision",
]


def snapshot() -> dict[str, list]:
    out = {}
    for label in MODELS:
        model = apps.get_model(label)
        fields = [f.attname for f in model._meta.concrete_fields if f.attname not in VOLATILE]
        out[label] = list(model.objects.order_by("pk").values_list(*fields))
    out["audit"] = list(AuditRecord.objects.order_by("seq").values_list("seq", "hash"))
    return out


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_demo_builds_the_province_and_a_second_run_changes_nothing(capsys):
    # given a demo built once (one article per column keeps the test short)
    call_command("demo", "--scale", "0.1", "--today", "2026-11-21", "--no-patrol")
    first = snapshot()
    # when it runs again
    call_command("demo", "--scale", "0.1", "--today", "2026-11-21", "--no-patrol")
    # then the database is the same, audit trail included
    assert snapshot() == first
    Site, Org = apps.get_model("sites.Site"), apps.get_model("core.Organization")
    assert Site.objects.filter(on_platform=True).count() >= 20
    assert Site.objects.filter(on_platform=False).count() >= 5
    assert Site.objects.filter(on_platform=True, wagtail_site__isnull=False).count() >= 20
    governments = Org.objects.filter(kind="government")
    assert governments.filter(region__level="city").count() == 3
    assert governments.filter(region__level="county").count() == 9
    roles = set(apps.get_model("core.RoleGrant").objects.values_list("role", flat=True))
    assert roles == {
        "platform_admin",
        "security_admin",
        "auditor",
        "site_admin",
        "editor",
        "reviewer",
        "contributor",
        "vendor_engineer",
        "inspector",
    }
    out = capsys.readouterr().out
    assert "http://127.0.0.1:8000/" in out and "Govsite#2026" in out
    for username in ("pingtai", "anquan", "shenji", "zj_editor", "jyt_contrib", "vendor"):
        assert username in out
    assert "created this run: 0" in out
    assert_planted_defects_are_on_the_pages()


def _page_text(key: str, column_slug: str) -> str:
    """The rendered HTML of the newest article of one demo column."""
    ArticlePage = apps.get_model("cms.ArticlePage")
    Site = apps.get_model("sites.Site")
    site = next(s for s in Site.objects.all() if site_key(s.domain) == key)
    column = site.columns.get(url=f"{site.url}{column_slug}/")
    article = ArticlePage.objects.child_of(column.page).order_by("-publish_date").first()
    host = next(d.domain for d in site.domains.all() if d.domain.endswith(".localhost"))
    return Client().get(article.url, HTTP_HOST=f"{host}:8000").content.decode()


def assert_planted_defects_are_on_the_pages():
    assert '<a href="/files/missing-2026.pdf">' in _page_text("ruian", "notice")
    assert "国家工商行政管理总局" in _page_text("zjamr-zj", "notice")
    leak = _page_text("jyj-ningbo", "renshi")
    assert defects.LEAKED_ID in leak and defects.LEAKED_MOBILE in leak
    assert "王键国市长" in _page_text("hangzhou", "news")
    assert "2026-12-21" in _page_text("wenzhou", "notice")  # 30 days after "today"


def test_full_demo_plans_over_six_hundred_articles():
    on_platform = [p.site for p, _ in walk(PROVINCE) if p.site and p.site.external_port is None]
    planned = sum(
        count
        for site in on_platform
        for slug, _name, _kind, count in COLUMNS
        if not defects.is_blank(site_key(site.domain), slug)
    )
    assert len(on_platform) >= 20
    assert planned >= 600
