"""Role grants become Wagtail page permissions on the pages of their scope, and nothing more."""

import io

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.models import Page

from govsite.cms import permissions
from govsite.core import services as core_services
from govsite.core.models import AuditRecord
from govsite.core.roles import Role, ScopeType
from govsite.sites import services as site_services
from govsite.sites.models import Site

DENIED = (302, 403)


def _edit(client, page):
    return client.get(f"/admin/pages/{page.pk}/edit/")


def test_site_editor_edits_her_site_and_not_another(client, platform, articles, cast):
    client.force_login(cast["sponsor_editor"])
    assert _edit(client, articles["edu_notice"]).status_code == 200
    assert _edit(client, platform["edu"].wagtail_site.root_page).status_code == 200
    assert _edit(client, articles["fin_policy"]).status_code in DENIED
    assert _edit(client, platform["fin"].wagtail_site.root_page).status_code in DENIED


def test_site_editor_does_not_see_other_sites_in_the_explorer(client, platform, cast):
    client.force_login(cast["sponsor_editor"])
    root = Page.get_first_root_node()
    listing = client.get(f"/admin/pages/{root.pk}/", follow=True).content.decode()
    assert "浙江省教育厅网站" in listing
    assert "浙江省财政厅网站" not in listing and "浙江省人民政府门户网站" not in listing
    fin_home = platform["fin"].wagtail_site.root_page
    response = client.get(f"/admin/pages/{fin_home.pk}/")
    assert response.status_code in DENIED or "浙江省财政厅网站" not in response.content.decode()


def test_contributor_edits_only_inside_her_column(client, platform, articles, cast):
    client.force_login(cast["department_editor"])
    assert _edit(client, articles["portal_edu"]).status_code == 200
    assert _edit(client, articles["portal_news"]).status_code in DENIED
    assert _edit(client, platform["portal"].wagtail_site.root_page).status_code in DENIED
    assert _edit(client, articles["edu_notice"]).status_code in DENIED


def test_contributor_adds_articles_only_in_her_column(client, platform, cast):
    client.force_login(cast["department_editor"])
    inside = platform["columns"]["portal_edu"].page_id
    outside = platform["columns"]["portal_news"].page_id
    assert client.get(f"/admin/pages/add/cms/articlepage/{inside}/").status_code == 200
    assert client.get(f"/admin/pages/add/cms/articlepage/{outside}/").status_code in DENIED


@pytest.mark.parametrize("who", ["security_admin", "auditor"])
def test_separated_admins_enter_the_admin_but_touch_no_page(client, platform, articles, cast, who):
    client.force_login(cast[who])
    assert client.get("/admin/").status_code == 200
    assert _edit(client, articles["edu_notice"]).status_code in DENIED
    assert not any(permissions.PAGE_MARK in g.name for g in cast[who].groups.all())


def test_citizen_has_no_admin(client, platform, cast):
    client.force_login(cast["citizen"])
    assert client.get("/admin/").status_code == 302
    assert not cast["citizen"].groups.exists()


def test_platform_admin_holds_every_page_permission_on_the_root(client, platform, articles, cast):
    admin = cast["platform_admin"]
    root = Page.get_first_root_node()
    group = Group.objects.get(name=f"platform_admin@page:{root.pk}")
    codenames = set(group.page_permissions.values_list("permission__codename", flat=True))
    assert codenames == {f"{c}_page" for c in permissions.PAGE_PERMISSIONS["platform_admin"]}
    assert admin.groups.filter(pk=group.pk).exists()
    client.force_login(admin)
    assert _edit(client, articles["fin_policy"]).status_code == 200


@pytest.mark.parametrize(
    ("who", "publish"),
    [("sponsor_editor", False), ("sponsor_reviewer", True), ("sponsor_admin", True)],
)
def test_only_reviewers_and_site_admins_publish(platform, cast, who, publish):
    home = platform["edu"].wagtail_site.root_page
    tester = home.permissions_for_user(cast[who])
    assert tester.can_edit() and tester.can_publish() is publish


def test_site_admin_may_change_her_site_identity_settings_only(platform, cast):
    from govsite.cms.models import SiteIdentitySettings

    policy = SiteIdentitySettings.get_permission_policy()
    own, other = platform["edu"].wagtail_site, platform["fin"].wagtail_site
    admin = cast["sponsor_admin"]
    assert policy.user_has_permission_for_instance(admin, "change", own)
    assert not policy.user_has_permission_for_instance(admin, "change", other)


def test_grant_and_revoke_resync_groups(cast, platform, django_capture_on_commit_callbacks):
    user = cast["fin_editor"]
    fin_home = platform["fin"].wagtail_site.root_page_id
    edu_home = platform["edu"].wagtail_site.root_page_id
    with django_capture_on_commit_callbacks(execute=True):
        grant = core_services.grant_role(
            user,
            actor=None,
            role=Role.EDITOR,
            scope_type=ScopeType.SITE,
            scope_id=platform["edu"].pk,
        )
    names = set(user.groups.values_list("name", flat=True))
    assert {f"editor@page:{fin_home}", f"editor@page:{edu_home}"} <= names
    with django_capture_on_commit_callbacks(execute=True):
        core_services.revoke_role(grant, actor=None)
    names = set(user.groups.values_list("name", flat=True))
    assert f"editor@page:{edu_home}" not in names and f"editor@page:{fin_home}" in names
    assert AuditRecord.objects.filter(
        action="cms.permissions.sync", object_id=str(user.pk)
    ).exists()


def test_organisation_scope_reaches_a_site_opened_later(
    province, cast, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        user = core_services.create_user(
            actor=None,
            username="hz_editor",
            password="Cast#2026pass",
            organization=province["hz_gov"],
        )
        core_services.grant_role(
            user,
            actor=None,
            role=Role.EDITOR,
            scope_type=ScopeType.ORGANIZATION,
            scope_id=province["hz_gov"].pk,
        )
        assert not user.groups.filter(name__contains="@page:").exists()
        site = site_services.register_site(
            actor=None,
            name="杭州市教育局平台网站",
            domain="jyj.hangzhou.gov.cn",
            site_code="3301000009",
            sponsor=province["hz_edu"],
            kind="department",
            on_platform=True,
            status=Site.Status.OPEN,
        )
    site.refresh_from_db()
    home_id = site.wagtail_site.root_page_id
    assert user.groups.filter(name=f"editor@page:{home_id}").exists()
    assert Page.objects.get(pk=home_id).permissions_for_user(user).can_edit()


def test_column_grant_follows_a_page_created_later(
    province, sites, cast, django_capture_on_commit_callbacks
):
    column = sites["columns"]["portal_edu"]
    user = cast["department_editor"]
    Site.objects.filter(pk=sites["portal"].pk).update(on_platform=True)
    with django_capture_on_commit_callbacks(execute=True):
        site_services.update_site(sites["portal"], actor=None, name="浙江省人民政府门户网站")
    column.refresh_from_db()
    assert column.page_id
    assert user.groups.filter(name=f"contributor@page:{column.page_id}").exists()


def test_site_admin_edits_identity_settings_of_her_site_only(client, platform, cast):
    client.force_login(cast["sponsor_admin"])
    own, other = platform["edu"].wagtail_site, platform["fin"].wagtail_site
    assert client.get(f"/admin/settings/cms/siteidentitysettings/{own.pk}/").status_code == 200
    response = client.get(f"/admin/settings/cms/siteidentitysettings/{other.pk}/")
    assert response.status_code in DENIED


def test_resync_command_repairs_missing_groups(platform, cast):
    editor = cast["sponsor_editor"]
    editor.groups.clear()
    out = io.StringIO()
    call_command("cms_resync", stdout=out)
    assert "3 sites" in out.getvalue()
    home = platform["edu"].wagtail_site.root_page
    assert home.permissions_for_user(editor).can_edit()
