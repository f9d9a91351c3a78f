"""The 监测 menu (overview, findings, alerts) and the monitoring screens' URLs in the admin."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem

from govsite.core import access

from . import urls
from .access import VIEW


class WatcherMenuItem(MenuItem):
    def is_shown(self, request):
        return bool(access.grants_with(request.user, VIEW))


class WatcherSubmenu(SubmenuMenuItem):
    def is_shown(self, request):
        return bool(access.grants_with(request.user, VIEW))


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("monitoring/", include(urls))]


def _items():
    return [
        WatcherMenuItem(_("Sites under watch"), reverse("monitoring:overview"), name="monitoring-overview", icon_name="site", order=10),
        WatcherMenuItem(_("Findings"), reverse("monitoring:findings"), name="monitoring-findings", icon_name="warning", order=20),
        WatcherMenuItem(_("Alerts"), reverse("monitoring:alerts"), name="monitoring-alerts", icon_name="warning", order=30),
    ]  # fmt: skip


@hooks.register("register_admin_menu_item")
def register_monitoring_menu():
    return WatcherSubmenu(
        _("Monitoring"), Menu(items=_items()), name="monitoring", icon_name="view", order=160
    )
