"""Every permission decision about scoped objects goes through here.

An object is inside a grant's scope when the grant's (scope_type, scope_id) appears in the
object's scope chain; a capability is held when such a grant's role has it (roles.CAPABILITIES).
"""

from django.http import Http404

from .errors import GovsitePermissionDenied
from .models import Organization, RoleGrant, User
from .roles import CAPABILITIES, Role, ScopeType


def grants_of(user) -> list[RoleGrant]:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return []
    cache = getattr(user, "_govsite_grants", None)
    if cache is None:
        cache = list(RoleGrant.objects.filter(user=user))
        user._govsite_grants = cache
    return cache


def forget_grants(user) -> None:
    if hasattr(user, "_govsite_grants"):
        del user._govsite_grants


def roles_of(user) -> set[str]:
    return {g.role for g in grants_of(user)}


def has_role(user, role: str) -> bool:
    return role in roles_of(user)


def can(user, capability: str, obj=None, *, chain=None) -> bool:
    """Whether ``user`` holds ``capability`` on ``obj`` (or on the platform when obj is None)."""
    roles = CAPABILITIES[capability]
    if chain is None:
        chain = obj.scope_chain() if obj is not None else [(ScopeType.PLATFORM.value, None)]
    keys = set(chain)
    return any(g.role in roles and g.scope_key in keys for g in grants_of(user))


def require(user, capability: str, obj=None, *, chain=None) -> None:
    if not can(user, capability, obj, chain=chain):
        raise GovsitePermissionDenied()


def grants_with(user, capability: str) -> list[RoleGrant]:
    roles = CAPABILITIES[capability]
    return [g for g in grants_of(user) if g.role in roles]


def scope_ids(user, capability: str, scope_type: str) -> set[int]:
    return {g.scope_id for g in grants_with(user, capability) if g.scope_type == scope_type}


def has_platform_scope(user, capability: str) -> bool:
    return any(g.scope_type == ScopeType.PLATFORM for g in grants_with(user, capability))


def organizations_visible_to(user):
    """Organisations the user may see: its grant subtrees, and the ancestors of those."""
    if has_platform_scope(user, "organization.view"):
        return Organization.objects.all()
    ids = scope_ids(user, "organization.view", ScopeType.ORGANIZATION)
    roots = list(Organization.objects.filter(pk__in=ids))
    if user.is_authenticated and user.organization_id and grants_with(user, "organization.view"):
        roots.append(user.organization)  # one's own organisation, for roles that see any
    if not roots:
        return Organization.objects.none()
    q = Organization.objects.none()
    for root in roots:
        q = q | Organization.get_tree(root) | root.get_ancestors()
    return Organization.objects.filter(pk__in=q.values("pk"))


def get_organization_for_user(user, pk) -> Organization:
    org = organizations_visible_to(user).filter(pk=pk).first()
    if org is None:
        raise Http404
    return org


def is_separated_admin(user) -> bool:
    return bool(roles_of(user) & {Role.PLATFORM_ADMIN, Role.SECURITY_ADMIN, Role.AUDITOR})


def get_user(pk) -> User:
    return User.objects.get(pk=pk)
