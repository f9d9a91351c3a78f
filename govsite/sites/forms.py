"""Forms of the registry screens. They parse input only; the services validate and write."""

from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.widgets import AdminDateInput

from govsite.core import access as core_access
from govsite.core.errors import GovsiteValidationError
from govsite.core.models import Region

from . import access
from .filters import filter_sites
from .models import DEFAULT_UPDATE_LIMIT_DAYS, Column, ColumnKind, Site
from .services import TRANSITIONS


def add_service_error(form: forms.Form, exc: GovsiteValidationError, field_map=None) -> None:
    """Show a service's bilingual error on the form field it names, or above the form."""
    field = (field_map or {}).get(exc.field, exc.field)
    form.add_error(field if field in form.fields else None, exc.message)


def _blank(label):
    return [("", label)]


class SiteFilterForm(forms.Form):
    """The filters of the site list: region (with its sub-regions), status, kind, hosting, text."""

    HOSTING = {"on": True, "off": False}

    region = forms.ModelChoiceField(
        queryset=Region.objects.none(),
        required=False,
        label=_("Region"),
        empty_label=_("All regions"),
    )
    status = forms.ChoiceField(
        choices=_blank(_("All statuses")) + Site.Status.choices, required=False, label=_("Status")
    )
    kind = forms.ChoiceField(
        choices=_blank(_("All kinds")) + Site.Kind.choices, required=False, label=_("Kind")
    )
    hosting = forms.ChoiceField(
        choices=[
            ("", _("On and off the platform")),
            ("on", _("On the platform")),
            ("off", _("External")),
        ],
        required=False,
        label=_("Hosting"),
    )
    q = forms.CharField(required=False, max_length=100, label=_("Search"))

    def __init__(self, *args, sites, **kwargs):
        super().__init__(*args, **kwargs)
        ids = sites.values("region_id")
        self.fields["region"].queryset = (
            Region.objects.filter(
                Q(pk__in=ids) | Q(children__in=ids) | Q(children__children__in=ids)
            )
            .distinct()
            .order_by("code")
        )

    def filter(self, sites):
        data = self.cleaned_data
        return filter_sites(
            sites,
            region=data["region"],
            status=data["status"],
            kind=data["kind"],
            on_platform=self.HOSTING.get(data["hosting"]),
            q=data["q"],
        )


class SiteCreateForm(forms.Form):
    name = forms.CharField(max_length=128, label=_("Site name"))
    domain = forms.CharField(max_length=255, label=_("Main domain"))
    aliases = forms.CharField(
        required=False,
        label=_("Alias domains"),
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("One per line."),
    )
    site_code = forms.CharField(
        max_length=32,
        label=_("Site code"),
        help_text=_("6-digit division code and 4 digits, or 'bm' and 8 digits."),
    )
    sponsor = forms.ModelChoiceField(queryset=None, label=_("Sponsor"))
    kind = forms.ChoiceField(choices=Site.Kind.choices, label=_("Kind"))
    region = forms.CharField(
        required=False,
        max_length=6,
        label=_("Division code"),
        help_text=_("Leave empty to use the sponsor's region."),
    )
    icp_number = forms.CharField(required=False, max_length=40, label=_("ICP number"))
    police_record_number = forms.CharField(
        required=False, max_length=40, label=_("Police record number")
    )
    on_platform = forms.BooleanField(required=False, label=_("Hosted on the platform"))
    home_url = forms.URLField(
        required=False, max_length=500, assume_scheme="http", label=_("Homepage URL")
    )
    status = forms.ChoiceField(
        choices=[
            (Site.Status.PLANNED, Site.Status.PLANNED.label),
            (Site.Status.OPEN, Site.Status.OPEN.label),
        ],
        label=_("Status"),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        orgs = core_access.organizations_visible_to(user).select_related("region")
        self.fields["sponsor"].queryset = orgs.order_by("path")

    def clean_region(self):
        code = self.cleaned_data["region"].strip()
        if not code:
            return None
        region = Region.objects.filter(code=code).first()
        if region is None:
            raise forms.ValidationError(
                f"行政区划代码“{code}”不存在 / Unknown division code {code!r}"
            )
        return region

    def service_kwargs(self) -> dict:
        data = dict(self.cleaned_data)
        data["aliases"] = [a.strip() for a in data["aliases"].splitlines() if a.strip()]
        if data["region"] is None:
            del data["region"]
        return data


class SiteEditForm(forms.Form):
    name = forms.CharField(max_length=128, label=_("Site name"))
    kind = forms.ChoiceField(choices=Site.Kind.choices, label=_("Kind"))
    icp_number = forms.CharField(required=False, max_length=40, label=_("ICP number"))
    police_record_number = forms.CharField(
        required=False, max_length=40, label=_("Police record number")
    )
    home_url = forms.URLField(
        required=False, max_length=500, assume_scheme="http", label=_("Homepage URL")
    )

    @classmethod
    def initial_for(cls, site: Site) -> dict:
        return {name: getattr(site, name) for name in cls.base_fields}


class TransitionForm(forms.Form):
    """Open, migrate or close a site (official-rules.md §2.4), dated, with its reason."""

    to_status = forms.ChoiceField(label=_("New status"))
    effective_date = forms.DateField(label=_("Effective date"), widget=AdminDateInput)
    reason = forms.CharField(
        max_length=300,
        label=_("Reason / approval document"),
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    successor = forms.ModelChoiceField(
        queryset=None,
        required=False,
        label=_("Merged into / migrated to"),
        empty_label=_("None"),
    )

    def __init__(self, *args, site: Site, user, **kwargs):
        kwargs.setdefault("initial", {"effective_date": timezone.localdate()})
        super().__init__(*args, **kwargs)
        allowed = TRANSITIONS.get(site.status, set())
        self.fields["to_status"].choices = [c for c in Site.Status.choices if c[0] in allowed]
        others = access.sites_visible_to(user).exclude(pk=site.pk)
        others = others.exclude(status=Site.Status.CLOSED)
        self.fields["successor"].queryset = others.order_by("site_code")


class DomainForm(forms.Form):
    domain = forms.CharField(max_length=255, label=_("Alias domain"))


class ColumnForm(forms.Form):
    name = forms.CharField(max_length=64, label=_("Column name"))
    kind = forms.ChoiceField(choices=ColumnKind.choices, label=_("Column kind"))
    url = forms.CharField(
        required=False,
        max_length=500,
        label=_("URL"),
        help_text=_("Leave empty to derive one from the site's address."),
    )
    parent = forms.ModelChoiceField(
        queryset=None, required=False, label=_("Parent column"), empty_label=_("None")
    )
    update_limit_days = forms.IntegerField(
        required=False,
        min_value=1,
        max_value=36500,
        label=_("Update limit (days)"),
        help_text=_("Leave empty for the default of the column kind."),
    )
    responsible_org = forms.ModelChoiceField(
        queryset=None, required=False, label=_("Responsible organisation"), empty_label=_("None")
    )
    sort_order = forms.IntegerField(
        min_value=0, max_value=1_000_000, initial=0, label=_("Sort order")
    )

    def __init__(self, *args, site: Site, user, column: Column | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        orgs = core_access.organizations_visible_to(user)
        self.fields["responsible_org"].queryset = orgs.order_by("path")
        if column is None:
            columns = access.columns_visible_to(user).filter(site=site)
            self.fields["parent"].queryset = columns.order_by("sort_order", "pk")
        else:
            # The service keeps a column where it is; moving it is not offered here.
            del self.fields["parent"]

    def service_kwargs(self) -> dict:
        data = dict(self.cleaned_data)
        if data["update_limit_days"] is None:
            data["update_limit_days"] = DEFAULT_UPDATE_LIMIT_DAYS.get(data["kind"])
        return data

    def changes(self, column: Column) -> dict:
        """Only what differs from the column now (an empty limit follows the kind's default)."""
        return {k: v for k, v in self.service_kwargs().items() if getattr(column, k) != v}

    @staticmethod
    def initial_for(column: Column) -> dict:
        names = ("name", "kind", "url", "update_limit_days", "responsible_org", "sort_order")
        return {name: getattr(column, name) for name in names}
