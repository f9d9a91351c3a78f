"""Regions, organisations, users, role grants, API tokens and the audit trail."""

from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _
from treebeard.mp_tree import MP_Node

from .roles import Role, ScopeType


class Region(models.Model):
    """An administrative division with its 6-digit code (GB/T 2260, as cpca ships it)."""

    class Level(models.TextChoices):
        PROVINCE = "province", _("Province")
        CITY = "city", _("City")
        COUNTY = "county", _("County")

    code = models.CharField(_("division code"), max_length=6, unique=True)
    name = models.CharField(_("name"), max_length=64)
    level = models.CharField(_("level"), max_length=16, choices=Level.choices)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    longitude = models.FloatField(null=True, blank=True)
    latitude = models.FloatField(null=True, blank=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("region")
        verbose_name_plural = _("regions")

    def __str__(self) -> str:
        return f"{self.name}（{self.code}）"

    @property
    def full_name(self) -> str:
        names, node = [], self
        while node is not None:
            if node.name != "市辖区":
                names.append(node.name)
            node = node.parent
        return "".join(reversed(names))


class Organization(MP_Node):
    """A government body, department, public institution or vendor company; a tree."""

    class Kind(models.TextChoices):
        GOVERNMENT = "government", _("People's government")
        DEPARTMENT = "department", _("Department")
        INSTITUTION = "institution", _("Public institution")
        VENDOR = "vendor", _("Outsourcing vendor")

    name = models.CharField(_("name"), max_length=128)
    short_name = models.CharField(_("short name"), max_length=32, blank=True)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    region = models.ForeignKey(Region, on_delete=models.PROTECT, verbose_name=_("region"))
    credit_code = models.CharField(_("unified social credit code"), max_length=18, blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=32, blank=True)
    address = models.CharField(_("address"), max_length=200, blank=True)

    # No node_order_by: siblings keep insertion order, so adding one never rewrites the tree
    # paths of the others (objects already in memory keep valid paths).

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        constraints = [
            models.UniqueConstraint(fields=["name", "region"], name="core_org_unique_name_region")
        ]

    def __str__(self) -> str:
        return self.name

    def scope_chain(self) -> list[tuple[str, int | None]]:
        chain = [(ScopeType.ORGANIZATION.value, pk) for pk in self.ancestor_ids()]
        return [*chain, (ScopeType.PLATFORM.value, None)]

    def ancestor_ids(self) -> list[int]:
        """This organisation's id and its ancestors', nearest first."""
        paths = [self.path[: i * self.steplen] for i in range(self.depth, 0, -1)]
        by_path = dict(Organization.objects.filter(path__in=paths).values_list("path", "id"))
        return [by_path[p] for p in paths if p in by_path]

    @property
    def parent_org(self) -> "Organization | None":
        return self.get_parent()


class GovsiteUserManager(UserManager):
    def get_by_natural_key(self, username):
        return self.get(username__iexact=username)


class User(AbstractUser):
    """A natural person. Usernames are unique without regard to case (security.md A.1)."""

    organization = models.ForeignKey(
        Organization,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        verbose_name=_("organisation"),
    )
    phone = models.CharField(_("phone"), max_length=32, blank=True)
    must_change_password = models.BooleanField(_("must change password"), default=False)

    objects = GovsiteUserManager()

    class Meta(AbstractUser.Meta):
        swappable = "AUTH_USER_MODEL"
        constraints = [
            models.UniqueConstraint(Lower("username"), name="core_user_username_ci_unique")
        ]

    @property
    def display_name(self) -> str:
        return self.get_full_name() or self.username


class RoleGrantQuerySet(models.QuerySet):
    def for_user(self, user) -> "RoleGrantQuerySet":
        return self.filter(user=user)

    def of_roles(self, roles) -> "RoleGrantQuerySet":
        return self.filter(role__in=list(roles))


class RoleGrant(models.Model):
    """One role held by one user on one scope. ``scope_id`` is 0 for the platform scope.

    The scope row lives in core (organisation) or in sites (site, column); the id is kept
    plain so that core needs no import of sites.
    """

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="role_grants")
    role = models.CharField(_("role"), max_length=32, choices=Role.choices)
    scope_type = models.CharField(_("scope"), max_length=16, choices=ScopeType.choices)
    scope_id = models.PositiveBigIntegerField(_("scope id"), default=0)  # 0: the platform
    granted_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    granted_at = models.DateTimeField(_("granted at"), auto_now_add=True)

    objects = RoleGrantQuerySet.as_manager()

    class Meta:
        verbose_name = _("role grant")
        verbose_name_plural = _("role grants")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "role", "scope_type", "scope_id"],
                name="core_rolegrant_unique",
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.get_role_display()} @ {self.scope_type}:{self.scope_id or '*'}"

    @property
    def scope_key(self) -> tuple[str, int | None]:
        return (self.scope_type, self.scope_id or None)


class AuditRecordQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise TypeError("audit records are append-only / 审计记录只能追加")

    def delete(self):
        raise TypeError("audit records are append-only / 审计记录只能追加")


class AuditRecord(models.Model):
    """One append-only entry of the tamper-evident audit trail (security.md C.19-21).

    ``hash`` = SM3(canonical content of this record + ``prev_hash``); ``seq`` counts from 1
    without gaps, so an edited, deleted or inserted record breaks the chain where it stands.
    """

    class Outcome(models.TextChoices):
        SUCCESS = "success", _("Success")
        FAILURE = "failure", _("Failure")

    seq = models.PositiveBigIntegerField(_("sequence"), unique=True)
    time = models.DateTimeField(_("time"), db_index=True)
    actor = models.ForeignKey(
        User,
        null=True,
        blank=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
        verbose_name=_("actor"),
    )
    actor_name = models.CharField(_("actor name"), max_length=150, blank=True)
    actor_roles = models.CharField(_("actor roles"), max_length=200, blank=True)
    ip = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    action = models.CharField(_("action"), max_length=64, db_index=True)
    outcome = models.CharField(_("outcome"), max_length=8, choices=Outcome.choices)
    object_type = models.CharField(_("object type"), max_length=64, blank=True, db_index=True)
    object_id = models.CharField(_("object id"), max_length=64, blank=True)
    object_repr = models.CharField(_("object"), max_length=200, blank=True)
    changes = models.JSONField(_("changes"), default=dict, blank=True)
    request_id = models.CharField(_("request id"), max_length=32, blank=True)
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64, unique=True)

    objects = AuditRecordQuerySet.as_manager()

    class Meta:
        ordering = ["seq"]
        verbose_name = _("audit record")
        verbose_name_plural = _("audit records")

    def __str__(self) -> str:
        return f"#{self.seq} {self.action} {self.object_repr}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise TypeError("audit records are append-only / 审计记录只能追加")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise TypeError("audit records are append-only / 审计记录只能追加")


class AuditHead(models.Model):
    """A single row holding the last sequence number and hash; locked while appending."""

    seq = models.PositiveBigIntegerField(default=0)
    hash = models.CharField(max_length=64)

    def __str__(self) -> str:
        return f"audit head #{self.seq}"
