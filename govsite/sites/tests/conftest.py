"""Clients for the cast: an API client per token, a back-office client per session."""

import pytest
from django.contrib.auth.models import Permission
from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import APIToken

from govsite.core.models import AuditRecord, RoleGrant
from govsite.sites.models import Column, Site, SiteDomain, SiteStatusChange


@pytest.fixture
def api_as():
    """``api_as(user)``: a client sending that user's Wagtail API token (None: no token)."""

    def make(user):
        if user is None:
            return Client()
        _, plaintext = APIToken.create_token(user=user, name="tests")
        return Client(headers={"authorization": f"Bearer {plaintext}"})

    return make


@pytest.fixture
def admin_as():
    """``admin_as(user)``: a logged-in browser that passed TOTP and may open the back office.

    Role holders enter the admin through core's role backend; until that is installed the
    fixture hands ``wagtailadmin.access_admin`` to them itself, never to a user without a role.
    """
    access_admin = Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )

    def make(user):
        client = Client()
        has_role = RoleGrant.objects.filter(user=user).exists()
        if has_role and not user.has_perm("wagtailadmin.access_admin"):
            user.user_permissions.add(access_admin)
        client.force_login(user)
        device = TOTPDevice.objects.create(user=user, name="tests", confirmed=True)
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
        return client

    return make


def fresh(obj):
    """The row as the database holds it now. The shared ``province`` fixture's organisations
    keep the tree paths they were created with, which treebeard has since shifted when a root
    sorting before them was added; scope chains must be computed from the stored paths."""
    return type(obj).objects.get(pk=obj.pk)


def row_counts() -> dict[str, int]:
    """How many rows the registry and the audit trail hold: bad input must change none."""
    models = (Site, SiteDomain, SiteStatusChange, Column, RoleGrant, AuditRecord)
    return {m.__name__: m.objects.count() for m in models}
