"""What a site sets about itself for its footer; registry facts stay in the registry."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="site")
class SiteIdentitySettings(BaseSiteSetting):
    """Contact details and identity links of one site's footer (official-rules.md §2.3).

    The sponsor, site code, ICP and police record numbers are read from the registry site,
    the single source of truth, and are not repeated here.
    """

    undertaker = models.CharField(_("undertaking organisation"), max_length=128, blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=64, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_address = models.CharField(_("address"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=6, blank=True)
    party_gov_badge_url = models.URLField(
        _("party and government website badge link"),
        blank=True,
        help_text=_("The certificate page of the 党政机关网站标识 issued to this site."),
    )
    error_report_url = models.URLField(
        _("error report link"),
        max_length=300,
        blank=True,
        help_text=_("Empty: the national 我为政府网站找错 platform, with this site's code."),
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("undertaker"),
                FieldPanel("contact_phone"),
                FieldPanel("contact_email"),
                FieldPanel("contact_address"),
                FieldPanel("postcode"),
            ],
            heading=_("Contact"),
        ),
        MultiFieldPanel(
            [FieldPanel("party_gov_badge_url"), FieldPanel("error_report_url")],
            heading=_("Identity links"),
        ),
    ]

    class Meta:
        verbose_name = _("site identity")
        verbose_name_plural = _("site identities")
