"""Wagtail admin entry decided by our role grants, so no Django group has to be kept in step."""

from django.contrib.auth.backends import BaseBackend

from . import access

ADMIN_ACCESS = "wagtailadmin.access_admin"


class RoleAdminAccessBackend(BaseBackend):
    """Gives Wagtail's ``access_admin`` to active users holding any role; grants nothing else
    and authenticates nobody. What each role may do inside is decided by ``access``."""

    def has_perm(self, user_obj, perm, obj=None) -> bool:
        return perm == ADMIN_ACCESS and bool(access.grants_of(user_obj))
