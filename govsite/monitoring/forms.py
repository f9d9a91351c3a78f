"""Forms of the monitoring screens. They parse input only; the services validate and write."""

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.widgets import AdminDateInput

from govsite.core.errors import GovsiteValidationError

from .models import Finding, Kind


def add_service_error(form: forms.Form, exc: GovsiteValidationError) -> None:
    """Show a service's bilingual error on the field it names, or above the form."""
    form.add_error(exc.field if exc.field in form.fields else None, exc.message)


def _blank(label):
    return [("", label)]


def _day_start(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time()))


class FindingFilterForm(forms.Form):
    """Site, kind, status, and the days in which a finding was last seen."""

    site = forms.ModelChoiceField(
        queryset=None, required=False, label=_("Site"), empty_label=_("All sites")
    )
    kind = forms.ChoiceField(
        choices=_blank(_("All kinds")) + Kind.choices,
        required=False,
        label=pgettext_lazy("finding", "Kind"),
    )
    status = forms.ChoiceField(
        choices=_blank(_("All statuses")) + Finding.Status.choices,
        required=False,
        label=_("Status"),
    )
    since = forms.DateField(required=False, label=_("Seen from"), widget=AdminDateInput)
    until = forms.DateField(required=False, label=_("Seen until"), widget=AdminDateInput)

    def __init__(self, *args, sites, with_site: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        if with_site:
            self.fields["site"].queryset = sites.order_by("site_code")
        else:
            del self.fields["site"]

    def filter(self, findings):
        data = self.cleaned_data
        if data.get("site"):
            findings = findings.filter(site=data["site"])
        if data["kind"]:
            findings = findings.filter(kind=data["kind"])
        if data["status"]:
            findings = findings.filter(status=data["status"])
        if data["since"]:
            findings = findings.filter(last_seen__gte=_day_start(data["since"]))
        if data["until"]:
            end = data["until"] + datetime.timedelta(days=1)
            findings = findings.filter(first_seen__lt=_day_start(end))
        return findings


class ConfirmForm(forms.Form):
    note = forms.CharField(
        required=False, max_length=2000, label=_("Note"), widget=forms.Textarea(attrs={"rows": 2})
    )


class DismissForm(forms.Form):
    # Not required here: the service refuses an empty reason with its bilingual message.
    reason = forms.CharField(
        required=False,
        max_length=2000,
        label=_("Reason for dismissal"),
        widget=forms.Textarea(attrs={"rows": 2}),
    )
