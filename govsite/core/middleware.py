"""Request middleware: audit context, session limits, two-factor enforcement."""

import time
import uuid

from django.conf import settings
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.urls import reverse

from . import context


def client_ip(request) -> str | None:
    """The client address; X-Forwarded-For is believed only from a configured proxy count."""
    hops = settings.AXES_IPWARE_PROXY_COUNT
    if hops:
        forwarded = [p.strip() for p in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if p.strip()]
        if len(forwarded) >= hops:
            return forwarded[-hops]
    return request.META.get("REMOTE_ADDR")


class AuditContextMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        ctx = context.AuditContext(
            user_id=user.pk if user is not None and user.is_authenticated else None,
            ip=client_ip(request),
            request_id=uuid.uuid4().hex[:16],
        )
        token = context.set_current(ctx)
        try:
            return self.get_response(request)
        finally:
            context.reset(token)


class SessionLimitsMiddleware:
    """Idle timeout (sliding cookie age) plus the absolute 12-hour lifetime, and 15 minutes idle
    for the three separated administrators (security.md A.4)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            now = time.time()
            started = request.session.setdefault("govsite_started", now)
            last = request.session.get("govsite_last", now)
            idle_limit = self._idle_limit(user)
            if now - started > settings.CORE_SESSION_ABSOLUTE_SECONDS or now - last > idle_limit:
                logout(request)
                return redirect(f"{reverse(settings.LOGIN_URL)}?next={request.path}")
            request.session["govsite_last"] = now
            request.session.set_expiry(idle_limit)
        return self.get_response(request)

    @staticmethod
    def _idle_limit(user) -> int:
        from .access import is_separated_admin  # noqa: PLC0415

        if is_separated_admin(user):
            return settings.CORE_SESSION_IDLE_SECONDS_PRIVILEGED
        return settings.SESSION_COOKIE_AGE


class TwoFactorRequiredMiddleware:
    """Users holding an administrative role must pass TOTP before using the back office."""

    EXEMPT_PREFIXES = ("/account/2fa/", "/admin/logout/", "/static/", "/account/logout/")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self._needs_2fa(request):
            return redirect(f"{reverse('core:2fa')}?next={request.get_full_path()}")
        return self.get_response(request)

    def _needs_2fa(self, request) -> bool:
        if not settings.CORE_REQUIRE_TOTP:
            return False
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or request.user.is_verified():
            return False
        if not request.path.startswith(("/admin/", "/audit/", "/account/")):
            return False
        if request.path.startswith(self.EXEMPT_PREFIXES):
            return False
        from .access import roles_of  # noqa: PLC0415
        from .roles import TWO_FACTOR_ROLES  # noqa: PLC0415

        return bool(roles_of(user) & TWO_FACTOR_ROLES)
