"""The registry screens: filters, the forms' happy paths, Chinese first, steady query counts."""

import html

import pytest
from django.urls import reverse

from govsite.core.models import AuditRecord
from govsite.sites import services
from govsite.sites.models import Column, Site, SiteDomain


def _page(response) -> str:
    return html.unescape(response.content.decode())


def _shown(page: str, sites, names=("portal", "edu", "fin", "hz_edu")) -> set[str]:
    return {n for n in names if reverse("sites:detail", args=[sites[n].pk]) in page}


@pytest.mark.parametrize(
    ("query", "names"),
    [
        ({}, {"portal", "edu", "fin", "hz_edu"}),
        ({"region": "杭州市"}, {"hz_edu"}),
        ({"status": "open", "kind": "portal"}, {"portal"}),
        ({"hosting": "on"}, set()),
        ({"hosting": "off", "q": "财政"}, {"fin"}),
        ({"q": "jyt.zj.gov.cn"}, {"edu"}),
    ],
)
def test_site_list_filters(cast, sites, admin_as, query, names):
    from govsite.core.models import Region

    if "region" in query:
        query = {**query, "region": Region.objects.get(name=query["region"]).pk}
    page = _page(admin_as(cast["inspector"]).get(reverse("sites:index"), query))
    assert _shown(page, sites) == names


def test_screens_speak_chinese_first(cast, sites, admin_as):
    client = admin_as(cast["platform_admin"])
    page = _page(client.get(reverse("sites:index")))
    for text in (
        "网站管理",
        "登记网站",
        "网站标识码",
        "主办单位",
        "托管方式",
        "筛选",
        "共 4 个网站",
    ):
        assert text in page, text
    page = _page(client.get(reverse("sites:detail", args=[sites["portal"].pk])))
    for text in ("域名", "栏目", "更新时限（天）", "责任单位", "状态变更记录", "浙江省教育厅", "开通、迁移或下线"):  # fmt: skip
        assert text in page, text


def test_register_a_site_through_the_screen(cast, province, admin_as):
    client = admin_as(cast["platform_admin"])
    form = {
        "name": "浙江省审计厅网站", "domain": "sjt.zj.gov.cn", "aliases": "审计.政务\n\n",
        "site_code": "3300000009", "sponsor": province["gov"].pk, "kind": "department",
        "region": "", "status": "open", "icp_number": "浙ICP备05070218号",
    }  # fmt: skip
    response = client.post(reverse("sites:create"), form)
    site = Site.objects.get(site_code="3300000009")
    assert response["Location"] == reverse("sites:detail", args=[site.pk])
    assert set(site.domains.values_list("domain", flat=True)) == {"sjt.zj.gov.cn", "审计.政务"}
    assert site.region.code == "330000"
    assert AuditRecord.objects.filter(action="sites.site.create", object_id=str(site.pk)).exists()
    page = _page(client.get(response["Location"]))
    assert "网站已登记" in page
    assert "审计.政务" in page


def test_close_a_site_with_date_reason_and_successor(cast, sites, admin_as):
    client = admin_as(cast["platform_admin"])
    url = reverse("sites:transition", args=[sites["hz_edu"].pk])
    page = _page(client.get(url))
    assert "迁移中" in page and "已下线" in page and "规划中" not in page
    response = client.post(url, {
        "to_status": "closed", "effective_date": "2026-12-01",
        "reason": "杭政办函〔2026〕8号", "successor": sites["edu"].pk,
    })  # fmt: skip
    assert response.status_code == 302
    page = _page(client.get(response["Location"]))
    for text in (
        "2026-12-01",
        "杭政办函〔2026〕8号",
        "浙江省教育厅网站",
        "已下线",
        "platform_admin",
    ):
        assert text in page, text
    assert "新增栏目" not in page  # no new columns on a closed site


def test_sponsor_admin_edits_its_site_adds_a_domain_and_columns(cast, province, sites, admin_as):
    client, edu = admin_as(cast["sponsor_admin"]), sites["edu"]
    response = client.post(
        reverse("sites:edit", args=[edu.pk]),
        {"name": "浙江省教育厅门户", "kind": "department", "icp_number": "浙ICP备05070218号-2",
         "police_record_number": "", "home_url": ""},
    )  # fmt: skip
    assert response.status_code == 302
    edu.refresh_from_db()
    assert (edu.name, edu.icp_number, edu.police_record_number) == (
        "浙江省教育厅门户",
        "浙ICP备05070218号-2",
        "",
    )
    update = AuditRecord.objects.filter(action="sites.site.update").last()
    assert set(update.changes["after"]) == {"name", "icp_number", "police_record_number"}

    client.post(reverse("sites:add_domain", args=[edu.pk]), {"domain": "edu.zj.gov.cn"})
    assert SiteDomain.objects.filter(site=edu, domain="edu.zj.gov.cn", is_main=False).exists()

    response = client.post(
        reverse("sites:column_create", args=[edu.pk]),
        {"name": "政策解读", "kind": "interpretation", "url": "", "responsible_org": province["edu"].pk,
         "sort_order": 2},
    )  # fmt: skip
    assert response.status_code == 302
    column = Column.objects.get(site=edu, name="政策解读")
    assert column.url == "http://jyt.zj.gov.cn/column-2/"
    assert column.update_limit_days is None

    response = client.post(
        reverse("sites:column_edit", args=[column.pk]),
        {"name": "政策解读", "kind": "notice", "url": column.url, "update_limit_days": "",
         "responsible_org": "", "sort_order": 2},
    )  # fmt: skip
    column.refresh_from_db()
    assert (column.kind, column.update_limit_days, column.responsible_org) == ("notice", 183, None)


def test_list_and_detail_keep_their_query_count(
    cast, province, sites, admin_as, django_assert_max_num_queries
):
    client = admin_as(cast["vendor_engineer"])
    client.get(reverse("sites:index"))
    for i in range(15):
        site = services.register_site(
            actor=None,
            name=f"批量网站{i}",
            domain=f"s{i}.zj.gov.cn",
            site_code=f"33000001{i:02d}",
            sponsor=province["edu"],
            kind="department",
            aliases=[f"a{i}.zj.gov.cn"],
        )
        services.create_column(site, actor=None, name="通知公告", kind="notice")
        services.create_column(sites["edu"], actor=None, name=f"专题{i}", kind="topic")
    with django_assert_max_num_queries(20):
        page = _page(client.get(reverse("sites:index"), {"q": "批量"}))
    assert "共 15 个网站" in page
    with django_assert_max_num_queries(26):
        client.get(reverse("sites:detail", args=[sites["edu"].pk]))


def test_unknown_ids_are_404_not_500(cast, admin_as):
    client = admin_as(cast["platform_admin"])
    for name in ("detail", "edit", "transition", "add_domain", "column_create"):
        assert client.get(reverse(f"sites:{name}", args=[999999])).status_code == 404
    assert client.get(reverse("sites:column_edit", args=[999999])).status_code == 404
    assert client.get(reverse("sites:index"), {"region": "x", "p": "y"}).status_code == 200
