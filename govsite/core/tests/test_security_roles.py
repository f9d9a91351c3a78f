"""The security administrator's role-grant screen: grant, revoke, refusals shown, never a 500."""

import pytest
from django.test import Client

from govsite.core.models import AuditRecord, RoleGrant

from .helpers_security import login, sign_in_verified

pytestmark = pytest.mark.django_db


@pytest.fixture
def sec(cast):
    client = Client()
    sign_in_verified(client, cast["security_admin"])
    return client


def _page(user):
    return f"/security/users/{user.pk}/"


def test_user_list_and_search(sec, cast):
    response = sec.get("/security/users/", {"q": "sponsor"})
    assert response.status_code == 200
    names = {u.username for u in response.context["page"].object_list}
    assert names == {"sponsor_admin", "sponsor_editor", "sponsor_reviewer"}


def test_user_page_lists_grants_and_offers_every_scope(sec, cast, sites, province):
    response = sec.get(_page(cast["sponsor_editor"]))
    assert response.status_code == 200
    text = response.content.decode()
    assert "浙江省教育厅网站" in text  # the current grant's scope, by name
    values = dict(response.context["form"].fields["scope"].choices)  # groups -> options
    flat = {value for options in values.values() for value, _ in options}
    assert f"site:{sites['fin'].pk}" in flat
    assert f"column:{sites['columns']['portal_edu'].pk}" in flat
    assert f"organization:{province['hz_edu'].pk}" in flat
    assert "platform:0" in flat


def test_grant_a_role_on_a_column(sec, cast, sites):
    user = cast["fin_editor"]
    column = sites["columns"]["portal_news"]
    response = sec.post(_page(user), {"role": "contributor", "scope": f"column:{column.pk}"})
    assert response.status_code == 302
    assert RoleGrant.objects.filter(user=user, role="contributor", scope_id=column.pk).exists()
    rec = AuditRecord.objects.filter(action="core.role.grant").last()
    assert rec.actor_name == "security_admin" and rec.object_id == str(user.pk)


@pytest.mark.parametrize(
    ("who", "role", "scope", "message"),
    [
        ("sponsor_editor", "auditor", "platform:0", "三员分立"),  # a second, separated role
        ("auditor", "editor", "site:{edu}", "三员分立"),
        ("fin_editor", "auditor", "site:{edu}", "只能授予在"),  # wrong scope type
        ("fin_editor", "editor", "site:999999", "授权范围不存在"),  # no such site
        ("fin_editor", "king", "platform:0", "角色无效"),
        ("fin_editor", "editor", "nonsense", "授权范围不存在"),
    ],
)
def test_bad_grants_show_bilingual_errors(sec, cast, sites, who, role, scope, message):
    before = RoleGrant.objects.count()
    response = sec.post(
        _page(cast[who]), {"role": role, "scope": scope.format(edu=sites["edu"].pk)}
    )
    assert response.status_code == 200
    text = response.content.decode()
    assert message in text and " / " in text
    assert RoleGrant.objects.count() == before


def test_revoke(sec, cast):
    grant = RoleGrant.objects.get(user=cast["sponsor_reviewer"])
    response = sec.post(f"/security/grants/{grant.pk}/revoke/")
    assert response.status_code == 302 and response["Location"] == _page(cast["sponsor_reviewer"])
    assert not RoleGrant.objects.filter(pk=grant.pk).exists()
    assert AuditRecord.objects.filter(
        action="core.role.revoke", actor_name="security_admin"
    ).exists()
    assert sec.post(f"/security/grants/{grant.pk}/revoke/").status_code == 404
    assert sec.get(f"/security/grants/{grant.pk}/revoke/").status_code == 405


@pytest.mark.parametrize(
    "who", ["platform_admin", "auditor", "sponsor_admin", "sponsor_editor", "citizen"]
)
def test_only_the_security_admin_may_use_it(cast, settings, who):
    settings.CORE_REQUIRE_TOTP = False
    client = Client()
    client.force_login(cast[who])
    grant = RoleGrant.objects.get(user=cast["sponsor_reviewer"])
    assert client.get("/security/users/").status_code == 403
    assert client.get(_page(cast["fin_editor"])).status_code == 403
    response = client.post(_page(cast["fin_editor"]), {"role": "editor", "scope": "platform:0"})
    assert response.status_code == 403
    assert client.post(f"/security/grants/{grant.pk}/revoke/").status_code == 403
    assert RoleGrant.objects.filter(pk=grant.pk).exists()


def test_security_admin_lifts_a_lock(sec, cast):
    for _ in range(5):
        login(Client(), "fin_editor", "wrong-Pass-1", ip="10.3.0.1")
    assert login(Client(), "fin_editor", ip="10.3.0.2").status_code == 429
    page = sec.get(_page(cast["fin_editor"]))
    assert 'id="unlock-form"' in page.content.decode()
    assert sec.post(f"/security/users/{cast['fin_editor'].pk}/unlock/").status_code == 302
    assert login(Client(), "fin_editor", ip="10.3.0.2").status_code == 302
    rec = AuditRecord.objects.get(action="core.auth.unlock")
    assert rec.actor_name == "security_admin" and rec.object_id == str(cast["fin_editor"].pk)


def test_security_admin_resets_a_lost_second_factor(sec, cast):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    victim = Client()
    sign_in_verified(victim, cast["auditor"])
    assert victim.get("/audit/").status_code == 200
    assert 'id="reset-2fa-form"' in sec.get(_page(cast["auditor"])).content.decode()
    assert sec.post(f"/security/users/{cast['auditor'].pk}/reset-2fa/").status_code == 302
    assert not TOTPDevice.objects.filter(user=cast["auditor"]).exists()
    assert victim.get("/audit/").status_code == 302  # its sessions ended
    assert AuditRecord.objects.filter(action="core.auth.2fa_reset").count() == 1
    # at the next sign-in the auditor enrols again
    again = Client()
    login(again, "auditor")
    assert 'id="totp-secret"' in again.get("/account/2fa/").content.decode()


@pytest.mark.parametrize("action", ["unlock", "reset-2fa"])
def test_repairs_are_for_the_security_admin_only(cast, settings, action):
    settings.CORE_REQUIRE_TOTP = False
    client = Client()
    client.force_login(cast["platform_admin"])
    response = client.post(f"/security/users/{cast['fin_editor'].pk}/{action}/")
    assert response.status_code == 403
    assert not AuditRecord.objects.filter(action__in=["core.auth.unlock", "core.auth.2fa_reset"])
