from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SitesConfig(AppConfig):
    name = "govsite.sites"
    label = "sites"
    verbose_name = _("Site registry")

    def ready(self) -> None:
        from govsite.core import scopes

        from .models import Column, Site

        scopes.register(
            "site",
            Site.chain_for_id,
            Site.label_for_id,
            options=lambda: list(Site.objects.values_list("pk", "name")),
        )
        scopes.register(
            "column",
            Column.chain_for_id,
            Column.label_for_id,
            options=lambda: [(c.pk, str(c)) for c in Column.objects.select_related("site")],
        )
