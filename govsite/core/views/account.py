"""The signed-in user's own account: the second factor and the password change."""

from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods
from django_otp import login as otp_login

from .. import services, twofactor
from ..errors import GovsiteValidationError, bilingual
from ..forms import PasswordChangeForm, TokenForm
from .guards import login_required

ENROL_KEY = "govsite_totp_enrol_key"
WRONG_CODE = bilingual(
    "验证码不正确、已使用过或尝试过于频繁，请等待下一个验证码后重试",
    "The code is wrong, was already used, or too many tries were made; wait for the next code",
)


def _next_url(request) -> str:
    url = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return reverse("wagtailadmin_home")


@login_required
@require_http_methods(["GET", "POST"])
def two_factor(request):
    """Enrol an authenticator (no confirmed device yet) or check a code from it."""
    if request.user.is_verified():
        return redirect(_next_url(request))
    if twofactor.confirmed_device(request.user) is None:
        return _enrol(request)
    return _verify(request)


def _enrol(request):
    key = request.session.setdefault(ENROL_KEY, twofactor.new_secret())
    form = TokenForm(request.POST or None)
    if form.is_valid():
        device = twofactor.enrol(request.user, key_hex=key, token=form.cleaned_data["token"])
        if device is not None:
            del request.session[ENROL_KEY]
            return _verified(request, device)
        form.add_error("token", WRONG_CODE)
    return render(
        request,
        "core/two_factor_enrol.html",
        {
            "form": form,
            "next": _next_url(request),
            "qr_svg": twofactor.qr_svg(request.user, key),
            "secret": twofactor.secret_for_humans(key),
        },
    )


def _verify(request):
    form = TokenForm(request.POST or None)
    if form.is_valid():
        device = twofactor.verify(request.user, token=form.cleaned_data["token"])
        if device is not None:
            return _verified(request, device)
        form.add_error("token", WRONG_CODE)
    return render(
        request, "core/two_factor_verify.html", {"form": form, "next": _next_url(request)}
    )


def _verified(request, device):
    request.session.cycle_key()  # a new session key with the new privilege (security.md A.5)
    otp_login(request, device)
    return redirect(_next_url(request))


@login_required
@require_http_methods(["GET", "POST"])
def password_change(request):
    """Change one's own password; forced when ``must_change_password`` is set."""
    form = PasswordChangeForm(request.user, request, request.POST or None)
    if form.is_valid():
        try:
            services.change_password(
                request.user, actor=request.user, password=form.cleaned_data["new_password1"]
            )
        except GovsiteValidationError as exc:
            form.add_error("new_password1", exc)
        else:
            update_session_auth_hash(request, request.user)  # other sessions end
            messages.success(request, bilingual("密码已修改", "Your password was changed"))
            return redirect(_next_url(request))
    return render(
        request,
        "core/password_change.html",
        {
            "form": form,
            "next": _next_url(request),
            "forced": request.user.must_change_password,
        },
    )
