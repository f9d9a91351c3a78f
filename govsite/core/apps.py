from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "govsite.core"
    label = "core"
    verbose_name = _("Platform core")

    def ready(self) -> None:
        from . import receivers  # noqa: F401  (login/logout/failure audit)
