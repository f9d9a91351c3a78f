"""``govsite demo``: build (or bring up to date) the demo province and print how to use it."""

import datetime
import sys
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from govsite.demo.builder import build_demo
from govsite.demo.external import external_site_codes, serve_all
from govsite.demo.plan import DEMO_PASSWORD, PROVINCE, USERS, local_alias, officials_tsv, walk
from govsite.monitoring.demo_data import patrol_demo_sites
from govsite.sites.models import Site


class Command(BaseCommand):
    help = "Build the demo province (idempotent) / 生成演示省份（可重复运行）"

    def add_arguments(self, parser):
        parser.add_argument(
            "--scale",
            type=float,
            default=1.0,
            help="articles per column relative to the full demo (default 1.0)",
        )
        parser.add_argument("--today", help="date the demo content is dated against, YYYY-MM-DD")
        parser.add_argument(
            "--credentials",
            action="store_true",
            help="only print the URL and logins / 只打印地址和账号",
        )

        parser.add_argument(
            "--no-patrol",
            action="store_true",
            help="skip the first patrol of the demo sites / 不做首次巡检",
        )

    def handle(self, *args, scale, today, credentials, no_patrol, **options):
        if not credentials:
            day = self._parse_day(today)
            tty = sys.stdout.isatty()
            self.stdout.write("正在生成演示省份 / building the demo province …")
            summary = build_demo(today=day, scale=scale, progress=self._progress(tty))
            if tty:
                self.stdout.write("")
            self.stdout.write(
                f"单位 {summary.organizations} 个，平台内网站 {summary.sites_on_platform} 个，"
                f"外部网站 {summary.sites_external} 个，栏目 {summary.columns} 个，"
                f"信息 {summary.articles} 篇；本次新建 {summary.created} 项。\n"
                f"organisations {summary.organizations}, on-platform sites "
                f"{summary.sites_on_platform}, external sites {summary.sites_external}, columns "
                f"{summary.columns}, articles {summary.articles}; created this run: {summary.created}."
            )
            if not no_patrol:
                self._first_patrol(day)
        self._print_logins()

    @staticmethod
    def _parse_day(value):
        if not value:
            return None
        try:
            return datetime.date.fromisoformat(value)
        except ValueError as exc:
            raise CommandError(
                f"日期格式应为 YYYY-MM-DD / --today must be YYYY-MM-DD: {value}"
            ) from exc

    def _progress(self, tty: bool):
        counter = {"n": 0}

        def report(name: str) -> None:
            counter["n"] += 1
            if tty:
                self.stdout.write(f"\r  [{counter['n']:>2}/22] {name:<30}", ending="")
                self.stdout.flush()

        return report

    def _first_patrol(self, day) -> None:
        """Probe and patrol every demo site that has never been patrolled (idempotent)."""
        names_file = getattr(settings, "MONITORING_NAMES_FILE", None)
        if names_file:
            Path(names_file).parent.mkdir(parents=True, exist_ok=True)
            Path(names_file).write_text(officials_tsv(), encoding="utf-8")
        unpatrolled = Site.objects.open().filter(patrol_runs__isnull=True)
        if not unpatrolled.exists():
            return
        self.stdout.write(
            f"首次巡检 {unpatrolled.count()} 个网站 / first patrol of the demo sites …"
        )
        servers = serve_all(day or timezone.localdate(), external_site_codes())
        try:
            result = patrol_demo_sites(today=day, sites=unpatrolled)
        finally:
            for server in servers:
                server.shutdown()
                server.server_close()
        self.stdout.write(
            f"巡检 {result.runs} 次，发现问题 {result.findings} 个 / {result.runs} patrols, "
            f"{result.findings} findings"
            + (
                f"；无法访问 / unreachable: {', '.join(result.unreachable)}"
                if result.unreachable
                else ""
            )
        )

    def _print_logins(self) -> None:
        w = self.stdout.write
        w("\n演示平台 / demo platform:  http://127.0.0.1:8000/   （省政府门户网站）")
        w("管理后台 / admin:         http://127.0.0.1:8000/admin/")
        w("其他平台内网站 / other on-platform sites (any browser resolves *.localhost):")
        for plan, _parent in walk(PROVINCE):
            if plan.site and plan.site.external_port is None and plan.site.slug != "zj":
                w(f"  http://{local_alias(plan.site.domain)}:8000/   {plan.site.name}")
        w("外部网站（演示自带，仅监测）/ external sites served by the demo:")
        for plan, _parent in walk(PROVINCE):
            if plan.site and plan.site.external_port:
                w(f"  http://127.0.0.1:{plan.site.external_port}/   {plan.site.name}")
        w(f"\n演示账号（密码均为 {DEMO_PASSWORD}）/ demo logins (password {DEMO_PASSWORD}):")
        for username, display, role, _scope, _key in USERS:
            w(f"  {username:<12} {role:<16} {display}")
