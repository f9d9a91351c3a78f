"""/api/v1/ monitoring endpoints: runs and findings per site under the same access rules as the
screens, review by inspectors only, bilingual errors, steady query counts."""

import pytest

from govsite.core.models import AuditRecord
from govsite.monitoring.models import Finding

from .conftest import broken, word

pytestmark = pytest.mark.django_db
API = "/api/v1"


@pytest.fixture
def runs(sites, store):
    out = {}
    for key in ("portal", "edu", "fin"):
        site = sites[key]
        out[key] = store(site, [broken(site.url, 1), word(site.url, "环保部")])
    return out


@pytest.mark.parametrize(
    ("who", "site", "status"),
    [
        ("inspector", "portal", 200),
        ("platform_admin", "fin", 200),
        ("fin_editor", "fin", 200),
        ("fin_editor", "edu", 404),
        ("sponsor_editor", "edu", 200),
        ("sponsor_editor", "portal", 404),
        ("vendor_engineer", "edu", 200),
        ("department_editor", "portal", 404),
        ("auditor", "fin", 404),
    ],
)
def test_runs_and_findings_of_a_site(cast, sites, runs, api_as, who, site, status):
    client = api_as(cast[who])
    pk = sites[site].pk
    for path in (f"/sites/{pk}/patrol-runs/", f"/sites/{pk}/findings/", f"/sites/{pk}/probes/weekly/"):  # fmt: skip
        response = client.get(API + path)
        assert response.status_code == status, path
    if status == 404:
        assert client.get(f"{API}/patrol-runs/{runs[site].pk}/").status_code == 404
        assert response.json()["zh"] == "未找到"
        return
    body = client.get(f"{API}/sites/{pk}/patrol-runs/").json()
    assert body["count"] == 1 and body["items"][0]["findings_total"] == 2
    assert body["items"][0]["kind_counts"] == {"broken_link": 1, "sensitive_word": 1}
    findings = client.get(f"{API}/sites/{pk}/findings/", {"kind": "sensitive_word"}).json()
    assert [f["detail"]["term"] for f in findings["items"]] == ["环保部"]
    document = client.get(f"{API}/patrol-runs/{runs[site].pk}/document/").json()
    assert len(document["findings"]) == 2 and document["today"] == "2026-11-21"


def test_the_platform_wide_list_holds_only_visible_sites(cast, sites, runs, api_as):
    body = api_as(cast["fin_editor"]).get(f"{API}/findings/", {"limit": 200}).json()
    assert {f["site_id"] for f in body["items"]} == {sites["fin"].pk} and body["count"] == 2
    body = api_as(cast["inspector"]).get(f"{API}/findings/", {"status": "open"}).json()
    assert body["count"] == 6
    other = api_as(cast["fin_editor"]).get(f"{API}/findings/", {"site_id": sites["edu"].pk})
    assert other.json()["count"] == 0


def test_an_inspector_reviews_through_the_api(cast, sites, runs, api_as):
    client = api_as(cast["inspector"])
    finding = Finding.objects.get(site=sites["edu"], kind="broken_link")
    response = client.post(
        f"{API}/findings/{finding.pk}/dismiss/", {"reason": "  "}, content_type="application/json"
    )
    assert response.status_code == 400
    assert response.json()["zh"] == "忽略问题必须填写理由" and response.json()["field"] == "reason"
    response = client.post(
        f"{API}/findings/{finding.pk}/dismiss/",
        {"reason": "链接正常"},
        content_type="application/json",
    )
    assert response.status_code == 200 and response.json()["status"] == "dismissed"
    response = client.post(
        f"{API}/findings/{finding.pk}/confirm/", {"note": "复核"}, content_type="application/json"
    )
    assert response.json()["status"] == "confirmed"
    actions = AuditRecord.objects.filter(action__startswith="monitoring.finding.")
    assert list(actions.order_by("seq").values_list("action", flat=True)) == [
        "monitoring.finding.dismiss",
        "monitoring.finding.confirm",
    ]


@pytest.mark.parametrize(("who", "status"), [("sponsor_admin", 403), ("fin_editor", 404)])
def test_the_site_side_may_not_review(cast, sites, runs, api_as, who, status):
    finding = Finding.objects.get(site=sites["edu"], kind="broken_link")
    response = api_as(cast[who]).post(
        f"{API}/findings/{finding.pk}/dismiss/",
        {"reason": "不是问题"},
        content_type="application/json",
    )
    assert response.status_code == status
    finding.refresh_from_db()
    assert finding.status == "open"


def test_anonymous_callers_get_nothing(sites, runs, api_as):
    response = api_as(None).get(f"{API}/findings/")
    assert response.status_code == 401


def test_the_finding_list_makes_a_steady_number_of_queries(
    cast, sites, store, api_as, django_assert_max_num_queries
):
    client = api_as(cast["inspector"])
    store(sites["fin"], [broken(sites["fin"].url, 1)])
    client.get(f"{API}/findings/")
    with django_assert_max_num_queries(8) as few:
        client.get(f"{API}/findings/")
    store(sites["edu"], [broken(sites["edu"].url, n) for n in range(50)])
    with django_assert_max_num_queries(8) as many:
        assert client.get(f"{API}/findings/", {"limit": 100}).json()["count"] == 51
    assert len(many) == len(few)
