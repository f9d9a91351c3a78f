"""core's part of the permission matrix: the reviewed capability table, who reads the audit
trail, who sees which organisations (access and API), and grants refused without a trace.

Sites and columns have their own matrix in govsite/sites/tests/test_permissions.py.
"""

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.models import APIToken

from govsite.core import access, services
from govsite.core.errors import GovsitePermissionDenied, GovsiteValidationError
from govsite.core.models import AuditRecord, RoleGrant, User
from govsite.core.roles import CAPABILITIES, Role, ScopeType

from .helpers_security import sign_in_verified

USERS = (
    "platform_admin", "security_admin", "auditor", "sponsor_admin", "sponsor_editor",
    "sponsor_reviewer", "department_editor", "fin_editor", "vendor_engineer", "inspector",
    "citizen",
)  # fmt: skip

# The capabilities of organisations, sites, columns, articles, accounts and the audit trail as
# reviewed (security.md B.16). Changing one of them in roles.CAPABILITIES must change this
# golden copy in the same commit, so the review sees it. Other apps' capabilities are theirs.
PA, SEC, AUD, SA = "platform_admin", "security_admin", "auditor", "site_admin"
ED, REV, CON, VEN, INS = "editor", "reviewer", "contributor", "vendor_engineer", "inspector"
READERS = {PA, SA, ED, REV, CON, VEN, INS}
GOLDEN_CAPABILITIES = {
    "organization.view": READERS | {SEC},
    "organization.change": {PA},
    "site.view": READERS,
    "site.create": {PA},
    "site.change": {PA, SA},
    "site.lifecycle": {PA},
    "column.view": READERS,
    "column.change": {PA, SA},
    "article.view": READERS,
    "article.change": {SA, ED, REV, CON},
    "article.publish": {SA, REV},
    "audit.view": {AUD},
    "audit.export": {AUD},
    "user.manage": {SEC},
    "role.grant": {SEC, SA},
}

# Organisations each cast member sees: its grants' subtrees, its own organisation's subtree,
# and the ancestors of both.
ALL_ORGS = {"gov", "edu", "fin", "hz_gov", "hz_edu", "vendor"}
GOV_TREE = ALL_ORGS - {"vendor"}
EXPECTED_ORGANIZATIONS = {
    "platform_admin": ALL_ORGS,
    "security_admin": ALL_ORGS,
    "auditor": set(),  # reads the audit trail and nothing else
    "sponsor_admin": {"gov", "edu"},
    "sponsor_editor": {"gov", "edu"},
    "sponsor_reviewer": {"gov", "edu"},
    "department_editor": {"gov", "edu"},
    "fin_editor": {"gov", "fin"},
    "vendor_engineer": {"vendor", "edu", "gov"},
    "inspector": ALL_ORGS,
    "citizen": set(),
}


def test_capability_table_matches_the_reviewed_copy():
    assert {cap: set(CAPABILITIES[cap]) for cap in GOLDEN_CAPABILITIES} == GOLDEN_CAPABILITIES


@pytest.mark.parametrize("who", USERS)
def test_only_the_auditor_reads_and_exports_the_audit_trail(cast, who):
    user = User.objects.get(pk=cast[who].pk)
    assert access.can(user, "audit.view") == (who == "auditor")
    assert access.can(user, "audit.export") == (who == "auditor")


@pytest.mark.parametrize("who", USERS)
@pytest.mark.parametrize("url_name", ["core:audit_list", "core:audit_export"])
def test_audit_screens_open_only_to_the_auditor(cast, who, url_name):
    client = Client()
    if who == "citizen":
        client.force_login(cast[who])
    else:
        sign_in_verified(client, cast[who])
    response = client.get(reverse(url_name))
    assert response.status_code == (200 if who == "auditor" else 403)


@pytest.mark.parametrize("who", USERS)
def test_organisations_visible_in_access_and_api(cast, province, who):
    user = User.objects.get(pk=cast[who].pk)
    names = {name for name, org in province.items() if org.pk in _visible_org_ids(user)}
    assert names == EXPECTED_ORGANIZATIONS[who]

    _, token = APIToken.create_token(user=cast[who], name="tests")
    client = Client(headers={"authorization": f"Bearer {token}"})
    listed = {o["id"] for o in client.get("/api/v1/organizations/?limit=200").json()["items"]}
    assert listed == {province[n].pk for n in EXPECTED_ORGANIZATIONS[who]}
    for name, org in province.items():
        status = client.get(f"/api/v1/organizations/{org.pk}/").status_code
        assert status == (200 if name in EXPECTED_ORGANIZATIONS[who] else 404), name


def _visible_org_ids(user) -> set[int]:
    return set(access.organizations_visible_to(user).values_list("pk", flat=True))


def _trail() -> tuple[int, int]:
    return RoleGrant.objects.count(), AuditRecord.objects.count()


def test_site_admin_may_not_grant_on_a_site_it_does_not_hold(cast, sites):
    before = _trail()
    with pytest.raises(GovsitePermissionDenied) as caught:
        services.grant_role(
            cast["fin_editor"], actor=cast["sponsor_admin"], role=Role.EDITOR,
            scope_type=ScopeType.SITE, scope_id=sites["fin"].pk,
        )  # fmt: skip
    assert caught.value.zh == "您不能在自己未持有的范围内授予该角色"
    assert caught.value.en == "You cannot grant this role on a scope you do not hold"
    assert _trail() == before


def test_site_admin_may_not_hand_out_its_own_role(cast, sites):
    before = _trail()
    with pytest.raises(GovsitePermissionDenied):
        services.grant_role(
            cast["sponsor_editor"], actor=cast["sponsor_admin"], role=Role.SITE_ADMIN,
            scope_type=ScopeType.SITE, scope_id=sites["edu"].pk,
        )  # fmt: skip
    assert _trail() == before


def test_site_admin_grants_inside_its_own_site(cast, sites):
    grants, records = _trail()
    services.grant_role(
        cast["fin_editor"], actor=cast["sponsor_admin"], role=Role.REVIEWER,
        scope_type=ScopeType.COLUMN, scope_id=sites["columns"]["edu_notice"].pk,
    )  # fmt: skip
    assert _trail() == (grants + 1, records + 1)


@pytest.mark.parametrize(
    ("who", "role"),
    [
        ("platform_admin", Role.AUDITOR),
        ("auditor", Role.SECURITY_ADMIN),
        ("security_admin", Role.PLATFORM_ADMIN),
        ("inspector", Role.AUDITOR),  # a business role already held
    ],
)
def test_a_second_separated_role_is_refused(cast, who, role):
    before = _trail()
    with pytest.raises(GovsiteValidationError) as caught:
        services.grant_role(
            cast[who], actor=cast["security_admin"], role=role, scope_type=ScopeType.PLATFORM
        )
    assert "三员分立" in caught.value.zh
    assert "Separation of duties" in caught.value.en
    assert _trail() == before


def test_a_site_admin_cannot_reach_the_grant_screen(cast, sites):
    client = Client()
    sign_in_verified(client, cast["sponsor_admin"])
    before = RoleGrant.objects.count()
    response = client.post(
        reverse("core:user_grants", args=[cast["fin_editor"].pk]),
        {"role": "editor", "scope": f"site:{sites['fin'].pk}"},
    )
    assert response.status_code == 403
    assert RoleGrant.objects.count() == before
