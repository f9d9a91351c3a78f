"""Wagtail groups computed from role grants, so Wagtail enforces our scopes on pages.

One group per (role, page), named ``editor@page:123``, holds that role's page permissions
on the page of the grant's scope; Wagtail lets them flow down the page tree. Every user
with a grant is also in the admin-access group; content roles in the media group. Groups
not named this way are never touched, so hand-made groups survive a re-sync.
"""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    GroupSitePermission,
    Page,
)
from wagtail.models import Site as WagtailSite

from govsite.core import audit
from govsite.core.models import Organization, RoleGrant, User
from govsite.core.roles import Role, ScopeType
from govsite.sites.models import Column, Site

ADMIN_GROUP = "govsite:admin-access"
MEDIA_GROUP = "govsite:media"
PAGE_MARK = "@page:"

# Page permissions by role (Wagtail codenames without the "_page" suffix). Roles absent here,
# security_admin and auditor among them, get admin access and no page permissions.
PAGE_PERMISSIONS: dict[str, tuple[str, ...]] = {
    Role.EDITOR: ("add", "change"),
    Role.CONTRIBUTOR: ("add", "change"),
    Role.REVIEWER: ("add", "change", "publish"),
    Role.SITE_ADMIN: ("add", "change", "publish"),
    Role.PLATFORM_ADMIN: ("add", "bulk_delete", "change", "lock", "publish", "unlock"),
}
SETTINGS_PERMISSION = ("cms", "change_siteidentitysettings")
MEDIA_PERMISSIONS = (
    ("wagtailimages", "add_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "choose_document"),
)


def sync_user_groups(user: User) -> None:
    """Make the user's managed groups match its role grants; records cms.permissions.sync
    when anything changed."""
    grants = list(RoleGrant.objects.filter(user=user))
    wanted = {ADMIN_GROUP} if grants else set()
    if any(g.role in PAGE_PERMISSIONS for g in grants):
        wanted.add(MEDIA_GROUP)
    for grant in grants:
        if grant.role in PAGE_PERMISSIONS:
            wanted |= {page_group(grant.role, pid).name for pid in pages_for_grant(grant)}
    current = {n for n in user.groups.values_list("name", flat=True) if is_managed(n)}
    added, removed = wanted - current, current - wanted
    if removed:
        user.groups.remove(*Group.objects.filter(name__in=removed))
    if added:
        user.groups.add(
            *(
                _base_group(n) if n.startswith("govsite:") else Group.objects.get(name=n)
                for n in added
            )
        )
    if added or removed:
        audit.record(
            "cms.permissions.sync",
            user,
            actor=None,
            changes={"added": sorted(added), "removed": sorted(removed)},
        )


def is_managed(name: str) -> bool:
    return name.startswith("govsite:") or PAGE_MARK in name


def pages_for_grant(grant: RoleGrant) -> list[int]:
    """The pages a grant's scope stands for: platform → the root page; organisation → the
    homes of on-platform sites sponsored in its subtree; site → its home; column → its page."""
    if grant.scope_type == ScopeType.PLATFORM:
        return [Page.get_first_root_node().pk]
    if grant.scope_type == ScopeType.ORGANIZATION:
        org = Organization.objects.filter(pk=grant.scope_id).first()
        sites = (
            Site.objects.filter(sponsor__path__startswith=org.path) if org else Site.objects.none()
        )
    elif grant.scope_type == ScopeType.SITE:
        sites = Site.objects.filter(pk=grant.scope_id)
    else:
        page_id = Column.objects.filter(pk=grant.scope_id).values_list("page_id", flat=True).first()
        return [page_id] if page_id else []
    homes = sites.filter(on_platform=True, wagtail_site__isnull=False)
    return list(homes.values_list("wagtail_site__root_page_id", flat=True))


def page_group(role: str, page_id: int) -> Group:
    group, _ = Group.objects.get_or_create(name=f"{role}{PAGE_MARK}{page_id}")
    codenames = [f"{c}_page" for c in PAGE_PERMISSIONS[role]]
    have = set(
        GroupPagePermission.objects.filter(group=group, page_id=page_id).values_list(
            "permission__codename", flat=True
        )
    )
    page_type = ContentType.objects.get_for_model(Page)
    for perm in Permission.objects.filter(content_type=page_type, codename__in=codenames):
        if perm.codename not in have:
            GroupPagePermission.objects.create(group=group, page_id=page_id, permission=perm)
    if role == Role.SITE_ADMIN:
        _grant_settings_on_sites(group, page_id)
    if role == Role.PLATFORM_ADMIN:
        group.permissions.add(_permission(*SETTINGS_PERMISSION))
    return group


def _grant_settings_on_sites(group: Group, page_id: int) -> None:
    perm = _permission(*SETTINGS_PERMISSION)
    for site in WagtailSite.objects.filter(root_page_id=page_id):
        GroupSitePermission.objects.get_or_create(group=group, site=site, permission=perm)


def _base_group(name: str) -> Group:
    group, created = Group.objects.get_or_create(name=name)
    if not created:
        return group
    if name == ADMIN_GROUP:
        group.permissions.add(_permission("wagtailadmin", "access_admin"))
    elif name == MEDIA_GROUP:
        root = Collection.get_first_root_node()
        for app_label, codename in MEDIA_PERMISSIONS:
            GroupCollectionPermission.objects.create(
                group=group, collection=root, permission=_permission(app_label, codename)
            )
    return group


def _permission(app_label: str, codename: str) -> Permission:
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def resync_site_holders(site: Site) -> None:
    """Re-sync users whose site or organisation grants cover ``site`` (its home appeared)."""
    scopes = [(ScopeType.SITE, site.pk)]
    scopes += [(ScopeType.ORGANIZATION, pk) for pk in site.sponsor.ancestor_ids()]
    _resync_holders(scopes)


def resync_column_holders(column: Column) -> None:
    """Re-sync users holding a grant on ``column`` (its page appeared)."""
    _resync_holders([(ScopeType.COLUMN, column.pk)])


def _resync_holders(scopes: list[tuple[str, int]]) -> None:
    user_ids = set()
    for scope_type, scope_id in scopes:
        user_ids |= set(
            RoleGrant.objects.filter(scope_type=scope_type, scope_id=scope_id).values_list(
                "user_id", flat=True
            )
        )
    for user in User.objects.filter(pk__in=user_ids):
        sync_user_groups(user)
