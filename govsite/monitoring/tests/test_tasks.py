"""Probes and patrols of a real local site, run as tasks through the ImmediateBackend: what is
stored, deduplication across runs, fixed and dismissed findings, alerts, evidence."""

import pytest
from django.core import mail
from django_tasks import TaskResultStatus

from govsite.core.models import AuditRecord
from govsite.monitoring import services, tasks
from govsite.monitoring.models import Alert, Evidence, Finding, PatrolRun, ProbeResult
from govsite.sites import services as site_services

pytestmark = pytest.mark.django_db

CLOSED = "http://127.0.0.1:9/"  # the discard port: nothing listens, the connection is refused


def patrol(site):
    result = tasks.patrol_site.enqueue(site.pk)
    assert result.status == TaskResultStatus.SUCCESSFUL, result.errors
    return PatrolRun.objects.filter(site=site).order_by("-pk").first()


def probe(site):
    result = tasks.probe_site.enqueue(site.pk)
    assert result.status == TaskResultStatus.SUCCESSFUL, result.errors
    return ProbeResult.objects.filter(site=site).order_by("-pk").first()


def by_kind(site) -> dict[str, list[Finding]]:
    out: dict[str, list[Finding]] = {}
    for f in Finding.objects.filter(site=site).order_by("pk"):
        out.setdefault(f.kind, []).append(f)
    return out


def test_a_patrol_stores_its_run_findings_and_evidence(watched, tiny_site):
    run = patrol(watched)
    assert run.status == PatrolRun.Status.DONE
    assert run.stats["pages"] >= 4 and run.finished >= run.started
    found = by_kind(watched)
    assert [f.target for f in found["broken_link"]] == [tiny_site.base + "/missing.html"]
    assert {f.detail["term"] for f in found["sensitive_word"]} == {"国家工商总局", "环境保护部"}
    assert [f.detail["masked"] for f in found["privacy_leak"]] == ["138****5678"]
    assert run.findings_total == Finding.objects.filter(site=watched).count() == run.new_findings
    assert run.document()["findings"] and run.document()["site"] == tiny_site.url
    assert AuditRecord.objects.filter(action="monitoring.patrol_run.record").count() == 1


def test_evidence_keeps_pages_but_never_one_with_personal_data(watched, tiny_site):
    patrol(watched)
    clean = Evidence.objects.get(finding__detail__term="国家工商总局")
    assert clean.excerpt and "国家工商总局" in clean.snapshot.body().decode()
    leak = Evidence.objects.get(finding__kind="privacy_leak")
    assert leak.excerpt == "138****5678" and leak.snapshot is None
    # the other finding on the page with the phone number keeps no page either
    assert Evidence.objects.get(finding__detail__term="环境保护部").snapshot is None
    stored = b"".join(e.snapshot.body() for e in Evidence.objects.exclude(snapshot=None))
    assert b"13812345678" not in stored
    assert b"13812345678" not in bytes(PatrolRun.objects.get().document_z or b"")


def test_a_second_patrol_sees_the_same_findings_again(watched, tiny_site):
    first = patrol(watched)
    ids = set(Finding.objects.values_list("pk", flat=True))
    second = patrol(watched)
    assert set(Finding.objects.values_list("pk", flat=True)) == ids
    assert set(Finding.objects.values_list("times_seen", flat=True)) == {2}
    assert second.new_findings == 0 and second.fixed_findings == 0
    finding = Finding.objects.first()
    assert finding.first_run == first and finding.last_run == second
    assert finding.first_seen <= finding.last_seen


def test_a_problem_no_longer_seen_is_fixed_and_comes_back_open(watched, tiny_site):
    patrol(watched)
    open_before = Finding.objects.filter(status=Finding.Status.OPEN).count()
    tiny_site.pages["/news/a1.html"] = tiny_site.pages["/news/a1.html"].replace(
        "国家工商总局", "国家市场监督管理总局"
    )
    run = patrol(watched)
    word = Finding.objects.get(detail__term="国家工商总局")
    assert word.status == Finding.Status.FIXED and word.fixed_at == run.started
    assert run.fixed_findings == 1
    assert Finding.objects.filter(status=Finding.Status.OPEN).count() == open_before - 1
    # the word is written again: the same finding reopens
    tiny_site.pages["/news/a1.html"] = tiny_site.pages["/news/a1.html"].replace(
        "国家市场监督管理总局", "国家工商总局"
    )
    patrol(watched)
    word.refresh_from_db()
    assert word.status == Finding.Status.OPEN and word.times_seen == 2 and word.fixed_at is None


def test_a_dismissed_finding_stays_dismissed(watched, tiny_site, cast):
    patrol(watched)
    link = Finding.objects.get(kind="broken_link")
    services.dismiss_finding(link, actor=cast["inspector"], reason="链接指向办事大厅，已核实可访问")
    patrol(watched)
    link.refresh_from_db()
    assert link.status == Finding.Status.DISMISSED and link.times_seen == 2
    assert link.dismissal_reason == "链接指向办事大厅，已核实可访问"
    # gone and back again, it is still dismissed
    tiny_site.pages["/missing.html"] = tiny_site.pages["/news/"]
    patrol(watched)
    del tiny_site.pages["/missing.html"]
    patrol(watched)
    link.refresh_from_db()
    assert link.status == Finding.Status.DISMISSED and link.times_seen == 3


def test_a_patrol_that_cannot_reach_the_homepage_fixes_nothing(watched, tiny_site):
    patrol(watched)
    site_services.update_site(watched, actor=None, home_url=CLOSED)
    run = patrol(watched)
    assert run.status == PatrolRun.Status.UNREACHABLE
    down = Finding.objects.get(kind="site_unreachable")
    assert not Finding.objects.filter(status=Finding.Status.FIXED).exists()
    site_services.update_site(watched, actor=None, home_url=tiny_site.url)
    patrol(watched)
    down.refresh_from_db()
    assert down.status == Finding.Status.FIXED


def test_serious_findings_raise_one_alert_per_run_that_brings_them(
    watched, tiny_site, cast, django_capture_on_commit_callbacks
):
    cast["inspector"].email = "inspector@zj.gov.cn"
    cast["inspector"].save()
    with django_capture_on_commit_callbacks(execute=True):
        patrol(watched)
    alert = Alert.objects.get()
    assert alert.kind == Alert.Kind.SERIOUS_FINDINGS
    assert alert.detail["kinds"] == {"sensitive_word": 2, "privacy_leak": 1}
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["inspector@zj.gov.cn"]
    assert "浙江省财政厅网站" in mail.outbox[0].subject
    with django_capture_on_commit_callbacks(execute=True):
        patrol(watched)
    assert Alert.objects.count() == 1 and len(mail.outbox) == 1


def test_a_probe_of_an_open_homepage(watched, tiny_site):
    row = probe(watched)
    assert row.ok and row.status == 200 and row.url == tiny_site.url and row.error == ""
    assert 0 <= row.seconds < 15


def test_three_failed_probes_in_a_row_raise_one_alert_until_it_answers(
    watched, tiny_site, cast, django_capture_on_commit_callbacks
):
    cast["inspector"].email = "inspector@zj.gov.cn"
    cast["inspector"].save()
    cast["fin_editor"].email = "editor@czt.zj.gov.cn"  # an editor receives no alerts
    cast["fin_editor"].save()
    site_services.update_site(watched, actor=None, home_url=CLOSED)
    with django_capture_on_commit_callbacks(execute=True):
        for _ in range(2):
            assert not probe(watched).ok
        assert not Alert.objects.exists()
        probe(watched)
        probe(watched)
    alert = Alert.objects.get()
    assert alert.kind == Alert.Kind.SITE_DOWN and alert.resolved_at is None
    assert [m.to for m in mail.outbox] == [["inspector@zj.gov.cn"]]
    assert ProbeResult.objects.filter(site=watched, ok=False).count() == 4
    site_services.update_site(watched, actor=None, home_url=tiny_site.url)
    assert probe(watched).ok
    alert.refresh_from_db()
    assert alert.resolved_at is not None
    site_services.update_site(watched, actor=None, home_url=CLOSED)
    for _ in range(3):
        probe(watched)
    assert Alert.objects.filter(kind=Alert.Kind.SITE_DOWN).count() == 2


def test_a_retried_slot_is_not_probed_or_patrolled_twice(watched, tiny_site):
    slot = "2026-11-21T08:00:00+08:00"
    tasks.probe_sites.enqueue([watched.pk], [slot])
    tasks.probe_sites.enqueue([watched.pk], [slot])
    assert ProbeResult.objects.filter(site=watched).count() == 1
    tasks.patrol_site.enqueue(watched.pk, slot=slot)
    hits = tiny_site.hits
    tasks.patrol_site.enqueue(watched.pk, slot=slot)
    assert PatrolRun.objects.filter(site=watched).count() == 1 and tiny_site.hits == hits


def test_a_closed_site_is_neither_probed_nor_patrolled(watched, tiny_site):
    site_services.transition_site(watched, actor=None, to_status="closed", reason="整合")
    assert tasks.probe_site.enqueue(watched.pk).return_value == {"probed": 0, "failed": 0}
    assert "skipped" in tasks.patrol_site.enqueue(watched.pk).return_value
    assert tiny_site.hits == 0


def test_a_patrol_cut_by_its_time_limit_keeps_what_it_saw(watched, tiny_site, settings):
    """A site too big for its time slot still gets a run with the pages read so far."""
    settings.MONITORING_PATROL_SECONDS = 0.0001
    run = patrol(watched)
    assert run.status == PatrolRun.Status.DONE
    assert run.stats["pages"] >= 1 and run.stats["errors"] >= 1
    assert run.document()["site"] == tiny_site.url
