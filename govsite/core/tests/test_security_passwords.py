"""Password rules and the forced change (security.md A.2)."""

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import Client

from conftest import PASSWORD
from govsite.core import services
from govsite.core.models import AuditRecord

from .helpers_security import login

pytestmark = pytest.mark.django_db
CHANGE_URL = "/account/password/"


@pytest.mark.parametrize(
    ("password", "ok"),
    [
        ("1111Abcd", True),
        ("Cast#2026pass", True),
        ("zheJiang-2026", True),
        ("12345678", False),  # digits only, common
        ("Abcdefgh", False),  # two classes
        ("abcdefgh1", False),  # two classes
        ("Abc1!", False),  # too short
        ("password", False),
        ("Password1", False),  # three classes, but on the list of common passwords
        ("Hangzhou2026", True),
        ("ABCDEFGH12", False),
        ("!!!!....", False),
    ],
)
def test_password_table(password, ok):
    if ok:
        validate_password(password)
    else:
        with pytest.raises(ValidationError):
            validate_password(password)


@pytest.mark.parametrize(
    ("password", "zh", "en"),
    [
        ("12345678", "密码不能全是数字", "entirely numeric"),
        ("Abcdefgh", "至少3类", "at least 3 of"),
        ("Ab1", "至少需要8个字符", "at least 8 characters"),
        ("password", "密码过于常见", "too common"),
    ],
)
def test_messages_are_bilingual(password, zh, en):
    with pytest.raises(ValidationError) as exc:
        validate_password(password)
    text = " ".join(exc.value.messages)
    assert zh in text and en in text


def test_password_similar_to_username_is_refused(cast):
    with pytest.raises(ValidationError) as exc:
        validate_password("Sponsor_editor1", cast["sponsor_editor"])
    assert "过于相似" in " ".join(exc.value.messages)


@pytest.fixture
def reset_user(cast, settings):
    """sponsor_editor after an administrator set a temporary password."""
    settings.CORE_REQUIRE_TOTP = False
    user = cast["sponsor_editor"]
    services.change_password(user, actor=cast["security_admin"], password="Temp#2026abc")
    user.refresh_from_db()
    assert user.must_change_password
    return user


def test_forced_change_redirects_every_back_office_page(reset_user):
    client = Client()
    assert login(client, "sponsor_editor", "Temp#2026abc").status_code == 302
    for url in ["/admin/", "/admin/pages/", "/audit/"]:
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(CHANGE_URL + "?next=")
    page = client.get(CHANGE_URL)
    assert page.status_code == 200
    assert 'id="forced-change"' in page.content.decode()


def test_forced_change_refuses_weak_password_with_bilingual_errors(reset_user):
    client = Client()
    login(client, "sponsor_editor", "Temp#2026abc")
    response = client.post(
        CHANGE_URL,
        {
            "old_password": "Temp#2026abc",
            "new_password1": "abcdefgh1",
            "new_password2": "abcdefgh1",
        },
    )
    assert response.status_code == 200
    text = response.content.decode()
    assert "至少3类" in text and "at least 3 of" in text
    reset_user.refresh_from_db()
    assert reset_user.must_change_password


def test_forced_change_then_the_back_office_opens(reset_user):
    client = Client()
    login(client, "sponsor_editor", "Temp#2026abc")
    response = client.post(
        CHANGE_URL,
        {
            "old_password": "Temp#2026abc",
            "new_password1": "1111Abcd",
            "new_password2": "1111Abcd",
            "next": "/admin/pages/",
        },
    )
    assert response.status_code == 302 and response["Location"] == "/admin/pages/"
    reset_user.refresh_from_db()
    assert not reset_user.must_change_password
    assert reset_user.check_password("1111Abcd")
    assert client.get("/admin/").status_code == 200  # this session carries on
    assert AuditRecord.objects.filter(
        action="core.user.password_change",
        object_id=str(reset_user.pk),
        actor_name="sponsor_editor",
    ).exists()


def test_other_sessions_end_after_a_password_change(cast, settings):
    settings.CORE_REQUIRE_TOTP = False
    other, this = Client(), Client()
    login(other, "fin_editor")
    login(this, "fin_editor")
    assert other.get("/admin/").status_code == 200
    this.post(
        CHANGE_URL,
        {
            "old_password": PASSWORD,
            "new_password1": "1111Abcd",
            "new_password2": "1111Abcd",
        },
    )
    assert this.get("/admin/").status_code == 200
    assert other.get("/admin/").status_code == 302


def test_wrong_current_password_counts_towards_the_lockout(cast, settings):
    settings.CORE_REQUIRE_TOTP = False
    client = Client()
    login(client, "fin_editor")
    data = {"old_password": "Wrong#2026x", "new_password1": "1111Abcd", "new_password2": "1111Abcd"}
    response = client.post(CHANGE_URL, data)
    assert "当前密码不正确" in response.content.decode()
    for _ in range(4):
        response = client.post(CHANGE_URL, data)
    assert response.status_code == 429
    assert AuditRecord.objects.filter(action="core.auth.login_failed").count() == 5


def test_mismatch_is_reported(cast, settings):
    settings.CORE_REQUIRE_TOTP = False
    client = Client()
    login(client, "fin_editor")
    response = client.post(
        CHANGE_URL,
        {
            "old_password": PASSWORD,
            "new_password1": "1111Abcd",
            "new_password2": "1111Abce",
        },
    )
    assert "两次输入的新密码不一致" in response.content.decode()


def test_admin_must_pass_second_factor_before_the_forced_change(cast):
    """A reset never bypasses the second factor (security.md A.6)."""
    user = cast["auditor"]
    services.change_password(user, actor=cast["security_admin"], password="Temp#2026abc")
    client = Client()
    login(client, "auditor", "Temp#2026abc")
    response = client.get(CHANGE_URL)
    assert response.status_code == 302 and response["Location"].startswith("/account/2fa/")
