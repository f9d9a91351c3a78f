"""Roles, the scopes each may be granted on, and what each may do.

This table is the reviewed permission matrix (security.md B.16): data in one place,
read by ``access`` and exported by ``govsite roles`` for golden-file review.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    PLATFORM_ADMIN = "platform_admin", _("Platform administrator")
    SECURITY_ADMIN = "security_admin", _("Security administrator")
    AUDITOR = "auditor", _("Auditor")
    SITE_ADMIN = "site_admin", _("Site administrator")
    EDITOR = "editor", _("Editor")
    REVIEWER = "reviewer", _("Reviewer")
    CONTRIBUTOR = "contributor", _("Department contributor")
    VENDOR_ENGINEER = "vendor_engineer", _("Vendor engineer")
    INSPECTOR = "inspector", _("Inspector")


class ScopeType(models.TextChoices):
    PLATFORM = "platform", _("Whole platform")
    ORGANIZATION = "organization", _("Organisation subtree")
    SITE = "site", _("Site")
    COLUMN = "column", _("Column subtree")


R, S = Role, ScopeType

# 三员分立: one account never holds two of these, nor any of them with a business role.
SEPARATED_ROLES = frozenset({R.PLATFORM_ADMIN, R.SECURITY_ADMIN, R.AUDITOR})

ALLOWED_SCOPES: dict[str, frozenset[str]] = {
    R.PLATFORM_ADMIN: frozenset({S.PLATFORM}),
    R.SECURITY_ADMIN: frozenset({S.PLATFORM}),
    R.AUDITOR: frozenset({S.PLATFORM}),
    R.SITE_ADMIN: frozenset({S.ORGANIZATION, S.SITE}),
    R.EDITOR: frozenset({S.ORGANIZATION, S.SITE, S.COLUMN}),
    R.REVIEWER: frozenset({S.ORGANIZATION, S.SITE, S.COLUMN}),
    R.CONTRIBUTOR: frozenset({S.COLUMN}),
    R.VENDOR_ENGINEER: frozenset({S.ORGANIZATION, S.SITE}),
    R.INSPECTOR: frozenset({S.PLATFORM, S.ORGANIZATION}),
}

# Roles whose holders must pass TOTP two-factor authentication (security.md A.6).
TWO_FACTOR_ROLES = frozenset({R.PLATFORM_ADMIN, R.SECURITY_ADMIN, R.AUDITOR, R.SITE_ADMIN})

# Roles a site administrator may hand out inside the scope it holds.
DELEGABLE_BY_SITE_ADMIN = frozenset({R.EDITOR, R.REVIEWER, R.CONTRIBUTOR})

_CONTENT = frozenset({R.SITE_ADMIN, R.EDITOR, R.REVIEWER, R.CONTRIBUTOR})
_READERS = _CONTENT | {R.PLATFORM_ADMIN, R.INSPECTOR, R.VENDOR_ENGINEER}

# capability -> roles that have it on objects inside their scope
CAPABILITIES: dict[str, frozenset[str]] = {
    "organization.view": frozenset(_READERS | {R.SECURITY_ADMIN}),
    "organization.change": frozenset({R.PLATFORM_ADMIN}),
    "site.view": frozenset(_READERS),
    "site.create": frozenset({R.PLATFORM_ADMIN}),
    "site.change": frozenset({R.PLATFORM_ADMIN, R.SITE_ADMIN}),
    "site.lifecycle": frozenset({R.PLATFORM_ADMIN}),
    "column.view": frozenset(_READERS),
    "column.change": frozenset({R.PLATFORM_ADMIN, R.SITE_ADMIN}),
    "article.view": frozenset(_READERS),
    "article.change": frozenset(_CONTENT),
    "article.publish": frozenset({R.SITE_ADMIN, R.REVIEWER}),
    "audit.view": frozenset({R.AUDITOR}),
    "audit.export": frozenset({R.AUDITOR}),
    "user.manage": frozenset({R.SECURITY_ADMIN}),
    "role.grant": frozenset({R.SECURITY_ADMIN, R.SITE_ADMIN}),
    # monitoring: findings are seen on whole sites (a column grant does not show a site's)
    "finding.view": frozenset(_READERS - {R.CONTRIBUTOR}),
    "finding.review": frozenset({R.PLATFORM_ADMIN, R.INSPECTOR}),
    "patrol.run": frozenset({R.PLATFORM_ADMIN, R.INSPECTOR, R.SITE_ADMIN}),
    "alert.receive": frozenset({R.PLATFORM_ADMIN, R.INSPECTOR, R.SITE_ADMIN}),
}
