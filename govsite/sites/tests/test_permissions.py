"""The permission matrix of sites and columns: every cast user × every object, through the
services, the API (token) and the back-office screens, against one golden table."""

import pytest
from django.http import Http404
from django.urls import reverse

from govsite.core.errors import GovsitePermissionDenied
from govsite.core.models import AuditRecord
from govsite.sites import access, services

from .conftest import fresh

USERS = (
    "platform_admin", "security_admin", "auditor", "sponsor_admin", "sponsor_editor",
    "sponsor_reviewer", "department_editor", "fin_editor", "vendor_engineer", "inspector",
    "citizen",
)  # fmt: skip
SITES = ("portal", "edu", "fin", "hz_edu")
COLUMNS = ("portal_news", "portal_edu", "edu_notice", "fin_policy")

# The golden table. r: sees it; w: may change it; l: may open, migrate or close it;
# -: does not learn that it exists (404).
# fmt: off
EXPECTED = {
    #                     portal edu    fin    hz_edu   portal_news portal_edu edu_notice fin_policy
    "platform_admin":    ("rwl", "rwl", "rwl", "rwl",   "rw",       "rw",      "rw",      "rw"),
    "security_admin":    ("-",   "-",   "-",   "-",     "-",        "-",       "-",       "-"),
    "auditor":           ("-",   "-",   "-",   "-",     "-",        "-",       "-",       "-"),
    "sponsor_admin":     ("-",   "rw",  "-",   "-",     "-",        "-",       "rw",      "-"),
    "sponsor_editor":    ("-",   "r",   "-",   "-",     "-",        "-",       "r",       "-"),
    "sponsor_reviewer":  ("-",   "r",   "-",   "-",     "-",        "-",       "r",       "-"),
    "department_editor": ("r",   "-",   "-",   "-",     "-",        "r",       "-",       "-"),
    "fin_editor":        ("-",   "-",   "r",   "-",     "-",        "-",       "-",       "r"),
    "vendor_engineer":   ("-",   "r",   "-",   "-",     "-",        "-",       "r",       "-"),
    "inspector":         ("r",   "r",   "r",   "r",     "r",        "r",       "r",       "r"),
    "citizen":           ("-",   "-",   "-",   "-",     "-",        "-",       "-",       "-"),
}
# fmt: on
MAY_REGISTER_SITES = {"platform_admin"}


def expected(user: str, obj: str) -> str:
    return EXPECTED[user][(*SITES, *COLUMNS).index(obj)]


def visible(user: str, names) -> set[str]:
    return {n for n in names if "r" in expected(user, n)}


SITE_CASES = [(u, s) for u in USERS for s in SITES]
COLUMN_CASES = [(u, c) for u in USERS for c in COLUMNS]


def _audit_grew(before: int) -> int:
    return AuditRecord.objects.count() - before


# --- services and access -------------------------------------------------------------


@pytest.mark.parametrize(("who", "name"), SITE_CASES)
def test_site_matrix_in_services(cast, sites, who, name):
    user, site, want = fresh(cast[who]), fresh(sites[name]), expected(who, name)
    assert access.sites_visible_to(user).filter(pk=site.pk).exists() == ("r" in want)
    if "r" not in want:
        with pytest.raises(Http404):
            access.get_site_for_user(user, site.pk)

    before = AuditRecord.objects.count()
    try:
        services.update_site(site, actor=user, name=site.name + "（改）")
        changed = True
    except GovsitePermissionDenied:
        changed = False
    assert changed == ("w" in want)
    assert _audit_grew(before) == int(changed)

    try:
        services.transition_site(site, actor=user, to_status="migrating", reason="整合")
        moved = True
    except GovsitePermissionDenied:
        moved = False
    assert moved == ("l" in want)


@pytest.mark.parametrize(("who", "name"), COLUMN_CASES)
def test_column_matrix_in_services(cast, sites, who, name):
    user, column, want = fresh(cast[who]), fresh(sites["columns"][name]), expected(who, name)
    assert access.columns_visible_to(user).filter(pk=column.pk).exists() == ("r" in want)
    before = AuditRecord.objects.count()
    try:
        services.update_column(column, actor=user, name=column.name + "（改）")
        changed = True
    except GovsitePermissionDenied:
        changed = False
    assert changed == ("w" in want)
    assert _audit_grew(before) == int(changed)


@pytest.mark.parametrize("who", USERS)
def test_register_site_and_add_column_in_services(cast, sites, province, who):
    user = fresh(cast[who])
    try:
        services.register_site(
            actor=user,
            name="浙江省审计厅网站",
            domain="sjt.zj.gov.cn",
            site_code="3300000009",
            sponsor=fresh(province["gov"]),
            kind="department",
        )
        registered = True
    except GovsitePermissionDenied:
        registered = False
    assert registered == (who in MAY_REGISTER_SITES)
    for name in SITES:
        try:
            services.create_column(fresh(sites[name]), actor=user, name="新栏目", kind="notice")
            added = True
        except GovsitePermissionDenied:
            added = False
        assert added == ("w" in expected(who, name)), name


# --- API, token authentication -------------------------------------------------------


@pytest.mark.parametrize(("who", "name"), SITE_CASES)
def test_site_matrix_in_api(cast, sites, api_as, who, name):
    client, site, want = api_as(cast[who]), sites[name], expected(who, name)
    url = f"/api/v1/sites/{site.pk}/"
    hidden = 404

    assert client.get(url).status_code == (200 if "r" in want else hidden)

    response = client.patch(url, {"name": "改名"}, content_type="application/json")
    assert response.status_code == (200 if "w" in want else 403 if "r" in want else hidden)

    response = client.post(
        url + "transition/",
        {"to_status": "migrating", "reason": "整合"},
        content_type="application/json",
    )
    assert response.status_code == (200 if "l" in want else 403 if "r" in want else hidden)

    response = client.post(
        url + "columns/", {"name": "新栏目", "kind": "notice"}, content_type="application/json"
    )
    assert response.status_code == (201 if "w" in want else 403 if "r" in want else hidden)

    columns = client.get(url + "columns/")
    assert columns.status_code == (200 if "r" in want else hidden)


@pytest.mark.parametrize(("who", "name"), COLUMN_CASES)
def test_column_matrix_in_api(cast, sites, api_as, who, name):
    client, column, want = api_as(cast[who]), sites["columns"][name], expected(who, name)
    url = f"/api/v1/columns/{column.pk}/"
    assert client.get(url).status_code == (200 if "r" in want else 404)
    response = client.patch(url, {"name": "改名"}, content_type="application/json")
    assert response.status_code == (200 if "w" in want else 403 if "r" in want else 404)


@pytest.mark.parametrize("who", USERS)
def test_api_lists_show_exactly_the_visible_sites_and_columns(cast, sites, api_as, who):
    client = api_as(cast[who])
    listed = {s["id"] for s in client.get("/api/v1/sites/").json()["items"]}
    assert listed == {sites[n].pk for n in visible(who, SITES)}

    seen_columns = set()
    for name in visible(who, SITES):
        items = client.get(f"/api/v1/sites/{sites[name].pk}/columns/").json()["items"]
        seen_columns |= {c["id"] for c in items}
    assert seen_columns == {sites["columns"][n].pk for n in visible(who, COLUMNS)}


@pytest.mark.parametrize("who", USERS)
def test_register_site_in_api(cast, province, api_as, who):
    body = {
        "name": "浙江省审计厅网站",
        "domain": "sjt.zj.gov.cn",
        "site_code": "3300000009",
        "sponsor_id": province["gov"].pk,
        "kind": "department",
    }
    response = api_as(cast[who]).post("/api/v1/sites/", body, content_type="application/json")
    assert response.status_code == (201 if who in MAY_REGISTER_SITES else 403)


# --- back-office screens --------------------------------------------------------------

HOME = "/admin/"


def _screen_status(want: str, letter: str, response, login_redirect: bool) -> bool:
    if login_redirect:  # no role: the admin itself turns the user away
        return response.status_code == 302 and "/admin/login/" in response["Location"]
    if letter in want:
        return response.status_code == 200
    if "r" in want:  # seen but not allowed: Wagtail's "no permission" redirect home
        return response.status_code == 302 and response["Location"] == HOME
    return response.status_code == 404


@pytest.mark.parametrize(("who", "name"), SITE_CASES)
def test_site_matrix_in_screens(cast, sites, admin_as, who, name):
    client, site, want = admin_as(cast[who]), sites[name], expected(who, name)
    outsider = who == "citizen"
    pages = {
        "r": reverse("sites:detail", args=[site.pk]),
        "w": reverse("sites:edit", args=[site.pk]),
        "l": reverse("sites:transition", args=[site.pk]),
    }
    for letter, url in pages.items():
        assert _screen_status(want, letter, client.get(url), outsider), (letter, url)
    column_form = reverse("sites:column_create", args=[site.pk])
    assert _screen_status(want, "w", client.get(column_form), outsider)


@pytest.mark.parametrize(("who", "name"), SITE_CASES)
def test_site_edit_screen_writes_only_when_allowed(cast, sites, admin_as, who, name):
    client, site, want = admin_as(cast[who]), sites[name], expected(who, name)
    form = {
        "name": "改名后的网站",
        "kind": site.kind,
        "icp_number": site.icp_number,
        "police_record_number": site.police_record_number,
        "home_url": site.home_url,
    }
    before = AuditRecord.objects.filter(action="sites.site.update").count()
    response = client.post(reverse("sites:edit", args=[site.pk]), form)
    site.refresh_from_db()
    if "w" in want:
        assert response.status_code == 302
        assert response["Location"] == reverse("sites:detail", args=[site.pk])
        assert site.name == "改名后的网站"
    else:
        assert response.status_code in (302, 404)
        assert site.name != "改名后的网站"
    after = AuditRecord.objects.filter(action="sites.site.update").count()
    assert after - before == ("w" in want)


@pytest.mark.parametrize(("who", "name"), COLUMN_CASES)
def test_column_matrix_in_screens(cast, sites, admin_as, who, name):
    client, column, want = admin_as(cast[who]), sites["columns"][name], expected(who, name)
    response = client.get(reverse("sites:column_edit", args=[column.pk]))
    assert _screen_status(want, "w", response, who == "citizen")


@pytest.mark.parametrize("who", USERS)
def test_site_list_screen_shows_exactly_the_visible_sites(cast, sites, admin_as, who):
    response = admin_as(cast[who]).get(reverse("sites:index"))
    if who == "citizen":
        assert response.status_code == 302
        return
    html = response.content.decode()
    shown = {n for n in SITES if reverse("sites:detail", args=[sites[n].pk]) in html}
    assert shown == visible(who, SITES)
    register = reverse("sites:create")
    assert (register in html) == (who in MAY_REGISTER_SITES)
    assert admin_as(cast[who]).get(register).status_code == (
        200 if who in MAY_REGISTER_SITES else 302
    )


@pytest.mark.parametrize("who", USERS)
def test_site_detail_screen_lists_only_visible_columns(cast, sites, admin_as, who):
    client = admin_as(cast[who])
    for name in visible(who, SITES):
        html = client.get(reverse("sites:detail", args=[sites[name].pk])).content.decode()
        shown = {c for c in COLUMNS if sites["columns"][c].url in html}
        on_site = {c for c in COLUMNS if sites["columns"][c].site_id == sites[name].pk}
        assert shown == visible(who, COLUMNS) & on_site


@pytest.mark.parametrize("who", USERS)
def test_menu_item_shown_to_those_who_see_sites(cast, rf, who):
    from govsite.sites.wagtail_hooks import RegistryMenuItem

    request = rf.get("/admin/")
    request.user = fresh(cast[who])
    item = RegistryMenuItem("网站管理", "/admin/registry/")
    assert item.is_shown(request) == any("r" in expected(who, n) for n in (*SITES, *COLUMNS))
