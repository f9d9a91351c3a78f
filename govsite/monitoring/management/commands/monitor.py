"""``govsite monitor``: queue due probes and patrols now and then (cron-like), or run one."""

import time

from django.core.management.base import BaseCommand, CommandError

from govsite.monitoring import tasks
from govsite.sites.models import Site


class Command(BaseCommand):
    help = (
        "Queue due probes and patrols every minute (a worker runs them) / "
        "定时排入到期的首页监测与巡检任务（由后台任务进程执行）"
    )

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="queue what is due, then exit")
        parser.add_argument(
            "--every", type=float, default=60.0, help="seconds between two looks (default 60)"
        )
        parser.add_argument("--probe", type=int, metavar="SITE_ID", help="probe one site now")
        parser.add_argument("--patrol", type=int, metavar="SITE_ID", help="patrol one site now")

    def handle(self, *args, once, every, probe, patrol, **options):
        if probe or patrol:
            self._run_now(probe, patrol)
            return
        while True:
            done = tasks.schedule_due.call()
            self.stdout.write(
                f"已排入首页监测 {done['probes']} 个、巡检 {done['patrols']} 个 / "
                f"queued {done['probes']} probes, {done['patrols']} patrols"
            )
            if once:
                return
            time.sleep(max(1.0, every))

    def _run_now(self, probe, patrol):
        for site_id in filter(None, (probe, patrol)):
            if not Site.objects.open().filter(pk=site_id).exists():
                raise CommandError(f"没有运行中的网站 {site_id} / no open site {site_id}")
        if probe:
            self.stdout.write(f"{tasks.probe_site.call(probe)}")
        if patrol:
            self.stdout.write(f"{tasks.patrol_site.call(patrol)}")
