"""Login lockout through the real Wagtail sign-in form (security.md A.3)."""

import datetime as dt
import re

import pytest
import time_machine
from django.test import Client

from govsite.core.models import AuditRecord

from .helpers_security import login

pytestmark = pytest.mark.django_db
T0 = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)


def _actions(action):
    return AuditRecord.objects.filter(action=action)


def test_fifth_failure_locks_and_right_password_is_refused_until_31_minutes(cast, settings):
    settings.CORE_REQUIRE_TOTP = False
    client = Client()
    with time_machine.travel(T0, tick=False) as clock:
        for _ in range(5):
            login(client, "sponsor_editor", "wrong-Pass-1")
        # when: the sixth attempt carries the right password
        sixth = login(client, "sponsor_editor")
        # then: refused with the bilingual lock page, no session
        assert sixth.status_code == 429
        assert "core/locked_out.html" in [t.name for t in sixth.templates]
        text = sixth.content.decode()
        assert "账户已临时锁定" in text and "Account temporarily locked" in text
        assert "30分钟" in text and "30 minutes" in text
        assert "_auth_user_id" not in client.session

        clock.shift(dt.timedelta(minutes=29))
        assert login(client, "sponsor_editor").status_code == 429

        clock.shift(dt.timedelta(minutes=2))
        after = login(client, "sponsor_editor")
        assert after.status_code == 302
        assert client.session["_auth_user_id"] == str(cast["sponsor_editor"].pk)


def test_failures_and_the_lock_are_audited(cast):
    client = Client()
    for _ in range(5):
        login(client, "sponsor_editor", "wrong-Pass-1", ip="10.0.0.7")
    failed = _actions("core.auth.login_failed")
    assert failed.count() == 5
    assert {r.actor_name for r in failed} == {"sponsor_editor"}
    assert {r.outcome for r in failed} == {"failure"}
    assert {r.ip for r in failed} == {"10.0.0.7"}
    locks = _actions("core.auth.lockout")
    assert locks.count() == 1
    assert locks.get().changes["username"] == "sponsor_editor"


def test_lock_is_per_address_too(cast):
    """Five failures spread over usernames from one address lock that address."""
    client = Client()
    for name in ["a1", "a2", "a3", "a4", "a5"]:
        login(client, name, "wrong-Pass-1", ip="10.0.0.8")
    assert login(client, "sponsor_editor", ip="10.0.0.8").status_code == 429
    # another address is not affected
    assert login(Client(), "sponsor_editor", ip="10.0.0.9").status_code == 302


def test_success_resets_the_counter(cast):
    client = Client()
    for _ in range(4):
        login(client, "fin_editor", "wrong-Pass-1")
    assert login(client, "fin_editor").status_code == 302
    client.logout()
    for _ in range(4):
        login(client, "fin_editor", "wrong-Pass-1")
    assert login(client, "fin_editor").status_code == 302


def _normalised(response, username):
    text = response.content.decode()
    text = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", text)
    text = re.sub(r'"CSRF_TOKEN": "[^"]+"', "", text)
    return text.replace(username, "<name>")


def test_unknown_user_and_wrong_password_look_the_same(cast):
    known = login(Client(), "sponsor_editor", "wrong-Pass-1", ip="10.0.1.1")
    unknown = login(Client(), "nobody_here_x", "wrong-Pass-1", ip="10.0.1.2")
    assert known.status_code == unknown.status_code == 200
    assert _normalised(known, "sponsor_editor") == _normalised(unknown, "nobody_here_x")


def test_lock_follows_the_account_across_addresses_and_letter_case(cast):
    """Sign-in ignores case, so the counter does too; changing address does not help."""
    for i, name in enumerate(["Sponsor_Editor", "sponsor_editor", "SPONSOR_EDITOR ", "x", "y"]):
        login(
            Client(), name if len(name) > 1 else "sponsor_editor", "wrong-Pass-1", ip=f"10.0.2.{i}"
        )
    assert login(Client(), "sponsor_editor", ip="10.0.2.99").status_code == 429
