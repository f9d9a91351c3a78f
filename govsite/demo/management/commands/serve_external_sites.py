"""``govsite serve_external_sites``: serve the demo's external sites on 127.0.0.1 until stopped."""

import threading

from django.core.management.base import BaseCommand
from django.utils import timezone

from govsite.demo.external import external_site_codes, serve_all


class Command(BaseCommand):
    help = "Serve the demo's external sites on 127.0.0.1 / 在本机提供演示外部网站"

    def handle(self, *args, **options):
        servers = serve_all(timezone.localdate(), external_site_codes())
        for server in servers:
            host, port = server.server_address[:2]
            self.stdout.write(f"http://{host}:{port}/")
        threading.Event().wait()
