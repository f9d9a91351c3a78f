"""The site registry: sites, their domains, dated status transitions and columns."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from govsite.core.models import Organization, Region
from govsite.core.roles import ScopeType


class SiteQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status=Site.Status.OPEN)

    def on_platform(self):
        return self.filter(on_platform=True)


class Site(models.Model):
    """One government website. On-platform sites are also Wagtail sites (``wagtail_site``)."""

    class Kind(models.TextChoices):
        PORTAL = "portal", _("Government portal")
        DEPARTMENT = "department", _("Department site")

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        OPEN = "open", _("Open")
        MIGRATING = "migrating", _("Migrating")
        CLOSED = "closed", _("Closed")

    name = models.CharField(_("site name"), max_length=128)
    domain = models.CharField(_("main domain"), max_length=255, unique=True)
    site_code = models.CharField(_("site code"), max_length=10, unique=True)
    icp_number = models.CharField(_("ICP number"), max_length=40, blank=True)
    police_record_number = models.CharField(_("police record number"), max_length=40, blank=True)
    sponsor = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="sites", verbose_name=_("sponsor")
    )
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    region = models.ForeignKey(Region, on_delete=models.PROTECT, verbose_name=_("region"))
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.PLANNED
    )
    on_platform = models.BooleanField(_("hosted on the platform"), default=False)
    home_url = models.URLField(_("homepage URL"), max_length=500, blank=True)
    wagtail_site = models.OneToOneField(
        "wagtailcore.Site",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="registry",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = SiteQuerySet.as_manager()

    class Meta:
        ordering = ["site_code"]
        verbose_name = _("site")
        verbose_name_plural = _("sites")

    def __str__(self) -> str:
        return self.name

    @property
    def url(self) -> str:
        return self.home_url or f"http://{self.domain}/"

    def scope_chain(self) -> list[tuple[str, int | None]]:
        return [(ScopeType.SITE.value, self.pk), *self.sponsor.scope_chain()]

    @classmethod
    def chain_for_id(cls, pk: int):
        site = cls.objects.select_related("sponsor").filter(pk=pk).first()
        return site.scope_chain() if site else []

    @classmethod
    def label_for_id(cls, pk: int) -> str | None:
        return cls.objects.filter(pk=pk).values_list("name", flat=True).first()


class SiteDomain(models.Model):
    """Every domain a site answers to, the main one included; unique across the platform."""

    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="domains")
    domain = models.CharField(_("domain"), max_length=255, unique=True)
    is_main = models.BooleanField(_("main domain"), default=False)

    class Meta:
        verbose_name = _("site domain")
        verbose_name_plural = _("site domains")

    def __str__(self) -> str:
        return self.domain


class SiteStatusChange(models.Model):
    """A dated lifecycle transition of a site (official-rules.md §2.4)."""

    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="status_changes")
    from_status = models.CharField(max_length=16, choices=Site.Status.choices, blank=True)
    to_status = models.CharField(max_length=16, choices=Site.Status.choices)
    effective_date = models.DateField(_("effective date"))
    reason = models.CharField(_("reason / approval document"), max_length=300, blank=True)
    successor = models.ForeignKey(
        Site,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("merged into / migrated to"),
    )
    recorded_by = models.ForeignKey(
        "core.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["site", "effective_date", "pk"]
        verbose_name = _("site status change")
        verbose_name_plural = _("site status changes")

    def __str__(self) -> str:
        return f"{self.site}: {self.from_status or '-'} → {self.to_status} ({self.effective_date})"


class ColumnKind(models.TextChoices):
    DYNAMIC = "dynamic", _("Dynamic news")
    NOTICE = "notice", _("Notices")
    POLICY = "policy", _("Policy documents")
    INTERPRETATION = "interpretation", _("Policy interpretation")
    PERSONNEL = "personnel", _("Personnel")
    PLANNING = "planning", _("Planning")
    INTERACTION = "interaction", _("Interaction")
    SERVICE = "service", _("Services")
    TOPIC = "topic", _("Topic")
    OTHER = "other", _("Other")


# Update limits in days by kind (official-rules.md §1.3 item 4): dynamic 2 weeks, notices and
# policies 6 months, personnel and planning 1 year. Kinds absent here have no default limit.
DEFAULT_UPDATE_LIMIT_DAYS = {
    ColumnKind.DYNAMIC: 14,
    ColumnKind.NOTICE: 183,
    ColumnKind.POLICY: 183,
    ColumnKind.PERSONNEL: 365,
    ColumnKind.PLANNING: 365,
}


class ColumnQuerySet(models.QuerySet):
    def for_site(self, site):
        return self.filter(site=site)


class Column(models.Model):
    """A section of a site, with its kind, update limit and responsible organisation."""

    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="columns")
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="children"
    )
    name = models.CharField(_("column name"), max_length=64)
    url = models.CharField(_("URL"), max_length=500)
    kind = models.CharField(_("column kind"), max_length=16, choices=ColumnKind.choices)
    update_limit_days = models.PositiveIntegerField(_("update limit (days)"), null=True, blank=True)
    responsible_org = models.ForeignKey(
        Organization,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="columns",
        verbose_name=_("responsible organisation"),
    )
    page = models.OneToOneField(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="registry_column",
    )
    sort_order = models.PositiveIntegerField(default=0)

    objects = ColumnQuerySet.as_manager()

    class Meta:
        ordering = ["site", "sort_order", "pk"]
        verbose_name = _("column")
        verbose_name_plural = _("columns")
        constraints = [
            models.UniqueConstraint(fields=["site", "url"], name="sites_column_unique_url")
        ]

    def __str__(self) -> str:
        return f"{self.site.name} · {self.name}"

    def ancestor_ids(self) -> list[int]:
        ids, node = [], self
        while node is not None:
            ids.append(node.pk)
            node = node.parent
        return ids

    def scope_chain(self) -> list[tuple[str, int | None]]:
        own = [(ScopeType.COLUMN.value, pk) for pk in self.ancestor_ids()]
        return [*own, *self.site.scope_chain()]

    @classmethod
    def chain_for_id(cls, pk: int):
        col = cls.objects.select_related("site__sponsor", "parent").filter(pk=pk).first()
        return col.scope_chain() if col else []

    @classmethod
    def label_for_id(cls, pk: int) -> str | None:
        col = cls.objects.select_related("site").filter(pk=pk).first()
        return str(col) if col else None
