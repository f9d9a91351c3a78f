"""The 网站管理 menu item and the registry screens' URLs in the Wagtail admin."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from govsite.core import access

from . import urls


class RegistryMenuItem(MenuItem):
    def is_shown(self, request):
        return bool(access.grants_with(request.user, "site.view"))


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("registry/", include(urls))]


@hooks.register("register_admin_menu_item")
def register_registry_menu_item():
    return RegistryMenuItem(
        _("Site management"),
        reverse("sites:index"),
        name="site-registry",
        icon_name="site",
        order=150,
    )
