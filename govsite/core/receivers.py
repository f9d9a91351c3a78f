"""Login, logout, failed-login and lockout events written to the audit trail (security.md C.19).

Also starts the session clock at login (security.md A.4).
"""

from axes.signals import user_locked_out
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from . import audit
from .middleware import client_ip, mark_session_start
from .models import AuditRecord

FAILURE = AuditRecord.Outcome.FAILURE
LOGOUT_ACTIONS = {"idle": "core.auth.session_idle", "absolute": "core.auth.session_expired"}


@receiver(user_logged_in)
def _logged_in(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        mark_session_start(request)
    audit.record("core.auth.login", user, actor=user, ip=_ip(request))


@receiver(user_logged_out)
def _logged_out(sender, request, user, **kwargs):
    if user is not None:
        reason = getattr(request, "govsite_logout_reason", None)
        action = LOGOUT_ACTIONS.get(reason, "core.auth.logout")
        audit.record(action, user, actor=user, ip=_ip(request))


@receiver(user_login_failed)
def _login_failed(sender, credentials, request=None, **kwargs):
    username = str(credentials.get("username", ""))[:150]
    audit.record(
        "core.auth.login_failed",
        None,
        actor_name=username,
        outcome=FAILURE,
        ip=_ip(request),
        changes={"username": username},
    )


@receiver(user_locked_out)
def _locked_out(sender, request=None, username=None, ip_address=None, **kwargs):
    name = str(username or "")[:150]
    audit.record(
        "core.auth.lockout",
        None,
        actor_name=name,
        outcome=FAILURE,
        ip=_ip(request) or ip_address,
        changes={"username": name, "ip": ip_address},
    )


def _ip(request) -> str | None:
    return client_ip(request) if request is not None else None
