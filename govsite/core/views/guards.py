"""Deny by default: each screen names the capability it needs (security.md B.12)."""

from functools import wraps

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.cache import never_cache

from .. import access, audit
from ..models import AuditRecord


def forbidden(request, capability: str = ""):
    """A bilingual 403 page; the refusal itself is audited (security.md C.19)."""
    audit.record(
        "core.access.denied",
        None,
        outcome=AuditRecord.Outcome.FAILURE,
        changes={"path": request.path, "method": request.method, "capability": capability},
    )
    return render(request, "core/forbidden.html", status=403)


def login_required(view):
    """Signed-in users only; the page is never cached (security.md I.70)."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), reverse(settings.LOGIN_URL))
        return view(request, *args, **kwargs)

    return never_cache(wrapped)


def capability_required(capability: str):
    """Signed-in users holding ``capability`` on the platform; others get 403."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not access.can(request.user, capability):
                return forbidden(request, capability)
            return view(request, *args, **kwargs)

        return login_required(wrapped)

    return decorator
