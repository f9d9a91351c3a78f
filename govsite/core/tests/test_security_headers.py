"""Security headers on public and admin pages, CSRF on every form (security.md I.55, I.63-65)."""

import pytest
from django.test import Client

from conftest import PASSWORD

from .helpers_security import LOGIN_URL, code_for, confirmed_device, login

pytestmark = pytest.mark.django_db


def _assert_security_headers(response):
    csp = response["Content-Security-Policy"]
    for directive in [
        "default-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "frame-ancestors 'self'",
        "form-action 'self'",
    ]:
        assert directive in csp
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Frame-Options"] == "SAMEORIGIN"


@pytest.mark.parametrize("url", ["/", "/admin/login/", "/no-such-page/"])
def test_public_pages_carry_the_headers(db, url):
    _assert_security_headers(Client().get(url))


def test_lock_page_carries_the_headers(cast):
    client = Client()
    for _ in range(5):
        response = client.post(LOGIN_URL, {"username": "fin_editor", "password": "x"})
    assert response.status_code == 429
    _assert_security_headers(response)


def test_dashboard_renders_for_a_verified_platform_admin(cast):
    """Password through the sign-in form, then a real TOTP code, then the dashboard."""
    device = confirmed_device(cast["platform_admin"])
    client = Client()
    assert login(client, "platform_admin").status_code == 302
    assert client.get("/admin/").status_code == 302  # not yet: second factor first
    assert client.post("/account/2fa/", {"token": code_for(device)}).status_code == 302
    response = client.get("/admin/")
    assert response.status_code == 200
    assert "wagtailadmin/home.html" in [t.name for t in response.templates]
    _assert_security_headers(response)


@pytest.mark.parametrize("url", ["/audit/", "/account/password/", "/security/users/"])
def test_back_office_screens_carry_the_headers_and_are_not_cached(cast, url, settings):
    settings.CORE_REQUIRE_TOTP = False
    client = Client()
    client.force_login(cast["auditor"])
    response = client.get(url)
    _assert_security_headers(response)
    assert "no-store" in response["Cache-Control"]


def test_login_needs_the_csrf_token(cast):
    client = Client(enforce_csrf_checks=True)
    data = {"username": "fin_editor", "password": PASSWORD}
    assert client.post(LOGIN_URL, data).status_code == 403
    page = client.get(LOGIN_URL)
    data["csrfmiddlewaretoken"] = page.context["csrf_token"]
    assert client.post(LOGIN_URL, data).status_code == 302


def _csrf_client(user):
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    return client


def test_second_factor_form_needs_the_csrf_token(cast):
    device = confirmed_device(cast["auditor"])
    client = _csrf_client(cast["auditor"])
    assert client.post("/account/2fa/", {"token": code_for(device)}).status_code == 403
    token = client.get("/account/2fa/").context["csrf_token"]
    response = client.post(
        "/account/2fa/", {"token": code_for(device), "csrfmiddlewaretoken": token}
    )
    assert response.status_code == 302


def test_password_form_needs_the_csrf_token(cast, settings):
    settings.CORE_REQUIRE_TOTP = False
    client = _csrf_client(cast["fin_editor"])
    data = {"old_password": PASSWORD, "new_password1": "1111Abcd", "new_password2": "1111Abcd"}
    assert client.post("/account/password/", data).status_code == 403
    cast["fin_editor"].refresh_from_db()
    assert cast["fin_editor"].check_password(PASSWORD)


def test_role_forms_need_the_csrf_token(cast):
    client = Client(enforce_csrf_checks=True)
    device = confirmed_device(cast["security_admin"])
    client.force_login(cast["security_admin"])
    token = client.get("/account/2fa/").context["csrf_token"]
    client.post("/account/2fa/", {"token": code_for(device), "csrfmiddlewaretoken": token})
    user = cast["fin_editor"]
    grant = user.role_grants.get()
    assert (
        client.post(
            f"/security/users/{user.pk}/", {"role": "reviewer", "scope": "platform:0"}
        ).status_code
        == 403
    )
    assert client.post(f"/security/grants/{grant.pk}/revoke/").status_code == 403
    assert user.role_grants.count() == 1
