"""TOTP second factor for the administrative roles (security.md A.6)."""

import datetime as dt

import pytest
import time_machine
from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice

from govsite.core.models import AuditRecord

from .helpers_security import (
    TWO_FACTOR_URL,
    code_for,
    code_for_key,
    confirmed_device,
    login,
    secret_on_page,
)

pytestmark = pytest.mark.django_db
T0 = dt.datetime(2026, 3, 2, 9, 0, 5, tzinfo=dt.UTC)


def _actions(action):
    return list(AuditRecord.objects.filter(action=action).values_list("actor_name", flat=True))


@pytest.mark.parametrize("who", ["platform_admin", "security_admin", "auditor", "sponsor_admin"])
def test_admin_roles_are_sent_to_the_second_factor(cast, who):
    client = Client()
    response = login(client, who)
    assert response.status_code == 302
    response = client.get(response["Location"])
    assert response.status_code == 302
    assert response["Location"].startswith(TWO_FACTOR_URL + "?next=")
    assert client.get("/audit/").status_code == 302


def test_editors_need_no_second_factor(cast):
    client = Client()
    login(client, "sponsor_editor")
    assert client.get("/admin/").status_code == 200


def test_setting_switches_enforcement_off(cast, settings):
    settings.CORE_REQUIRE_TOTP = False
    client = Client()
    login(client, "platform_admin")
    assert client.get("/admin/").status_code == 200


def test_enrolment_shows_qr_and_secret_then_confirms_with_a_real_code(cast):
    client = Client()
    with time_machine.travel(T0, tick=False):
        login(client, "platform_admin")
        page = client.get(TWO_FACTOR_URL, {"next": "/admin/pages/"})
        text = page.content.decode()
        assert page.status_code == 200
        svg = text.split("<svg", 1)[1].split("</svg>", 1)[0]
        assert "<path" in svg  # QR code drawn inline ...
        assert "http" not in svg.replace("http://www.w3.org/2000/svg", "")  # ... fetching nothing
        key = secret_on_page(page)
        # a wrong code is refused and nothing is stored
        wrong = client.post(TWO_FACTOR_URL, {"token": "000000", "next": "/admin/pages/"})
        assert wrong.status_code == 200
        assert "验证码不正确" in wrong.content.decode()
        assert not TOTPDevice.objects.filter(user=cast["platform_admin"]).exists()
        # the right code (same secret kept across the retry) confirms the device
        done = client.post(TWO_FACTOR_URL, {"token": code_for_key(key), "next": "/admin/pages/"})
        assert done.status_code == 302 and done["Location"] == "/admin/pages/"
        assert client.get("/admin/").status_code == 200
    device = TOTPDevice.objects.get(user=cast["platform_admin"])
    assert device.confirmed
    assert _actions("core.auth.2fa_enrol") == ["platform_admin"]
    assert _actions("core.auth.2fa_failed") == ["platform_admin"]


def test_verification_with_a_confirmed_device(cast):
    device = confirmed_device(cast["auditor"])
    client = Client()
    login(client, "auditor")
    page = client.get(TWO_FACTOR_URL)
    assert page.status_code == 200
    assert "<svg" not in page.content.decode()  # the secret is never shown again
    assert 'id="totp-secret"' not in page.content.decode()
    response = client.post(TWO_FACTOR_URL, {"token": code_for(device), "next": "/audit/"})
    assert response.status_code == 302 and response["Location"] == "/audit/"
    assert client.get("/audit/").status_code == 200
    assert _actions("core.auth.2fa_verify") == ["auditor"]


def test_a_used_code_is_refused(cast):
    device = confirmed_device(cast["security_admin"])
    with time_machine.travel(T0, tick=False):
        code = code_for(device)
        first = Client()
        login(first, "security_admin")
        assert first.post(TWO_FACTOR_URL, {"token": code}).status_code == 302
        second = Client()
        login(second, "security_admin")
        replay = second.post(TWO_FACTOR_URL, {"token": code})
    assert replay.status_code == 200
    assert "验证码不正确" in replay.content.decode()
    assert second.get("/admin/").status_code == 302
    assert _actions("core.auth.2fa_failed") == ["security_admin"]


def test_wrong_codes_are_throttled(cast):
    device = confirmed_device(cast["auditor"])
    client = Client()
    with time_machine.travel(T0, tick=False) as clock:
        login(client, "auditor")
        for _ in range(3):
            client.post(TWO_FACTOR_URL, {"token": "123456"})
        # within the back-off even the right code is refused
        assert client.post(TWO_FACTOR_URL, {"token": code_for(device)}).status_code == 200
        clock.shift(dt.timedelta(seconds=31))
        assert client.post(TWO_FACTOR_URL, {"token": code_for(device)}).status_code == 302


def test_next_cannot_leave_the_site(cast):
    device = confirmed_device(cast["auditor"])
    client = Client()
    login(client, "auditor")
    response = client.post(TWO_FACTOR_URL, {"token": code_for(device), "next": "//evil.example/"})
    assert response["Location"] == "/admin/"


def test_anonymous_is_sent_to_login(db):
    response = Client().get(TWO_FACTOR_URL)
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")


@pytest.mark.parametrize("url", ["/admin/jsi18n/", "/admin/sprite/"])
def test_second_factor_page_can_load_its_scripts_and_icons(cast, url):
    """The page's translation catalogue and icons load before the second factor is given."""
    client = Client()
    login(client, "auditor")
    assert client.get(url).status_code == 200


def test_sign_out_works_before_the_second_factor(cast):
    client = Client()
    login(client, "auditor")
    assert client.post("/admin/logout/").status_code == 302
    assert "_auth_user_id" not in client.session
