"""The REST API under /api/v1/: authentication, paging, filters, writes and their audit."""

import pytest
from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import APIToken

from govsite.core.models import AuditRecord
from govsite.sites.models import Column, Site

from .conftest import row_counts

JSON = "application/json"


def test_openapi_document_and_docs_page_are_served(cast, api_as):
    client = api_as(cast["inspector"])
    document = client.get("/api/v1/openapi.json").json()
    assert document["info"] == {"title": "govsite API", "version": "v1",
                                "description": document["info"]["description"]}  # fmt: skip
    assert {"/api/v1/sites/", "/api/v1/sites/{site_id}/transition/", "/api/v1/regions/{code}/",
            "/api/v1/columns/{column_id}/", "/api/v1/organizations/"} <= set(document["paths"])  # fmt: skip
    docs = client.get("/api/v1/docs/")
    assert docs.status_code == 200
    assert "/static/ninja/swagger-ui-bundle.js" in docs.content.decode()  # no CDN


def test_schema_and_docs_need_a_signed_in_user_or_a_token(cast):
    for url in ("/api/v1/openapi.json", "/api/v1/docs/"):
        response = Client().get(url)
        assert response.status_code == 401
        assert response.json()["zh"] == "请先登录或提供有效的接口令牌"
    browser = Client()
    browser.force_login(cast["fin_editor"])
    assert browser.get("/api/v1/openapi.json").status_code == 200


def test_answers_are_never_cached(cast, sites, api_as):
    client = api_as(cast["inspector"])
    for url in ("/api/v1/sites/", f"/api/v1/sites/{sites['edu'].pk}/", "/api/v1/sites/999999/"):
        assert "no-store" in client.get(url)["Cache-Control"]


def test_anonymous_and_bad_tokens_get_401_in_both_languages(cast, sites):
    for client in (Client(), Client(headers={"authorization": "Bearer wagtail_nonsense"})):
        response = client.get("/api/v1/sites/")
        assert response.status_code == 401
        assert response.json()["zh"] == "请先登录或提供有效的接口令牌"
        assert response.json()["en"] == "Log in or send a valid API token"


def test_revoked_token_and_inactive_user_are_refused(cast, sites):
    token, plaintext = APIToken.create_token(user=cast["inspector"], name="t")
    client = Client(headers={"authorization": f"Bearer {plaintext}"})
    assert client.get("/api/v1/sites/").status_code == 200
    token.revoke()
    assert client.get("/api/v1/sites/").status_code == 401

    _, plaintext = APIToken.create_token(user=cast["fin_editor"], name="t")
    cast["fin_editor"].is_active = False
    cast["fin_editor"].save(update_fields=["is_active"])
    assert Client(headers={"authorization": f"Bearer {plaintext}"}).get("/api/v1/sites/").status_code == 401  # fmt: skip


def test_a_bad_token_is_not_rescued_by_a_session(cast, sites):
    client = Client(headers={"authorization": "Bearer wagtail_nonsense"})
    client.force_login(cast["inspector"])
    assert client.get("/api/v1/sites/").status_code == 401


def test_session_works_for_the_browser_with_csrf_on_writes(cast, sites):
    client = Client(enforce_csrf_checks=True)
    client.force_login(cast["fin_editor"])
    assert client.get(f"/api/v1/sites/{sites['fin'].pk}/").status_code == 200
    response = client.patch(f"/api/v1/sites/{sites['fin'].pk}/", {"name": "x"}, content_type=JSON)
    assert response.status_code == 403
    assert response.json()["zh"] == "跨站请求校验失败"


def test_session_must_change_its_password_first(cast, sites):
    user = cast["fin_editor"]
    user.must_change_password = True
    user.save(update_fields=["must_change_password"])
    client = Client()
    client.force_login(user)
    assert client.get("/api/v1/sites/").status_code == 401


def test_session_of_a_two_factor_role_needs_totp_first(cast, sites):
    client = Client()
    client.force_login(cast["platform_admin"])
    assert client.get("/api/v1/sites/").status_code == 401
    device = TOTPDevice.objects.create(user=cast["platform_admin"], name="t", confirmed=True)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    assert client.get("/api/v1/sites/").status_code == 200


def test_lists_are_paged_with_a_count(cast, sites, api_as):
    client = api_as(cast["platform_admin"])
    page = client.get("/api/v1/sites/?limit=2&offset=1").json()
    assert page["count"] == 4
    assert [s["site_code"] for s in page["items"]] == ["3300000002", "3300000003"]
    regions = client.get("/api/v1/regions/?level=city&parent=330000&limit=3").json()
    assert regions["count"] == 11
    assert [r["code"] for r in regions["items"]] == ["330100", "330200", "330300"]


@pytest.mark.parametrize(
    ("query", "names"),
    [
        ("region=330000", {"portal", "edu", "fin", "hz_edu"}),
        ("region=330100", {"hz_edu"}),
        ("region=110000", set()),
        ("status=open", {"portal", "edu", "fin", "hz_edu"}),
        ("status=planned", set()),
        ("kind=portal", {"portal"}),
        ("on_platform=false", {"portal", "edu", "fin", "hz_edu"}),
        ("on_platform=true", set()),
        ("q=教育", {"edu", "hz_edu"}),
        ("q=CZT.zj", {"fin"}),
        ("q=3300000001", {"portal"}),
    ],
)
def test_site_list_filters(cast, sites, api_as, query, names):
    items = api_as(cast["inspector"]).get(f"/api/v1/sites/?{query}").json()["items"]
    assert {i["id"] for i in items} == {sites[n].pk for n in names}


def test_region_and_organisation_reads(cast, province, api_as):
    client = api_as(cast["fin_editor"])
    region = client.get("/api/v1/regions/330100/").json()
    assert region == {"code": "330100", "name": "杭州市", "level": "city",
                      "parent_code": "330000", "full_name": "浙江省杭州市"}  # fmt: skip
    assert client.get("/api/v1/regions/?q=西湖").json()["count"] >= 1
    orgs = client.get("/api/v1/organizations/").json()["items"]
    assert {o["name"] for o in orgs} == {"浙江省财政厅", "浙江省人民政府"}
    fin = next(o for o in orgs if o["name"] == "浙江省财政厅")
    assert fin["parent_id"] == province["gov"].pk
    assert client.get(f"/api/v1/organizations/{province['edu'].pk}/").status_code == 404
    assert api_as(cast["citizen"]).get("/api/v1/organizations/").json()["count"] == 0


def test_register_update_and_close_a_site_through_the_api(cast, province, sites, api_as):
    client = api_as(cast["platform_admin"])
    audit_before = AuditRecord.objects.count()
    body = {
        "name": "浙江省审计厅网站", "domain": "SJT.zj.gov.cn", "aliases": ["审计.政务"],
        "site_code": "3300000009", "sponsor_id": province["gov"].pk, "kind": "department",
        "icp_number": "浙ICP备05070218号-3", "status": "open",
    }  # fmt: skip
    created = client.post("/api/v1/sites/", body, content_type=JSON)
    assert created.status_code == 201, created.json()
    site = created.json()
    assert (site["domain"], site["aliases"], site["region_code"]) == (
        "sjt.zj.gov.cn",
        ["审计.政务"],
        "330000",
    )
    url = f"/api/v1/sites/{site['id']}/"
    updated = client.patch(url, {"name": "浙江省审计厅门户", "kind": None}, content_type=JSON)
    assert updated.json()["name"] == "浙江省审计厅门户"
    assert updated.json()["kind"] == "department"
    closed = client.post(
        url + "transition/",
        {"to_status": "closed", "effective_date": "2026-12-01", "reason": "浙政办函〔2026〕1号",
         "successor_id": sites["portal"].pk},
        content_type=JSON,
    )  # fmt: skip
    history = closed.json()["status_history"]
    assert [(h["from_status"], h["to_status"]) for h in history] == [("", "open"), ("open", "closed")]  # fmt: skip
    assert history[-1]["effective_date"] == "2026-12-01"
    assert history[-1]["successor_id"] == sites["portal"].pk
    actions = AuditRecord.objects.filter(seq__gt=audit_before).values_list("action", flat=True)
    assert list(actions) == ["sites.site.create", "sites.site.update", "sites.site.transition"]


def test_sponsor_admin_adds_and_edits_columns_of_its_site(cast, province, sites, api_as):
    client = api_as(cast["sponsor_admin"])
    edu = sites["edu"]
    created = client.post(
        f"/api/v1/sites/{edu.pk}/columns/",
        {"name": "人事信息", "kind": "personnel", "responsible_org_id": province["edu"].pk,
         "parent_id": sites["columns"]["edu_notice"].pk},
        content_type=JSON,
    )  # fmt: skip
    assert created.status_code == 201, created.json()
    column = created.json()
    assert column["update_limit_days"] == 365
    assert column["responsible_org"] == {"id": province["edu"].pk, "name": "浙江省教育厅"}
    assert column["parent_id"] == sites["columns"]["edu_notice"].pk
    updated = client.patch(
        f"/api/v1/columns/{column['id']}/",
        {"update_limit_days": 30, "responsible_org_id": None},
        content_type=JSON,
    )
    assert updated.json()["update_limit_days"] == 30
    assert updated.json()["responsible_org"] is None
    refused = client.post(
        f"/api/v1/sites/{edu.pk}/columns/",
        {"name": "x", "kind": "notice", "parent_id": sites["columns"]["fin_policy"].pk},
        content_type=JSON,
    )
    assert refused.status_code == 400
    assert refused.json()["field"] == "parent_id"


def test_read_only_fields_in_a_patch_are_ignored(cast, sites, api_as):
    edu = sites["edu"]
    response = api_as(cast["sponsor_admin"]).patch(
        f"/api/v1/sites/{edu.pk}/",
        {"status": "closed", "site_code": "3300000099", "domain": "x.zj.gov.cn", "id": 1},
        content_type=JSON,
    )
    assert response.status_code == 200
    edu.refresh_from_db()
    assert (edu.status, edu.site_code, edu.domain) == ("open", "3300000002", "jyt.zj.gov.cn")
    column = sites["columns"]["edu_notice"]
    response = api_as(cast["sponsor_admin"]).patch(
        f"/api/v1/columns/{column.pk}/", {"site_id": sites["fin"].pk}, content_type=JSON
    )
    column.refresh_from_db()
    assert column.site_id == edu.pk


def test_api_errors_do_not_leak_what_exists(cast, sites, api_as):
    client = api_as(cast["fin_editor"])
    missing = client.get("/api/v1/sites/999999/").json()
    hidden = client.get(f"/api/v1/sites/{sites['edu'].pk}/").json()
    assert missing == hidden == {"detail": "未找到 / Not found", "zh": "未找到", "en": "Not found"}


def _many_sites(province, n):
    from govsite.sites import services

    for i in range(n):
        services.register_site(
            actor=None,
            name=f"批量网站{i}",
            domain=f"s{i}.zj.gov.cn",
            site_code=f"33000001{i:02d}",
            sponsor=province["edu"],
            kind="department",
            aliases=[f"a{i}.zj.gov.cn"],
        )
        services.create_column(Site.objects.get(site_code=f"33000001{i:02d}"), actor=None,
                               name="通知公告", kind="notice", responsible_org=province["edu"])  # fmt: skip


@pytest.mark.parametrize(
    "who", ["platform_admin", "sponsor_admin", "department_editor", "vendor_engineer"]
)
def test_list_endpoints_keep_their_query_count(
    cast, province, sites, api_as, django_assert_max_num_queries, who
):
    _many_sites(province, 12)
    client = api_as(cast[who])
    client.get("/api/v1/sites/")  # the token's last-used stamp is written once
    for url in ("/api/v1/sites/?limit=50", "/api/v1/organizations/?limit=50",
                "/api/v1/regions/?limit=50", f"/api/v1/sites/{sites['portal'].pk}/columns/"):  # fmt: skip
        with django_assert_max_num_queries(7):
            response = client.get(url)
        assert response.status_code in (200, 404)
    assert Column.objects.count() == 16
    assert row_counts()["Site"] == 16
