"""The auditor's screens: search, filters, pages, detail, CSV export; nobody else gets in."""

import csv
import datetime as dt
import io

import pytest
import time_machine
from django.test import Client

from govsite.core import audit
from govsite.core.models import AuditRecord

from .helpers_security import sign_in_verified

pytestmark = pytest.mark.django_db
LIST, EXPORT = "/audit/", "/audit/export/"


@pytest.fixture
def auditor_client(cast):
    client = Client()
    sign_in_verified(client, cast["auditor"])
    return client


def _actions(action):
    return AuditRecord.objects.filter(action=action)


def test_list_shows_newest_first_and_records_the_query(auditor_client):
    response = auditor_client.get(LIST)
    assert response.status_code == 200
    records = list(response.context["page"].object_list)
    assert [r.seq for r in records] == sorted((r.seq for r in records), reverse=True)
    assert "core.role.grant" in response.content.decode()
    query = _actions("core.audit.query").get()
    assert query.actor_name == "auditor"
    assert query.changes["page"] == 1


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"q": "Mallory"}, {"core.test.forged_login"}),
        ({"q": "10.9.8"}, {"core.test.forged_login"}),
        ({"q": "审计样本单位"}, {"core.test.sample"}),
        ({"action": "core.test."}, {"core.test.forged_login", "core.test.sample"}),
        ({"action": "core.test.", "outcome": "failure"}, {"core.test.forged_login"}),
    ],
)
def test_search_and_filters(auditor_client, province, params, expected):
    audit.record(
        "core.test.forged_login", None, actor_name="mallory", outcome="failure", ip="10.9.8.7"
    )
    audit.record("core.test.sample", province["fin"], changes={"note": "审计样本单位"})
    province["fin"].name = "审计样本单位"
    audit.record("core.test.sample", province["fin"])
    response = auditor_client.get(LIST, params)
    assert response.status_code == 200
    assert {r.action for r in response.context["page"].object_list} == expected


def test_date_range_uses_local_days(auditor_client):
    with time_machine.travel(dt.datetime(2026, 1, 10, 23, 30, tzinfo=dt.UTC), tick=False):
        audit.record("core.test.dated", None, actor_name="x")  # 2026-01-11 07:30 in Beijing
    page = auditor_client.get(LIST, {"date_from": "2026-01-11", "date_to": "2026-01-11"})
    assert [r.action for r in page.context["page"].object_list] == ["core.test.dated"]
    page = auditor_client.get(LIST, {"date_from": "2026-01-10", "date_to": "2026-01-10"})
    assert list(page.context["page"].object_list) == []


def test_bad_date_range_is_explained(auditor_client):
    response = auditor_client.get(LIST, {"date_from": "2026-02-01", "date_to": "2026-01-01"})
    assert response.status_code == 200
    assert "开始日期晚于结束日期" in response.content.decode()


def test_pages_of_fifty(auditor_client, django_assert_max_num_queries):
    for i in range(120):
        audit.record("core.test.bulk", None, actor_name=f"u{i}")
    with django_assert_max_num_queries(25):
        first = auditor_client.get(LIST, {"action": "core.test.bulk"})
    assert len(first.context["page"].object_list) == 50
    third = auditor_client.get(LIST, {"action": "core.test.bulk", "page": 3})
    assert len(third.context["page"].object_list) == 20
    assert "page=2" in third.content.decode() and "action=core.test.bulk" in third.content.decode()


def test_detail_shows_the_record_and_its_integrity(auditor_client):
    rec = audit.record("core.test.detail", None, actor_name="张三", changes={"字段": "值"})
    response = auditor_client.get(f"{LIST}{rec.seq}/")
    assert response.status_code == 200
    text = response.content.decode()
    assert "张三" in text and rec.hash in text and "字段" in text
    assert response.context["intact"] is True
    assert _actions("core.audit.query").filter(object_id=str(rec.pk)).exists()
    assert auditor_client.get(f"{LIST}999999/").status_code == 404


def test_export_is_utf8_with_bom_and_audited(auditor_client):
    audit.record("core.test.export", None, actor_name="李四", changes={"说明": "中文"})
    audit.record("core.test.export", None, actor_name='=HYPERLINK("http://evil")')
    response = auditor_client.get(EXPORT, {"action": "core.test.export"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    body = b"".join(response.streaming_content)
    assert body.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
    assert rows[0][0].startswith("序号")
    assert {r[2] for r in rows[1:]} == {"李四", '\'=HYPERLINK("http://evil")'}  # no formula
    assert "中文" in body.decode("utf-8-sig")
    export = _actions("core.audit.export").get()
    assert export.actor_name == "auditor"
    assert export.changes == {"filters": {"action": "core.test.export"}, "count": 2}


@pytest.mark.parametrize(
    "who",
    [
        "platform_admin",
        "security_admin",
        "sponsor_admin",
        "sponsor_editor",
        "inspector",
        "vendor_engineer",
        "citizen",
    ],
)
@pytest.mark.parametrize("url", [LIST, EXPORT, f"{LIST}1/"])
def test_everyone_but_the_auditor_is_refused(cast, settings, who, url):
    settings.CORE_REQUIRE_TOTP = False
    client = Client()
    client.force_login(cast[who])
    response = client.get(url)
    assert response.status_code == 403
    assert "您没有权限" in response.content.decode()
    denied = _actions("core.access.denied").get()
    assert denied.actor_name == who and denied.outcome == "failure"
    assert not _actions("core.audit.query").exists()
    assert not _actions("core.audit.export").exists()


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
@pytest.mark.parametrize("url", [LIST, EXPORT, f"{LIST}1/"])
def test_nothing_on_the_screens_writes(auditor_client, method, url):
    before = list(AuditRecord.objects.values_list("seq", "hash"))
    response = getattr(auditor_client, method)(url)
    assert response.status_code == 405
    assert list(AuditRecord.objects.values_list("seq", "hash")) == before
    assert audit.verify() == []


def test_menu_item_only_for_auditors(cast, auditor_client, settings):
    assert '"/audit/"' in auditor_client.get("/admin/").content.decode()
    settings.CORE_REQUIRE_TOTP = False
    other = Client()
    other.force_login(cast["platform_admin"])
    assert '"/audit/"' not in other.get("/admin/").content.decode()


def test_chinese_catalogue_is_complete():
    """Every string of core's screens has its Chinese translation (none empty or fuzzy)."""
    from pathlib import Path

    from babel.messages.pofile import read_po

    po = Path(__file__).parents[1] / "locale" / "zh_Hans" / "LC_MESSAGES" / "django.po"
    with po.open("rb") as f:
        catalog = read_po(f)
    untranslated = [m.id for m in catalog if m.id and (not m.string or m.fuzzy)]
    assert untranslated == []
    assert catalog.get("Audit trail").string == "审计日志"
