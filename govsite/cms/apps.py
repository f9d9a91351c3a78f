"""cms: Wagtail page models, themes, review workflows, quality gate, static publishing.

May import: core, sites, textcheck.
Entry points: ``services`` (site homes, column pages, articles), ``permissions``
(role grants → Wagtail groups), ``sync`` (registry ↔ Wagtail receivers), page ``models``.
"""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    name = "govsite.cms"
    label = "cms"
    verbose_name = _("Content management")

    def ready(self) -> None:
        from . import explorer, logmirror, sync

        sync.connect()
        logmirror.connect()
        explorer.install()
