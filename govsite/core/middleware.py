"""Request middleware: audit context, session limits, two-factor and password-change gates."""

import time
import uuid
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.urls import reverse

from . import context
from .access import is_separated_admin
from .twofactor import required_for

# The back office: every route under these prefixes needs a signed-in, verified user.
BACK_OFFICE_PREFIXES = ("/admin/", "/audit/", "/account/", "/security/")

SESSION_STARTED = "govsite_started"
SESSION_LAST_SEEN = "govsite_last"


def client_ip(request) -> str | None:
    """The client address; X-Forwarded-For is believed only from a configured proxy count."""
    hops = settings.AXES_IPWARE_PROXY_COUNT
    if hops:
        forwarded = [
            p.strip() for p in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if p.strip()
        ]
        if len(forwarded) >= hops:
            return forwarded[-hops]
    return request.META.get("REMOTE_ADDR")


def in_back_office(request) -> bool:
    return request.path.startswith(BACK_OFFICE_PREFIXES)


def redirect_with_next(url_name: str, request):
    return redirect(f"{reverse(url_name)}?{urlencode({'next': request.get_full_path()})}")


def mark_session_start(request) -> None:
    """Called at login: the absolute lifetime counts from here, not from the first page."""
    now = time.time()
    request.session[SESSION_STARTED] = now
    request.session[SESSION_LAST_SEEN] = now


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
    """Idle timeout (sliding) plus the absolute 12-hour lifetime, and 15 minutes idle for the
    three separated administrators (security.md A.4).

    The server-side session expiry is moved forward on every request (``set_expiry``), so an
    idle session also dies in the database; the timestamps in the session catch the absolute
    limit and the shorter limit of the separated administrators.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            now = time.time()
            started = request.session.setdefault(SESSION_STARTED, now)
            last = request.session.get(SESSION_LAST_SEEN, now)
            idle_limit = self._idle_limit(user)
            if now - started >= settings.CORE_SESSION_ABSOLUTE_SECONDS or now - last >= idle_limit:
                return self._expire(request, "absolute" if now - last < idle_limit else "idle")
            request.session[SESSION_LAST_SEEN] = now
            request.session.set_expiry(idle_limit)
        return self.get_response(request)

    def _expire(self, request, reason: str):
        request.govsite_logout_reason = reason
        logout(request)
        if in_back_office(request):
            return redirect_with_next(settings.LOGIN_URL, request)
        # A public page carries on for an anonymous visitor.
        return self.get_response(request)

    @staticmethod
    def _idle_limit(user) -> int:
        if is_separated_admin(user):
            return settings.CORE_SESSION_IDLE_SECONDS_PRIVILEGED
        return settings.SESSION_COOKIE_AGE


# What the sign-in, second-factor and password pages themselves need: signing out, and the
# admin's translation catalogue and icon sprite, which carry no data.
GATE_EXEMPT_PREFIXES = ("/admin/logout/", "/admin/jsi18n/", "/admin/sprite/")


def _exempt(request, prefixes) -> bool:
    return request.path.startswith(prefixes + GATE_EXEMPT_PREFIXES)


class TwoFactorRequiredMiddleware:
    """Users holding an administrative role must pass TOTP before using the back office."""

    EXEMPT_PREFIXES = ("/account/2fa/",)

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self._needs_2fa(request):
            return redirect_with_next("core:2fa", request)
        return self.get_response(request)

    def _needs_2fa(self, request) -> bool:
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or user.is_verified():
            return False
        if not in_back_office(request) or _exempt(request, self.EXEMPT_PREFIXES):
            return False
        return required_for(user)


class PasswordChangeRequiredMiddleware:
    """A user whose password was set by someone else (or has expired) must change it before
    doing anything else in the back office (security.md A.2). Runs after the 2FA gate, so a
    password reset never bypasses the second factor."""

    EXEMPT_PREFIXES = ("/account/password/", "/account/2fa/")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and user.must_change_password
            and in_back_office(request)
            and not _exempt(request, self.EXEMPT_PREFIXES)
        ):
            return redirect_with_next("core:password_change", request)
        return self.get_response(request)
