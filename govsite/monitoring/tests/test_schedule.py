"""schedule_due: every open site probed every 30 minutes and patrolled daily, each slot once,
spread over the interval; ``govsite monitor --once``."""

import datetime

import pytest
import time_machine
from django.core.management import call_command

from govsite.monitoring import tasks
from govsite.monitoring.models import MonitorSchedule, PatrolRun, ProbeResult
from govsite.sites import services as site_services

pytestmark = pytest.mark.django_db
START = datetime.datetime(2026, 11, 21, 8, 0, tzinfo=datetime.UTC)


@pytest.fixture
def all_local(sites, tiny_site, settings):
    """Every cast site answers on 127.0.0.1 (the tiny site, or a closed port)."""
    settings.MONITORING_PATROL_CONCURRENCY = 2
    for key in ("portal", "edu", "fin"):
        site_services.update_site(sites[key], actor=None, home_url=f"{tiny_site.base}/{key}/")
    return sites


def test_probes_every_half_hour_and_patrols_daily(all_local):
    with time_machine.travel(START, tick=False) as clock:
        assert tasks.schedule_due.call() == {"probes": 0, "patrols": 0}
        assert MonitorSchedule.objects.count() == 4
        nexts = sorted(MonitorSchedule.objects.values_list("next_probe_at", flat=True))
        assert nexts[-1] - nexts[0] > datetime.timedelta(minutes=1)  # spread, not all at once
        assert all(START < t <= START + datetime.timedelta(minutes=30) for t in nexts)
        clock.shift(datetime.timedelta(minutes=31))
        assert tasks.schedule_due.call()["probes"] == 4
        assert ProbeResult.objects.count() == 4
        assert tasks.schedule_due.call()["probes"] == 0  # claimed: not queued twice
        clock.shift(datetime.timedelta(minutes=30))
        tasks.schedule_due.call()
        assert ProbeResult.objects.count() == 8
        assert PatrolRun.objects.count() == 0
        clock.shift(datetime.timedelta(days=1))
        done = tasks.schedule_due.call()
        assert done == {"probes": 4, "patrols": 4}
        assert set(PatrolRun.objects.values_list("status", flat=True)) <= {"done", "unreachable"}
    # a day without the scheduler running is not made up for: one probe a site, not 48
    assert ProbeResult.objects.count() == 12


def test_a_site_that_closes_is_no_longer_scheduled(all_local):
    with time_machine.travel(START, tick=False) as clock:
        tasks.schedule_due.call()
        site_services.transition_site(all_local["fin"], actor=None, to_status="closed")
        clock.shift(datetime.timedelta(minutes=31))
        assert tasks.schedule_due.call()["probes"] == 3
        assert not ProbeResult.objects.filter(site=all_local["fin"]).exists()


def test_the_monitor_command_runs_once(all_local, capsys):
    with time_machine.travel(START, tick=False) as clock:
        call_command("monitor", "--once")
        clock.shift(datetime.timedelta(minutes=31))
        call_command("monitor", "--once")
    out = capsys.readouterr().out
    assert "已排入首页监测 4 个" in out and "queued 4 probes" in out
    call_command("monitor", "--probe", str(all_local["fin"].pk))
    assert ProbeResult.objects.filter(site=all_local["fin"]).count() == 2
