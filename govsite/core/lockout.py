"""Login lockout (django-axes) as the platform sees it, and the security administrator's two
repairs: lift a lock, reset a lost second factor (security.md A.3, A.6)."""

from axes.helpers import get_cool_off
from axes.models import AccessAttempt
from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from . import access, audit, services
from .models import User


def axes_username(request, credentials: dict | None = None) -> str:
    """The username axes counts failures for: case-folded and trimmed, as sign-in matches it,
    so that "Admin" and "admin " cannot each get five fresh attempts."""
    source = credentials if credentials is not None else getattr(request, "POST", {})
    return str((source or {}).get("username") or "").strip().lower()


def is_locked(user: User) -> bool:
    """Whether sign-in failures currently hold a lock on this account's username."""
    return AccessAttempt.objects.filter(
        username=user.get_username().lower(),
        failures_since_start__gte=settings.AXES_FAILURE_LIMIT,
        attempt_time__gte=timezone.now() - get_cool_off(),
    ).exists()


@transaction.atomic
def unlock(user: User, *, actor: User) -> int:
    """Remove the failure counters of ``user``'s username; records core.auth.unlock.

    Only the security administrator (``user.manage``) may do this.
    """
    access.require(actor, "user.manage")
    removed, _ = AccessAttempt.objects.filter(username=user.get_username().lower()).delete()
    audit.record("core.auth.unlock", user, actor=actor, changes={"attempts_removed": removed})
    return removed


@transaction.atomic
def reset_second_factor(user: User, *, actor: User) -> int:
    """Delete ``user``'s TOTP devices, so the next sign-in starts a new enrolment, and end the
    user's sessions. Records core.auth.2fa_reset. Security administrator only."""
    access.require(actor, "user.manage")
    removed, _ = TOTPDevice.objects.filter(user=user).delete()
    services.end_sessions(user)
    audit.record("core.auth.2fa_reset", user, actor=actor, changes={"devices_removed": removed})
    return removed
