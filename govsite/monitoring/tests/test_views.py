"""The 监测 screens: who sees which findings, the filters, review by inspectors only, the
charts' data, Chinese first, and query counts that do not grow with the rows."""

import datetime
import html
import json
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from govsite.core.models import AuditRecord
from govsite.monitoring import services
from govsite.monitoring.models import Finding, PatrolRun, ProbeResult
from govsite.patrol import ProbeResult as EngineProbe
from govsite.sites import services as site_services

from .conftest import broken, word

pytestmark = pytest.mark.django_db

# site key -> the cast members who see its findings (whole-site, organisation or platform grants)
SEES = {
    "portal": {"platform_admin", "inspector"},
    "edu": {"platform_admin", "inspector", "sponsor_admin", "sponsor_editor", "sponsor_reviewer", "vendor_engineer"},
    "fin": {"platform_admin", "inspector", "fin_editor"},
    "hz_edu": {"platform_admin", "inspector"},
}  # fmt: skip
VIEWERS = set().union(*SEES.values())
NOBODY = ("department_editor", "auditor", "security_admin")
HOME = "/admin/"


def _turned_home(response) -> bool:
    """Wagtail's answer to a permission denied in the admin: back to the dashboard."""
    return response.status_code == 302 and response["Location"] == HOME


def _page(response) -> str:
    return html.unescape(response.content.decode())


@pytest.fixture
def findings(sites, store):
    """One patrol's findings on every site of the cast."""
    out = {}
    for key in SEES:
        site = sites[key]
        store(site, [broken(site.url, 1), word(site.url, f"{key}专用词")])
        out[key] = Finding.objects.filter(site=site)
    return out


def _json_script(page: str, element_id: str):
    match = re.search(rf'<script id="{element_id}" type="application/json">(.*?)</script>', page)
    return json.loads(match.group(1))


def _shown_sites(page: str) -> set[str]:
    return {key for key in SEES if f"{key}专用词" in page}


@pytest.mark.parametrize("who", sorted(VIEWERS))
def test_the_finding_list_shows_only_the_sites_one_watches(cast, findings, admin_as, who):
    page = _page(admin_as(cast[who]).get(reverse("monitoring:findings")))
    assert _shown_sites(page) == {k for k, people in SEES.items() if who in people}


@pytest.mark.parametrize("who", NOBODY)
def test_without_a_whole_site_grant_the_screens_are_closed(cast, findings, admin_as, who):
    client = admin_as(cast[who])
    for name in ("monitoring:overview", "monitoring:findings", "monitoring:alerts"):
        assert _turned_home(client.get(reverse(name)))
    finding = findings["portal"].first()
    assert _turned_home(client.get(reverse("monitoring:finding", args=[finding.pk])))
    assert "monitoring" not in client.get(HOME).content.decode()


def test_a_citizen_is_sent_to_the_login(cast, findings, admin_as):
    response = admin_as(cast["citizen"]).get(reverse("monitoring:findings"))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


@pytest.mark.parametrize("who", ["fin_editor", "sponsor_admin", "vendor_engineer"])
def test_another_departments_finding_is_not_found(cast, sites, findings, admin_as, who):
    client = admin_as(cast[who])
    other = findings["portal"].first()
    assert client.get(reverse("monitoring:finding", args=[other.pk])).status_code == 404
    assert client.get(reverse("monitoring:site", args=[sites["portal"].pk])).status_code == 404
    assert client.get(reverse("monitoring:probes", args=[sites["portal"].pk])).status_code == 404


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"kind": "sensitive_word"}, {"portal", "edu", "fin", "hz_edu"}),
        ({"status": "dismissed"}, {"fin"}),
        ({"status": "open", "kind": "sensitive_word"}, {"portal", "edu", "hz_edu"}),
        ({"since": "2026-11-22"}, set()),
        ({"until": "2026-11-20"}, set()),
        ({"since": "2026-11-21", "until": "2026-11-21"}, {"portal", "edu", "fin", "hz_edu"}),
    ],
)
def test_finding_filters(cast, sites, findings, admin_as, query, expected):
    services.dismiss_finding(
        findings["fin"].get(kind="sensitive_word"), actor=cast["inspector"], reason="误报"
    )
    page = _page(admin_as(cast["inspector"]).get(reverse("monitoring:findings"), query))
    assert _shown_sites(page) == expected


def test_site_filter(cast, sites, findings, admin_as):
    query = {"site": sites["edu"].pk}
    page = _page(admin_as(cast["inspector"]).get(reverse("monitoring:findings"), query))
    assert _shown_sites(page) == {"edu"}
    # a site one does not watch is not a valid choice
    page = _page(admin_as(cast["fin_editor"]).get(reverse("monitoring:findings"), query))
    assert _shown_sites(page) == {"fin"} and "error-message" in page


def test_an_inspector_confirms_and_dismisses_on_the_screen(cast, findings, admin_as):
    client = admin_as(cast["inspector"])
    finding = findings["edu"].get(kind="broken_link")
    url = reverse("monitoring:finding", args=[finding.pk])
    page = _page(client.get(url))
    assert "确认问题" in page and "忽略问题" in page
    response = client.post(reverse("monitoring:confirm", args=[finding.pk]), {"note": "已核实"})
    assert response.status_code == 302 and response["Location"] == url
    finding.refresh_from_db()
    assert finding.status == "confirmed" and finding.reviewed_by == cast["inspector"]
    # a dismissal without a reason is refused in both languages and changes nothing
    response = client.post(reverse("monitoring:dismiss", args=[finding.pk]), {"reason": " "})
    assert response.status_code == 400
    assert "忽略问题必须填写理由 / A reason is required" in _page(response)
    finding.refresh_from_db()
    assert finding.status == "confirmed"
    client.post(
        reverse("monitoring:dismiss", args=[finding.pk]), {"reason": "外部链接，非本站问题"}
    )
    finding.refresh_from_db()
    assert finding.status == "dismissed" and finding.dismissal_reason == "外部链接，非本站问题"


@pytest.mark.parametrize("who", ["sponsor_admin", "sponsor_editor", "vendor_engineer"])
def test_the_site_side_sees_but_does_not_review(cast, findings, admin_as, who):
    client = admin_as(cast[who])
    finding = findings["edu"].first()
    page = _page(client.get(reverse("monitoring:finding", args=[finding.pk])))
    assert "确认问题" not in page
    response = client.post(reverse("monitoring:dismiss", args=[finding.pk]), {"reason": "不是问题"})
    assert _turned_home(response)
    finding.refresh_from_db()
    assert finding.status == "open"


def test_the_site_page_has_the_trend_chart_and_speaks_chinese(cast, sites, store, admin_as):
    site = sites["fin"]
    store(
        site, [broken(site.url, 1), word(site.url, "环保部")], started="2026-11-19T08:00:00+08:00"
    )
    store(site, [broken(site.url, 1)], started="2026-11-20T08:00:00+08:00")
    page = _page(admin_as(cast["inspector"]).get(reverse("monitoring:site", args=[site.pk])))
    for text in (
        "每次巡检发现的问题",
        "错敏词",
        "链接不可用",
        "已整改",
        "立即巡检",
        "首页监测记录",
    ):
        assert text in page, text
    assert '<script src="/static/vendor/echarts.min.js">' in page
    trend = _json_script(page, "trend-data")
    assert trend["labels"] == ["11-19 08:00", "11-20 08:00"]
    assert {"name": "链接不可用", "data": [1, 1]} in trend["series"]
    assert {"name": "错敏词", "data": [1, 0]} in trend["series"]


def test_probe_history_shows_the_weekly_rate_against_the_veto_line(cast, sites, admin_as):
    site = sites["fin"]
    monday = timezone.localdate() - datetime.timedelta(days=timezone.localdate().weekday())
    start = timezone.make_aware(datetime.datetime.combine(monday, datetime.time(0, 10)))
    for i in range(20):
        ok = i not in (3, 11)  # 2 of 20: 10 %
        result = EngineProbe(site.url, ok, 200 if ok else None, None if ok else "timeout", 0.2, "")
        services.record_probe(site, result, actor=None, time=start + datetime.timedelta(minutes=i))
    page = _page(admin_as(cast["fin_editor"]).get(reverse("monitoring:probes", args=[site.pk])))
    assert "10.00%" in page and "达到否决线" in page and "超过（含）15 秒" in page
    chart = _json_script(page, "weekly-data")
    assert chart["line"] == 5.0 and chart["rates"][-1] == 10.0 and len(chart["labels"]) == 12
    assert ProbeResult.objects.filter(site=site).count() == 20


def test_the_overview_lists_watched_sites_with_this_weeks_rate(cast, sites, findings, admin_as):
    site = sites["fin"]
    for ok in (True, False, True, True):
        services.record_probe(site, EngineProbe(site.url, ok, 200, None, 0.1, ""), actor=None)
    page = _page(admin_as(cast["fin_editor"]).get(reverse("monitoring:overview")))
    assert "浙江省财政厅网站" in page and "浙江省教育厅网站" not in page
    for text in ("共监测 1 个网站", "待处理问题", "本周失败率", "25.00%", "达到否决线"):
        assert text in page, text


def test_a_patrol_can_be_asked_for_by_the_site_admin(
    cast, sites, admin_as, django_capture_on_commit_callbacks
):
    site = site_services.update_site(sites["edu"], actor=None, home_url="http://127.0.0.1:9/")
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_as(cast["sponsor_admin"]).post(
            reverse("monitoring:request_patrol", args=[site.pk])
        )
    assert response.status_code == 302
    run = PatrolRun.objects.get(site=site)
    assert run.requested_by == cast["sponsor_admin"] and run.status == "unreachable"
    assert AuditRecord.objects.filter(action="monitoring.patrol.request").count() == 1
    response = admin_as(cast["sponsor_editor"]).post(
        reverse("monitoring:request_patrol", args=[site.pk])
    )
    assert _turned_home(response) and PatrolRun.objects.count() == 1


def test_a_kept_page_is_served_as_plain_text_in_a_sandbox(cast, sites, store, admin_as):
    from govsite.monitoring.models import Evidence, PageSnapshot

    site = sites["fin"]
    run = store(site, [word(site.url, "环保部")])
    snap = PageSnapshot.objects.create(
        site=site,
        url=site.url,
        sha256="0" * 64,
        size=10,
        body_z=__import__("zlib").compress("<script>alert(1)</script>环保部".encode()),
        fetched_at=timezone.now(),
    )
    Evidence.objects.filter(run=run).update(snapshot=snap)
    response = admin_as(cast["fin_editor"]).get(reverse("monitoring:snapshot", args=[snap.pk]))
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert "sandbox" in response["Content-Security-Policy"]
    assert "环保部" in response.content.decode()
    other = admin_as(cast["sponsor_editor"]).get(reverse("monitoring:snapshot", args=[snap.pk]))
    assert other.status_code == 404


@pytest.mark.parametrize(
    "name", ["monitoring:overview", "monitoring:findings", "monitoring:alerts"]
)
def test_list_pages_make_a_steady_number_of_queries(
    cast, sites, store, admin_as, django_assert_max_num_queries, name
):
    client = admin_as(cast["fin_editor"])
    site = sites["fin"]
    store(site, [broken(site.url, 1), word(site.url, "国土资源部")])  # a finding, an alert
    client.get(reverse(name))  # warm up: session, grants, menu
    with django_assert_max_num_queries(20) as few:
        client.get(reverse(name))
    store(site, [broken(site.url, n) for n in range(40)] + [word(site.url, "环保部")])
    for other in ("portal", "edu"):
        store(sites[other], [broken(sites[other].url, n) for n in range(10)])
    with django_assert_max_num_queries(20) as many:
        assert client.get(reverse(name)).status_code == 200
    assert len(many) == len(few)


@pytest.mark.parametrize("name", ["monitoring:site", "monitoring:probes"])
def test_site_pages_make_a_steady_number_of_queries(
    cast, sites, store, admin_as, django_assert_max_num_queries, name
):
    client = admin_as(cast["inspector"])
    site = sites["fin"]

    def patrol_and_probe(day: int):
        started = f"2026-11-{10 + day}T08:00:00+08:00"
        store(site, [broken(site.url, n) for n in range(day * 3 + 1)], started=started)
        result = EngineProbe(site.url, day % 2 == 0, 200, None, 0.1, "")
        services.record_probe(site, result, actor=None)

    patrol_and_probe(0)
    client.get(reverse(name, args=[site.pk]))  # warm up
    with django_assert_max_num_queries(25) as few:
        client.get(reverse(name, args=[site.pk]))
    for day in range(1, 10):
        patrol_and_probe(day)
    with django_assert_max_num_queries(25) as many:
        assert client.get(reverse(name, args=[site.pk])).status_code == 200
    assert len(many) == len(few)


def test_chinese_catalogue_is_complete():
    """Every string of the monitoring screens has its Chinese translation (none empty or fuzzy)."""
    from pathlib import Path

    from babel.messages.pofile import read_po

    po = Path(__file__).parents[1] / "locale" / "zh_Hans" / "LC_MESSAGES" / "django.po"
    with po.open("rb") as f:
        catalog = read_po(f)
    untranslated = [m.id for m in catalog if m.id and (not m.string or m.fuzzy)]
    assert untranslated == []
    assert catalog.get("Monitoring").string == "监测"
