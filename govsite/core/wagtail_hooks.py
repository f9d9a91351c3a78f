"""Menu entries of core's screens in the Wagtail admin, shown only to those who may use them."""

from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import access


class CapabilityMenuItem(MenuItem):
    def __init__(self, *args, capability: str, **kwargs):
        self.capability = capability
        super().__init__(*args, **kwargs)

    def is_shown(self, request) -> bool:
        return access.can(request.user, self.capability)


@hooks.register("register_admin_menu_item")
def audit_menu_item():
    return CapabilityMenuItem(
        _("Audit trail"),
        reverse_lazy("core:audit_list"),
        name="audit-trail",
        icon_name="history",
        order=9000,
        capability="audit.view",
    )


@hooks.register("register_admin_menu_item")
def role_grants_menu_item():
    return CapabilityMenuItem(
        _("Role grants"),
        reverse_lazy("core:user_list"),
        name="role-grants",
        icon_name="key",
        order=9010,
        capability="role.grant",
    )
