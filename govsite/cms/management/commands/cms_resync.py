"""Bring Wagtail in step with the registry and the role grants, for data made before cms
was installed or while its receivers were not connected (restores, bulk imports)."""

from django.core.management.base import BaseCommand

from govsite.cms import permissions, services
from govsite.core.models import RoleGrant, User
from govsite.sites.models import Site


class Command(BaseCommand):
    help = "Create missing Wagtail sites, homes and column pages; recompute Wagtail groups."

    def handle(self, *args, **options):
        sites = Site.objects.on_platform().exclude(status=Site.Status.CLOSED)
        for site in sites.select_related("sponsor", "region"):
            services.ensure_site_pages(site, actor=None)
        users = User.objects.filter(pk__in=RoleGrant.objects.values("user_id"))
        for user in users:
            permissions.sync_user_groups(user)
        self.stdout.write(f"cms: {sites.count()} sites, {users.count()} users in step")
