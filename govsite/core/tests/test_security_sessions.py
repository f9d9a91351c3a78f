"""Idle timeout, absolute lifetime and the session lifecycle (security.md A.4, A.5)."""

import datetime as dt
import time

import pytest
import time_machine
from django.conf import settings as django_settings
from django.test import Client

from govsite.core.models import AuditRecord

from .helpers_security import login, sign_in_verified

pytestmark = pytest.mark.django_db
T0 = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)
HOME = "/admin/"


def _is_login_redirect(response) -> bool:
    return response.status_code == 302 and response["Location"].startswith("/admin/login/")


@pytest.fixture
def no_totp(settings):
    settings.CORE_REQUIRE_TOTP = False


@pytest.mark.parametrize(
    ("who", "keeps", "dies"),
    [
        ("sponsor_editor", 29, 31),  # back office: 30 minutes idle
        ("fin_editor", 29, 31),
        ("platform_admin", 14, 16),  # 三员: 15 minutes idle
        ("security_admin", 14, 16),
        ("auditor", 14, 16),
    ],
)
def test_idle_timeout(cast, no_totp, who, keeps, dies):
    client = Client()
    with time_machine.travel(T0, tick=False) as clock:
        assert login(client, who).status_code == 302
        assert client.get(HOME).status_code == 200
        # given: idle just under the limit, the session survives and the clock restarts
        clock.shift(dt.timedelta(minutes=keeps))
        assert client.get(HOME).status_code == 200
        # when: idle just over the limit
        clock.shift(dt.timedelta(minutes=dies))
        response = client.get(HOME)
        # then: back to the sign-in page, and the server-side session is gone
        assert _is_login_redirect(response)
        assert client.get(HOME).status_code == 302


def test_idle_session_is_gone_from_the_database_too(cast, no_totp):
    from django.contrib.sessions.models import Session

    client = Client()
    with time_machine.travel(T0, tick=False) as clock:
        login(client, "sponsor_editor")
        client.get(HOME)
        key = client.session.session_key
        assert Session.objects.get(session_key=key).expire_date == T0 + dt.timedelta(minutes=30)
        clock.shift(dt.timedelta(minutes=31))
        assert not Session.objects.filter(
            session_key=key, expire_date__gt=T0 + dt.timedelta(minutes=31)
        ).exists()


def test_active_session_dies_at_twelve_hours(cast, no_totp):
    client = Client()
    with time_machine.travel(T0, tick=False) as clock:
        login(client, "sponsor_editor")
        # a request every 20 minutes keeps the session alive ...
        for _ in range(12 * 3 - 1):
            clock.shift(dt.timedelta(minutes=20))
            assert client.get(HOME).status_code == 200
        assert time.time() == (T0 + dt.timedelta(hours=11, minutes=40)).timestamp()
        # ... until twelve hours after sign-in
        clock.shift(dt.timedelta(minutes=20))
        response = client.get(HOME)
        assert _is_login_redirect(response)
        assert "next=%2Fadmin%2F" in response["Location"]
    assert AuditRecord.objects.filter(action="core.auth.session_expired").count() == 1


def test_new_session_key_on_login(cast, no_totp):
    client = Client()
    client.get("/admin/login/")
    client.session.save()
    before = client.cookies[django_settings.SESSION_COOKIE_NAME].value
    assert login(client, "sponsor_editor").status_code == 302
    after = client.cookies[django_settings.SESSION_COOKIE_NAME].value
    assert before and after and before != after


def test_logout_kills_the_server_session(cast, no_totp):
    from django.contrib.sessions.models import Session

    client = Client()
    login(client, "sponsor_editor")
    old_cookie = client.cookies[django_settings.SESSION_COOKIE_NAME].value
    assert client.post("/admin/logout/").status_code == 302
    assert not Session.objects.filter(session_key=old_cookie).exists()
    # replaying the old cookie leads to the sign-in page
    replay = Client()
    replay.cookies[django_settings.SESSION_COOKIE_NAME] = old_cookie
    assert _is_login_redirect(replay.get(HOME))
    assert AuditRecord.objects.filter(
        action="core.auth.logout", actor_name="sponsor_editor"
    ).exists()


def test_second_factor_gives_a_new_session_key(cast):
    client = Client()
    client.force_login(cast["platform_admin"])
    before = client.session.session_key
    sign_in_verified(client, cast["platform_admin"])
    assert client.session.session_key != before


def test_public_page_carries_on_after_timeout(cast, no_totp):
    """A timed-out citizen on a public page is signed out, not sent to the admin sign-in."""
    client = Client()
    with time_machine.travel(T0, tick=False) as clock:
        client.force_login(cast["citizen"])
        client.get("/")
        clock.shift(dt.timedelta(minutes=31))
        response = client.get("/")
        assert not _is_login_redirect(response)
        assert "_auth_user_id" not in client.session
