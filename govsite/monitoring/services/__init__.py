"""Every change of state in monitoring, one function per action (``actor`` keyword, audit
record inside the transaction, e-mail and task side effects on commit)."""

from .alerts import alert_recipients, raise_alert, resolve_alert
from .patrols import (
    attach_evidence,
    evidence_urls,
    expire_stale_runs,
    fail_patrol_run,
    record_patrol_run,
    request_patrol,
    start_patrol_run,
)
from .probes import record_probe
from .review import confirm_finding, dismiss_finding
from .schedule import claim_due_patrols, claim_due_probes, ensure_schedules

__all__ = [
    "alert_recipients",
    "attach_evidence",
    "claim_due_patrols",
    "claim_due_probes",
    "confirm_finding",
    "dismiss_finding",
    "ensure_schedules",
    "evidence_urls",
    "expire_stale_runs",
    "fail_patrol_run",
    "raise_alert",
    "record_patrol_run",
    "record_probe",
    "request_patrol",
    "resolve_alert",
    "start_patrol_run",
]
