"""Bad input writes nothing and says why in Chinese and English: in the services, the API and
the screens alike."""

import html

import pytest
from django.urls import reverse

from govsite.core.errors import GovsiteValidationError
from govsite.sites import services

from .conftest import row_counts

BAD_SITE_CODES = [
    ("33000000", "格式不正确", "Malformed site code"),
    ("ab12345678", "格式不正确", "Malformed site code"),
    ("9999990001", "不是有效的行政区划代码", "does not start with a known division code"),
]


def _new_site(province, **overrides):
    fields = {
        "name": "浙江省审计厅网站", "domain": "sjt.zj.gov.cn", "site_code": "3300000009",
        "sponsor": province["gov"], "kind": "department", "aliases": [],
    }  # fmt: skip
    fields.update(overrides)
    return fields


def _api_body(fields):
    body = {k: v for k, v in fields.items() if k != "sponsor"}
    body["sponsor_id"] = fields["sponsor"].pk
    return body


def _form(fields):
    data = {k: v for k, v in fields.items() if k not in ("sponsor", "aliases")}
    data.update(sponsor=fields["sponsor"].pk, aliases="\n".join(fields["aliases"]))
    data.setdefault("status", "planned")
    return data


def _assert_error_page(response, *texts):
    assert response.status_code == 200, response.status_code
    page = html.unescape(response.content.decode())
    for text in texts:
        assert text in page, text


# --- malformed site codes -------------------------------------------------------------


@pytest.mark.parametrize(("code", "zh", "en"), BAD_SITE_CODES)
def test_bad_site_code_in_service(cast, province, code, zh, en):
    before = row_counts()
    with pytest.raises(GovsiteValidationError) as caught:
        services.register_site(actor=cast["platform_admin"], **_new_site(province, site_code=code))
    assert zh in caught.value.zh
    assert en in caught.value.en
    assert caught.value.field == "site_code"
    assert row_counts() == before


@pytest.mark.parametrize(("code", "zh", "en"), BAD_SITE_CODES)
def test_bad_site_code_in_api(cast, province, api_as, code, zh, en):
    client = api_as(cast["platform_admin"])
    before = row_counts()
    body = _api_body(_new_site(province, site_code=code))
    response = client.post("/api/v1/sites/", body, content_type="application/json")
    assert response.status_code == 400
    error = response.json()
    assert zh in error["zh"]
    assert en in error["en"]
    assert error["detail"] == f"{error['zh']} / {error['en']}"
    assert error["field"] == "site_code"
    assert row_counts() == before


@pytest.mark.parametrize(("code", "zh", "en"), BAD_SITE_CODES)
def test_bad_site_code_in_screen(cast, province, admin_as, code, zh, en):
    client = admin_as(cast["platform_admin"])
    before = row_counts()
    response = client.post(reverse("sites:create"), _form(_new_site(province, site_code=code)))
    _assert_error_page(response, zh, en, code)
    assert row_counts() == before


# --- duplicate domains ----------------------------------------------------------------

DUPLICATES = [
    pytest.param({"domain": "jyt.zj.gov.cn"}, id="main-domain-taken"),
    pytest.param({"domain": "JYT.zj.gov.cn"}, id="main-domain-taken-other-case"),
    pytest.param({"aliases": ["www.zj.gov.cn"]}, id="alias-taken"),
    pytest.param({"aliases": ["sjt.zj.gov.cn"]}, id="alias-repeats-main"),
]


def _duplicate_texts(overrides):
    if overrides.get("aliases") == ["sjt.zj.gov.cn"]:
        return ("域名重复", "The same domain is given twice")
    return ("已被网站", "is already used by site")


@pytest.mark.parametrize("overrides", DUPLICATES)
def test_duplicate_domain_in_service(cast, province, sites, overrides):
    before = row_counts()
    with pytest.raises(GovsiteValidationError) as caught:
        services.register_site(actor=cast["platform_admin"], **_new_site(province, **overrides))
    zh, en = _duplicate_texts(overrides)
    assert zh in caught.value.zh
    assert en in caught.value.en
    assert row_counts() == before


@pytest.mark.parametrize("overrides", DUPLICATES)
def test_duplicate_domain_in_api(cast, province, sites, api_as, overrides):
    before = row_counts()
    body = _api_body(_new_site(province, **overrides))
    response = api_as(cast["platform_admin"]).post(
        "/api/v1/sites/", body, content_type="application/json"
    )
    assert response.status_code == 400
    zh, en = _duplicate_texts(overrides)
    assert zh in response.json()["zh"]
    assert en in response.json()["en"]
    assert response.json()["field"] == "domain"
    assert row_counts() == before


@pytest.mark.parametrize("overrides", DUPLICATES)
def test_duplicate_domain_in_screen(cast, province, sites, admin_as, overrides):
    client = admin_as(cast["platform_admin"])
    before = row_counts()
    response = client.post(reverse("sites:create"), _form(_new_site(province, **overrides)))
    _assert_error_page(response, *_duplicate_texts(overrides))
    assert row_counts() == before


def test_alias_taken_by_another_site_in_service_api_and_screen(cast, sites, api_as, admin_as):
    edu, taken = sites["edu"], "CZT.zj.gov.cn"
    api, browser = api_as(cast["sponsor_admin"]), admin_as(cast["sponsor_admin"])
    before = row_counts()
    with pytest.raises(GovsiteValidationError) as caught:
        services.add_site_domain(edu, actor=cast["sponsor_admin"], domain=taken)
    assert "浙江省财政厅网站" in caught.value.zh

    response = api.post(
        f"/api/v1/sites/{edu.pk}/domains/", {"domain": taken}, content_type="application/json"
    )
    assert response.status_code == 400
    assert response.json()["field"] == "domain"

    response = browser.post(reverse("sites:add_domain", args=[edu.pk]), {"domain": taken})
    _assert_error_page(response, "已被网站“浙江省财政厅网站”使用", "is already used by site")
    assert row_counts() == before


# --- a column on a closed site --------------------------------------------------------


@pytest.fixture
def closed_site(sites):
    return services.transition_site(sites["hz_edu"], actor=None, to_status="closed", reason="整合")


def test_column_on_closed_site_in_service(cast, closed_site):
    before = row_counts()
    with pytest.raises(GovsiteValidationError) as caught:
        services.create_column(
            closed_site, actor=cast["platform_admin"], name="通知", kind="notice"
        )
    assert "已下线，不能新增栏目" in caught.value.zh
    assert "is closed; no new columns" in caught.value.en
    assert row_counts() == before


def test_column_on_closed_site_in_api(cast, closed_site, api_as):
    before = row_counts()
    response = api_as(cast["platform_admin"]).post(
        f"/api/v1/sites/{closed_site.pk}/columns/",
        {"name": "通知", "kind": "notice"},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert "已下线" in response.json()["zh"]
    assert "is closed" in response.json()["en"]
    assert row_counts() == before


def test_column_on_closed_site_in_screen(cast, closed_site, admin_as):
    client = admin_as(cast["platform_admin"])
    before = row_counts()
    response = client.post(
        reverse("sites:column_create", args=[closed_site.pk]),
        {"name": "通知", "kind": "notice", "sort_order": 0},
    )
    _assert_error_page(response, "已下线，不能新增栏目", "is closed; no new columns")
    assert row_counts() == before


# --- more bad input through the API: never a 500 -------------------------------------

API_BAD_BODIES = [
    pytest.param("{not json", 400, id="malformed-json"),
    pytest.param('["a", "list"]', 422, id="json-list"),
    pytest.param('{"name": "x"}', 422, id="missing-fields"),
    pytest.param(
        '{"name": "x", "domain": "a.zj.gov.cn", "site_code": "3300000009", "sponsor_id": "abc",'
        ' "kind": "portal"}', 422, id="sponsor-not-a-number",
    ),
    pytest.param(
        '{"name": "' + "长" * 200 + '", "domain": "a.zj.gov.cn", "site_code": "3300000009",'
        ' "sponsor_id": 1, "kind": "portal"}', 422, id="name-too-long",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("body", "status"), API_BAD_BODIES)
def test_malformed_requests_are_refused_in_both_languages(cast, sites, api_as, body, status):
    before = row_counts()
    response = api_as(cast["platform_admin"]).post(
        "/api/v1/sites/", body, content_type="application/json"
    )
    assert response.status_code == status
    assert response.json()["zh"]
    assert response.json()["en"]
    assert row_counts() == before


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"sponsor_id": 999999}, "sponsor_id"),
        ({"kind": "blog"}, "kind"),
        ({"region_code": "999999"}, "region_code"),
        ({"status": "closed"}, "status"),
        ({"icp_number": "ICP 123"}, "icp_number"),
        ({"domain": "not a domain"}, "domain"),
    ],
)
def test_invalid_site_fields_in_api(cast, province, api_as, body, field):
    before = row_counts()
    payload = {**_api_body(_new_site(province)), **body}
    response = api_as(cast["platform_admin"]).post(
        "/api/v1/sites/", payload, content_type="application/json"
    )
    assert response.status_code == 400, response.json()
    assert response.json()["field"] == field
    assert row_counts() == before


@pytest.mark.parametrize("url", ["javascript:alert(1)", "ftp://x.zj.gov.cn/", "http://"])
def test_homepage_must_be_an_http_address(cast, sites, api_as, url):
    before = row_counts()
    response = api_as(cast["platform_admin"]).patch(
        f"/api/v1/sites/{sites['edu'].pk}/", {"home_url": url}, content_type="application/json"
    )
    assert response.status_code == 422
    assert row_counts() == before


def test_impossible_transition_and_bad_successor_in_api(cast, sites, api_as):
    client, before = api_as(cast["platform_admin"]), row_counts()
    url = f"/api/v1/sites/{sites['edu'].pk}/transition/"
    response = client.post(url, {"to_status": "planned"}, content_type="application/json")
    assert response.status_code == 400
    assert "网站状态不能从" in response.json()["zh"]
    response = client.post(
        url,
        {"to_status": "closed", "successor_id": sites["edu"].pk},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert response.json()["field"] == "successor_id"
    assert row_counts() == before


@pytest.mark.parametrize(
    ("body", "status", "field"),
    [
        ({"url": "http://www.zj.gov.cn/news/"}, 400, "url"),
        ({"name": "  "}, 400, "name"),
        ({"kind": "blog"}, 400, "kind"),
        ({"update_limit_days": 0}, 422, None),
        ({"responsible_org_id": 999999}, 400, "responsible_org_id"),
    ],
)
def test_invalid_column_update_in_api(cast, sites, api_as, body, status, field):
    before = row_counts()
    column = sites["columns"]["portal_edu"]
    response = api_as(cast["platform_admin"]).patch(
        f"/api/v1/columns/{column.pk}/", body, content_type="application/json"
    )
    assert response.status_code == status
    assert response.json().get("field") == field
    assert row_counts() == before


def test_list_parameters_out_of_range_are_refused(cast, sites, api_as):
    client = api_as(cast["platform_admin"])
    assert client.get("/api/v1/sites/?limit=1000").status_code == 422
    assert client.get("/api/v1/sites/?offset=-1").status_code == 422
    assert client.get("/api/v1/sites/?status=gone").status_code == 422
    response = client.get("/api/v1/sites/?region=999999")
    assert response.status_code == 400
    assert response.json()["field"] == "region"
    assert client.get("/api/v1/regions/33/").status_code == 404


# --- more bad input through the screens: errors on the form, never a 500 -------------


def test_site_form_with_too_long_name_and_unknown_region(cast, province, admin_as):
    client = admin_as(cast["platform_admin"])
    before = row_counts()
    form = _form(_new_site(province, name="长" * 200))
    form["region"] = "999999"
    response = client.post(reverse("sites:create"), form)
    _assert_error_page(response, "行政区划代码“999999”不存在", "Unknown division code")
    assert row_counts() == before


def test_transition_form_refuses_a_status_not_allowed_from_here(cast, sites, admin_as):
    client = admin_as(cast["platform_admin"])
    before = row_counts()
    response = client.post(
        reverse("sites:transition", args=[sites["edu"].pk]),
        {"to_status": "planned", "effective_date": "2026-01-05", "reason": "试"},
    )
    assert response.status_code == 200
    assert row_counts() == before


def test_column_form_with_a_taken_url(cast, sites, admin_as):
    client = admin_as(cast["platform_admin"])
    before = row_counts()
    column = sites["columns"]["portal_edu"]
    response = client.post(
        reverse("sites:column_edit", args=[column.pk]),
        {"name": column.name, "kind": column.kind, "url": "http://www.zj.gov.cn/news/",
         "sort_order": 0},
    )  # fmt: skip
    _assert_error_page(response, "栏目地址“http://www.zj.gov.cn/news/”已存在", "exists")
    assert row_counts() == before
