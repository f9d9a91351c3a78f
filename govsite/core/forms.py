"""Forms of core's own screens: second factor, password change, audit search, role grants."""

import datetime as dt

from django import forms
from django.contrib.auth import authenticate, password_validation
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import scopes
from .errors import bilingual
from .models import AuditRecord, Organization, User
from .roles import Role, ScopeType


class TokenForm(forms.Form):
    """A six-digit code from the authenticator app."""

    token = forms.RegexField(
        label=_("Verification code"),
        regex=r"^\s*\d{6}\s*$",
        max_length=12,
        error_messages={
            "required": bilingual("请输入验证码", "Enter the code"),
            "invalid": bilingual("验证码是6位数字", "The code has six digits"),
        },
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )

    def clean_token(self) -> str:
        return self.cleaned_data["token"].strip()


class PasswordChangeForm(forms.Form):
    """Current password (checked through the login path, so guesses count towards the lockout),
    then the new one twice, checked by the configured validators."""

    old_password = forms.CharField(
        label=_("Current password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    new_password1 = forms.CharField(
        label=_("New password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validation.password_validators_help_text_html,
    )
    new_password2 = forms.CharField(
        label=_("New password again"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, user: User, request, *args, **kwargs):
        self.user, self.request = user, request
        super().__init__(*args, **kwargs)

    def clean_old_password(self) -> str:
        password = self.cleaned_data["old_password"]
        who = authenticate(self.request, username=self.user.get_username(), password=password)
        if who is None or who.pk != self.user.pk:
            raise forms.ValidationError(
                bilingual("当前密码不正确", "The current password is incorrect")
            )
        return password

    def clean(self):
        data = super().clean()
        new1, new2 = data.get("new_password1"), data.get("new_password2")
        if new1 and new2 and new1 != new2:
            self.add_error(
                "new_password2", bilingual("两次输入的新密码不一致", "The two new passwords differ")
            )
        elif new1:
            if new1 == data.get("old_password"):
                self.add_error(
                    "new_password1",
                    bilingual("新密码不能与当前密码相同", "The new password must differ"),
                )
            try:
                password_validation.validate_password(new1, self.user)
            except forms.ValidationError as exc:
                self.add_error("new_password1", exc)
        return data


class AuditFilterForm(forms.Form):
    """Search and filters of the audit list; every field optional."""

    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    date_from = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    action = forms.CharField(
        label=_("Action prefix"),
        required=False,
        max_length=64,
        widget=forms.TextInput(attrs={"placeholder": "core.auth"}),
    )
    outcome = forms.ChoiceField(
        label=_("Outcome"),
        required=False,
        choices=[("", _("Any outcome")), *AuditRecord.Outcome.choices],
    )

    def clean(self):
        data = super().clean()
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and start > end:
            raise forms.ValidationError(
                bilingual("开始日期晚于结束日期", "The start date is after the end date")
            )
        return data

    def filter(self, qs):
        """``qs`` narrowed by the cleaned filters (call only on a valid form)."""
        d = self.cleaned_data
        if q := d.get("q", "").strip():
            qs = qs.filter(
                Q(actor_name__icontains=q)
                | Q(action__icontains=q)
                | Q(object_repr__icontains=q)
                | Q(object_id=q)
                | Q(ip__startswith=q)
            )
        if d.get("date_from"):
            qs = qs.filter(time__gte=_start_of(d["date_from"]))
        if d.get("date_to"):
            qs = qs.filter(time__lt=_start_of(d["date_to"] + dt.timedelta(days=1)))
        if action := d.get("action", "").strip():
            qs = qs.filter(action__startswith=action)
        if d.get("outcome"):
            qs = qs.filter(outcome=d["outcome"])
        return qs

    def described(self) -> dict:
        """The filters as plain strings, for the audit record of this query."""
        return {k: str(v) for k, v in self.cleaned_data.items() if v not in ("", None)}


def _start_of(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


class UserSearchForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)

    def filter(self, qs):
        if q := (self.cleaned_data.get("q") or "").strip():
            qs = qs.filter(
                Q(username__icontains=q)
                | Q(first_name__icontains=q)
                | Q(last_name__icontains=q)
                | Q(organization__name__icontains=q)
            )
        return qs


class GrantRoleForm(forms.Form):
    """A role and the scope it is granted on; the scope select names its type and id at once
    ("site:12"), grouped by type, so the two cannot disagree."""

    role = forms.ChoiceField(
        label=_("Role"),
        choices=Role.choices,
        error_messages={"invalid_choice": bilingual("角色无效", "Unknown role")},
    )
    scope = forms.ChoiceField(
        label=_("Scope"),
        error_messages={"invalid_choice": bilingual("授权范围不存在", "No such scope")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["scope"].choices = scope_choices()

    def clean_scope(self) -> tuple[str, int]:
        scope_type, _sep, scope_id = self.cleaned_data["scope"].partition(":")
        return scope_type, int(scope_id)


def scope_choices() -> list:
    """Every scope a role can be granted on, grouped by scope type for a <select>."""
    groups = [(str(ScopeType.PLATFORM.label), [(f"{ScopeType.PLATFORM}:0", "全平台")])]
    orgs = Organization.objects.order_by("path").values_list("pk", "name", "depth")
    groups.append(
        (
            str(ScopeType.ORGANIZATION.label),
            [
                (f"{ScopeType.ORGANIZATION}:{pk}", "　" * (depth - 1) + name)
                for pk, name, depth in orgs
            ],
        )
    )
    for scope_type in (ScopeType.SITE, ScopeType.COLUMN):
        options = [(f"{scope_type}:{pk}", label) for pk, label in scopes.options_of(scope_type)]
        if options:
            groups.append((str(scope_type.label), options))
    return groups
