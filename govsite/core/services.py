"""Every state change of core: organisations, accounts, role grants, API tokens."""

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from . import access, audit, scopes
from .errors import GovsitePermissionDenied, GovsiteValidationError
from .models import Organization, Region, RoleGrant, User
from .roles import ALLOWED_SCOPES, DELEGABLE_BY_SITE_ADMIN, SEPARATED_ROLES, Role, ScopeType
from .signals import role_grants_changed

RESERVED_USERNAMES = frozenset({"admin", "root", "test", "sa", "administrator", "guest"})


@transaction.atomic
def create_organization(
    *,
    actor: User | None,
    name: str,
    kind: str,
    region: Region,
    parent: Organization | None = None,
    **fields,
) -> Organization:
    """Create an organisation under ``parent`` (or as a root); records core.organization.create."""
    name = (name or "").strip()
    if not name:
        raise GovsiteValidationError(
            "单位名称不能为空", "Organisation name is required", field="name"
        )
    if kind not in Organization.Kind.values:
        raise GovsiteValidationError("单位类型无效", f"Unknown organisation kind {kind!r}")
    if Organization.objects.filter(name=name, region=region).exists():
        raise GovsiteValidationError(
            f"该行政区划下已有名为“{name}”的单位", f"An organisation named {name!r} exists here"
        )
    node = Organization(name=name, kind=kind, region=region, **fields)
    org = parent.add_child(instance=node) if parent else Organization.add_root(instance=node)
    audit.record(
        "core.organization.create",
        org,
        actor=actor,
        changes={
            "after": {
                "name": name,
                "kind": kind,
                "region": region.code,
                "parent": parent.pk if parent else None,
            }
        },
    )
    return org


def _check_password(password: str, user: User | None = None) -> None:
    if not password or not password.strip():
        raise GovsiteValidationError("密码不能为空", "Password must not be empty", field="password")
    try:
        validate_password(password, user)
    except ValidationError as exc:
        raise GovsiteValidationError(
            "密码不符合要求", "Password rejected: " + "；".join(exc.messages), field="password"
        ) from exc


@transaction.atomic
def create_user(
    *,
    actor: User | None,
    username: str,
    password: str,
    organization: Organization | None = None,
    must_change_password: bool = True,
    **fields,
) -> User:
    """Create an account for one natural person; records core.user.create (never the password)."""
    username = (username or "").strip()
    if not username:
        raise GovsiteValidationError("用户名不能为空", "Username is required", field="username")
    if username.lower() in RESERVED_USERNAMES:
        raise GovsiteValidationError(
            f"“{username}”是保留用户名，不能使用",
            f"{username!r} is a reserved username",
            field="username",
        )
    if User.objects.filter(username__iexact=username).exists():
        raise GovsiteValidationError(
            f"用户名“{username}”已存在", f"Username {username!r} is taken", field="username"
        )
    user = User(
        username=username,
        organization=organization,
        must_change_password=must_change_password,
        **fields,
    )
    _check_password(password, user)
    user.set_password(password)
    user.save()
    audit.record(
        "core.user.create",
        user,
        actor=actor,
        changes={"after": {"username": username, "organization": str(organization or "")}},
    )
    return user


@transaction.atomic
def change_password(user: User, *, actor: User | None, password: str) -> User:
    """Set a new password after validating it; records core.user.password_change."""
    _check_password(password, user)
    user.set_password(password)
    user.must_change_password = actor is not None and actor.pk != user.pk
    user.save(update_fields=["password", "must_change_password"])
    audit.record("core.user.password_change", user, actor=actor)
    return user


@transaction.atomic
def set_user_active(user: User, *, actor: User, active: bool) -> User:
    """Enable or disable an account; disabling ends all its sessions."""
    access.require(actor, "user.manage")
    user.is_active = active
    user.save(update_fields=["is_active"])
    if not active:
        end_sessions(user)
    audit.record("core.user.enable" if active else "core.user.disable", user, actor=actor)
    return user


def end_sessions(user: User) -> int:
    from django.contrib.sessions.models import Session

    ended = 0
    for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
        if str(session.get_decoded().get("_auth_user_id")) == str(user.pk):
            session.delete()
            ended += 1
    return ended


def _check_grant(actor: User | None, user: User, role: str, scope_type: str, scope_id) -> str:
    if role not in Role.values:
        raise GovsiteValidationError("角色无效", f"Unknown role {role!r}", field="role")
    if scope_type not in ALLOWED_SCOPES[role]:
        allowed = "、".join(str(ScopeType(s).label) for s in sorted(ALLOWED_SCOPES[role]))
        raise GovsiteValidationError(
            f"角色“{Role(role).label}”只能授予在：{allowed}",
            f"Role {role} cannot be granted on a {scope_type} scope",
            field="scope_type",
        )
    label = scopes.label_of(scope_type, scope_id)
    if label is None:
        raise GovsiteValidationError(
            "授权范围不存在", f"No {scope_type} with id {scope_id}", field="scope_id"
        )
    held = {g.role for g in RoleGrant.objects.filter(user=user)}
    if (role in SEPARATED_ROLES and held - {role}) or (held & SEPARATED_ROLES - {role}):
        raise GovsiteValidationError(
            "三员分立：系统管理员、安全管理员、审计管理员不能兼任其他角色",
            "Separation of duties: platform, security and audit administrators hold no other role",
            field="role",
        )
    if actor is not None:
        _check_granter(actor, role, scope_type, scope_id)
    return label


def _check_granter(actor: User, role: str, scope_type: str, scope_id) -> None:
    if access.has_role(actor, Role.SECURITY_ADMIN):
        return
    chain = scopes.chain_of(scope_type, scope_id)
    if role in DELEGABLE_BY_SITE_ADMIN and access.can(actor, "role.grant", chain=chain):
        return
    raise GovsitePermissionDenied(
        "您不能在自己未持有的范围内授予该角色",
        "You cannot grant this role on a scope you do not hold",
    )


@transaction.atomic
def grant_role(
    user: User, *, actor: User | None, role: str, scope_type: str, scope_id: int | None = None
) -> RoleGrant:
    """Grant ``role`` on a scope. Checks 三员分立 and the granter's own scope.

    ``actor`` None means the system itself (installation, demo). Records core.role.grant and
    sends ``role_grants_changed`` after commit.
    """
    scope_id = 0 if scope_type == ScopeType.PLATFORM else scope_id
    label = _check_grant(actor, user, role, scope_type, scope_id)
    grant, created = RoleGrant.objects.get_or_create(
        user=user,
        role=role,
        scope_type=scope_type,
        scope_id=scope_id,
        defaults={"granted_by": actor},
    )
    if created:
        audit.record(
            "core.role.grant",
            user,
            actor=actor,
            changes={
                "after": {
                    "role": role,
                    "scope": f"{scope_type}:{scope_id or '*'}",
                    "scope_name": label,
                }
            },
        )
        _after_grants_changed(user)
    return grant


@transaction.atomic
def revoke_role(grant: RoleGrant, *, actor: User | None) -> None:
    """Remove one grant; records core.role.revoke."""
    if actor is not None:
        _check_granter(actor, grant.role, grant.scope_type, grant.scope_id)
    user = grant.user
    before = {"role": grant.role, "scope": f"{grant.scope_type}:{grant.scope_id or '*'}"}
    grant.delete()
    audit.record("core.role.revoke", user, actor=actor, changes={"before": before})
    _after_grants_changed(user)


def _after_grants_changed(user: User) -> None:
    access.forget_grants(user)
    transaction.on_commit(lambda: role_grants_changed.send(sender=User, user=user))
