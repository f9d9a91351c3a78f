"""Defaults of the monitoring app; each can be overridden in settings under the same name.

Read at call time, never at import time.
"""

import datetime

from django.conf import settings

DEFAULTS = {
    # official-rules.md 1.3 item 2: at least 20 probes a day; every 30 minutes gives 48.
    "MONITORING_PROBE_INTERVAL": datetime.timedelta(minutes=30),
    # A probe fails when the homepage is not open after 15 s (official-rules.md 1.3 item 2).
    "MONITORING_PROBE_TIMEOUT": 15.0,
    # Probes of due sites are run this many to one task, concurrently.
    "MONITORING_PROBE_BATCH": 50,
    "MONITORING_PROBE_CONCURRENCY": 20,
    "MONITORING_PATROL_INTERVAL": datetime.timedelta(days=1),
    "MONITORING_PATROL_MAX_PAGES": 20_000,
    "MONITORING_PATROL_CONCURRENCY": 8,
    # Wall-clock bound of one scheduled patrol; a patrol that runs longer is recorded as failed.
    "MONITORING_PATROL_SECONDS": 3 * 3600,
    # Extra lexicon and official names for every patrol (formats of findings.md --lexicon/--names).
    "MONITORING_LEXICON_FILE": None,
    "MONITORING_NAMES_FILE": None,
    # How many pages of new findings are fetched again to keep as evidence, per patrol run.
    "MONITORING_EVIDENCE_PAGES": 30,
    "MONITORING_EVIDENCE_MAX_BYTES": 2 * 1024 * 1024,
    # A homepage failing this many probes in a row raises an alert.
    "MONITORING_DOWN_ALERT_AFTER": 3,
    # New findings of these kinds raise an alert (veto items of official-rules.md 1.3).
    "MONITORING_SERIOUS_KINDS": (
        "site_unreachable",
        "sensitive_word",
        "wrong_name",
        "privacy_leak",
        "blank_column",
        "stale_column",
    ),
    # Addresses that receive every alert besides the users responsible for the site.
    "MONITORING_ALERT_EMAILS": (),
    # official-rules.md 1.3 item 2: a week fails when failures reach 5 % of its probes.
    "MONITORING_VETO_FAILURE_RATE": 0.05,
    "MONITORING_PROBES_PER_DAY_REQUIRED": 20,
    # Port of the local server that answers for on-platform sites with a *.localhost alias.
    "MONITORING_LOCAL_PORT": None,  # None: the cms setting CMS_LOCAL_PORT, else 8000
}


def get(name: str):
    return getattr(settings, name, DEFAULTS[name])


def local_port() -> int:
    port = get("MONITORING_LOCAL_PORT")
    return int(port if port is not None else getattr(settings, "CMS_LOCAL_PORT", 8000))
