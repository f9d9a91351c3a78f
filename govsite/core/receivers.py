"""Login, logout and failed-login events written to the audit trail (security.md C.19)."""

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from . import audit
from .middleware import client_ip


@receiver(user_logged_in)
def _logged_in(sender, request, user, **kwargs):
    audit.record("core.auth.login", user, actor=user, ip=client_ip(request))


@receiver(user_logged_out)
def _logged_out(sender, request, user, **kwargs):
    if user is not None:
        audit.record("core.auth.logout", user, actor=user, ip=client_ip(request))


@receiver(user_login_failed)
def _login_failed(sender, credentials, request=None, **kwargs):
    username = str(credentials.get("username", ""))[:150]
    audit.record(
        "core.auth.login_failed", None, actor_name=username, outcome="failure",
        ip=client_ip(request) if request is not None else None,
        changes={"username": username},
    )
