"""``govsite audit verify``: check the audit chain and name every broken record."""

import sys

from django.core.management.base import BaseCommand

from govsite.core import audit


class Command(BaseCommand):
    help = "Audit trail tools / 审计记录工具: verify"

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        sub.add_parser("verify", help="verify the SM3 hash chain / 校验审计记录哈希链")

    def handle(self, *args, **options):
        breaks = audit.verify()
        total = audit.AuditRecord.objects.count()
        if not breaks:
            self.stdout.write(f"审计链完整：{total} 条记录 / audit chain intact: {total} records")
            return
        self.stdout.write(
            f"审计链被破坏：{len(breaks)} 处 / audit chain broken in {len(breaks)} places"
        )
        for b in breaks:
            self.stdout.write("  " + b.describe())
        sys.exit(1)
