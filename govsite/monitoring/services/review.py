"""Inspectors' review of findings: confirm a real problem, dismiss a false one with a reason."""

from django.db import transaction
from django.utils import timezone

from govsite.core import access, audit
from govsite.core.errors import GovsiteValidationError
from govsite.core.models import User

from ..models import Finding

S = Finding.Status
NOTE_LENGTH = 2000


def _check_reviewer(finding: Finding, actor: User | None) -> None:
    if actor is not None:
        access.require(actor, "finding.review", finding.site)


@transaction.atomic
def confirm_finding(finding: Finding, *, actor: User | None, note: str = "") -> Finding:
    """Confirm that a finding is a real problem (also undoes a dismissal).

    Needs ``finding.review`` on the site. A fixed finding cannot be confirmed. Records
    monitoring.finding.confirm with the status before.
    """
    _check_reviewer(finding, actor)
    if finding.status == S.FIXED:
        raise GovsiteValidationError(
            "该问题已整改，无需确认", "The finding is fixed; nothing to confirm", field="status"
        )
    before = finding.status
    finding.status = S.CONFIRMED
    finding.reviewed_by, finding.reviewed_at = actor, timezone.now()
    finding.review_note = (note or "").strip()[:NOTE_LENGTH]
    finding.dismissal_reason = ""
    finding.save(
        update_fields=["status", "reviewed_by", "reviewed_at", "review_note", "dismissal_reason"]
    )
    audit.record(
        "monitoring.finding.confirm",
        finding,
        actor=actor,
        changes={"before": before, "note": finding.review_note},
    )
    return finding


@transaction.atomic
def dismiss_finding(finding: Finding, *, actor: User | None, reason: str) -> Finding:
    """Dismiss a finding as not a problem; a reason is required.

    Needs ``finding.review`` on the site. A dismissed finding stays dismissed when later
    patrols see it again (its fingerprint is kept), so it does not come back. Records
    monitoring.finding.dismiss with the reason and the status before.
    """
    _check_reviewer(finding, actor)
    reason = (reason or "").strip()
    if not reason:
        raise GovsiteValidationError(
            "忽略问题必须填写理由", "A reason is required to dismiss a finding", field="reason"
        )
    before = finding.status
    finding.status = S.DISMISSED
    finding.reviewed_by, finding.reviewed_at = actor, timezone.now()
    finding.dismissal_reason = reason[:NOTE_LENGTH]
    finding.save(update_fields=["status", "reviewed_by", "reviewed_at", "dismissal_reason"])
    audit.record(
        "monitoring.finding.dismiss",
        finding,
        actor=actor,
        changes={"before": before, "reason": finding.dismissal_reason},
    )
    return finding
