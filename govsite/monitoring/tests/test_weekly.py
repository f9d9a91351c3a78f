"""The weekly failure rate against the 5 % veto line (official-rules.md 1.3 item 2), and the
fingerprint that makes the same problem one finding."""

import datetime
from zoneinfo import ZoneInfo

import pytest

from govsite.monitoring.fingerprint import fingerprint
from govsite.monitoring.weekly import ProbeSample, weekly_failure_rates

CN = ZoneInfo("Asia/Shanghai")
TODAY = datetime.date(2026, 11, 22)  # a Sunday
MONDAY = datetime.date(2026, 11, 16)


def week_of_probes(failures: int, per_day: int = 20, days: int = 7) -> list[ProbeSample]:
    out, n = [], 0
    for d in range(days):
        for i in range(per_day):
            t = datetime.datetime.combine(MONDAY + datetime.timedelta(days=d), datetime.time())
            t = t.replace(tzinfo=CN) + datetime.timedelta(minutes=72 * i)
            out.append(ProbeSample(t, ok=n >= failures))
            n += 1
    return out


@pytest.mark.parametrize(("failures", "vetoed"), [(0, False), (6, False), (7, True), (20, True)])
def test_a_week_is_vetoed_when_failures_reach_five_percent(failures, vetoed):
    week = weekly_failure_rates(week_of_probes(failures), tz=CN, today=TODAY, weeks=1)[0]
    assert (week.probes, week.failures, week.vetoed) == (140, failures, vetoed)
    assert week.short_days == 0 and week.week_start == MONDAY


def test_exactly_five_percent_is_compared_exactly():
    samples = week_of_probes(1, per_day=20, days=1)  # 1 of 20
    week = weekly_failure_rates(samples, tz=CN, today=MONDAY, weeks=1)[0]
    assert week.rate == 0.05 and week.vetoed and week.percent == "5.00%"


def test_days_with_fewer_than_twenty_probes_are_counted():
    week = weekly_failure_rates(week_of_probes(0, per_day=19), tz=CN, today=TODAY, weeks=1)[0]
    assert week.short_days == 7
    midweek = weekly_failure_rates(week_of_probes(0, days=3), tz=CN, today=MONDAY + datetime.timedelta(days=3), weeks=1)[0]  # fmt: skip
    assert midweek.short_days == 1  # Thursday so far, not the days still to come


def test_weeks_run_monday_to_sunday_in_china_time():
    sunday_night = datetime.datetime(2026, 11, 22, 23, 30, tzinfo=CN)
    monday_early = datetime.datetime(2026, 11, 23, 0, 30, tzinfo=CN)
    samples = [
        ProbeSample(sunday_night.astimezone(datetime.UTC), False),
        ProbeSample(monday_early.astimezone(datetime.UTC), True),
    ]
    this, last = weekly_failure_rates(samples, tz=CN, today=datetime.date(2026, 11, 23), weeks=2)
    assert (this.week_start, this.probes, this.failures) == (datetime.date(2026, 11, 23), 1, 0)
    assert (last.week_start, last.probes, last.failures) == (MONDAY, 1, 1)


def test_an_empty_week_has_no_rate_and_no_veto():
    week = weekly_failure_rates([], tz=CN, today=TODAY, weeks=3)[2]
    assert week.rate is None and not week.vetoed and week.percent == "—"


def finding(**kw):
    base = {
        "kind": "sensitive_word",
        "url": "http://127.0.0.1:8101/news/a1.html",
        "detail": {"term": "环保部", "category": "过时机构名称", "context": "原环保部文件"},
    }
    return {**base, **kw}


def test_a_finding_keeps_its_fingerprint_when_only_its_description_changes():
    same = finding(detail={"term": "环保部", "category": "过时机构名称", "context": "另一段话"})
    assert fingerprint(same) == fingerprint(finding())
    link = {"kind": "broken_link", "url": "http://a/", "target": "http://a/x", "detail": {"status": 404}}  # fmt: skip
    assert fingerprint(link) == fingerprint({**link, "detail": {"status": 500, "error": "reset"}})
    stale = {"kind": "stale_column", "url": "http://a/news/", "detail": {"column": "工作动态", "days": 20}}  # fmt: skip
    assert fingerprint(stale) == fingerprint(
        {**stale, "detail": {"column": "工作动态", "days": 21}}
    )


def test_a_different_problem_has_a_different_fingerprint():
    assert fingerprint(finding(detail={"term": "国土资源部"})) != fingerprint(finding())
    assert fingerprint(finding(url="http://127.0.0.1:8101/news/a2.html")) != fingerprint(finding())
    link = {"kind": "broken_link", "url": "http://a/", "target": "http://a/x", "detail": {}}
    assert fingerprint(link) != fingerprint({**link, "target": "http://a/y"})
    assert len(fingerprint(link)) == 64
