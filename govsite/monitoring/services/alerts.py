"""Alerts: raised in-app, e-mailed on commit to the people responsible for the site."""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from govsite.core import audit
from govsite.core.models import RoleGrant, User
from govsite.core.roles import CAPABILITIES
from govsite.sites.models import Site

from .. import conf
from ..models import Alert, PatrolRun

log = logging.getLogger(__name__)


def alert_recipients(site: Site) -> list[str]:
    """E-mail addresses of active users holding ``alert.receive`` on the site, plus the
    addresses of ``MONITORING_ALERT_EMAILS``."""
    scopes = Q()
    for scope_type, scope_id in site.scope_chain():
        scopes |= Q(scope_type=scope_type, scope_id=scope_id or 0)
    grants = RoleGrant.objects.filter(
        scopes, role__in=list(CAPABILITIES["alert.receive"]), user__is_active=True
    ).exclude(user__email="")
    emails = set(grants.values_list("user__email", flat=True))
    emails |= set(conf.get("MONITORING_ALERT_EMAILS"))
    return sorted(emails)


def _email(alert_id: int) -> None:
    alert = Alert.objects.select_related("site").get(pk=alert_id)
    recipients = alert_recipients(alert.site)
    if not recipients:
        return
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    context = {"alert": alert, "base_url": f"{base}{reverse('monitoring:alerts')}"}
    body = render_to_string("monitoring/alert_email.txt", context)
    try:
        send_mail(f"[政府网站监测] {alert.title}", body, None, recipients)
    except Exception as exc:  # a mail server down must not undo the alert, already stored
        log.warning("monitoring: alert %s could not be e-mailed: %s", alert_id, exc)
        return
    Alert.objects.filter(pk=alert_id).update(emailed_to=len(recipients))


@transaction.atomic
def raise_alert(
    site: Site,
    *,
    actor: User | None,
    kind: str,
    title: str,
    detail: dict | None = None,
    run: PatrolRun | None = None,
) -> Alert:
    """Store an alert (shown in the back office) and e-mail it after commit.

    Records monitoring.alert.raise. Assumes the caller has decided the alert is due.
    """
    alert = Alert.objects.create(
        site=site,
        kind=kind,
        title=title[:200],
        detail=detail or {},
        run=run,
        created_at=timezone.now(),
    )
    audit.record(
        "monitoring.alert.raise", alert, actor=actor, changes={"kind": kind, "site": site.pk}
    )
    transaction.on_commit(lambda: _email(alert.pk))
    return alert


@transaction.atomic
def resolve_alert(alert: Alert, *, actor: User | None, reason: str = "") -> Alert:
    """Mark an alert resolved (the homepage answers again); records monitoring.alert.resolve."""
    if alert.resolved_at is not None:
        return alert
    alert.resolved_at = timezone.now()
    alert.save(update_fields=["resolved_at"])
    audit.record("monitoring.alert.resolve", alert, actor=actor, changes={"reason": reason})
    return alert
