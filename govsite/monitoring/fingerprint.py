"""The fingerprint of a finding: the same problem seen again hashes the same.

Spec: findings.md "Kinds". The hash covers the kind, the page, the target and the detail
fields that say *which* problem it is; fields that only describe it this time (a status code,
seconds, a date count, the text around a term) are left out, so they may change between runs.
"""

import hashlib
import json

# kind -> detail fields that identify the problem (findings.md "Kinds")
IDENTIFYING: dict[str, tuple[str, ...]] = {
    "site_unreachable": (),
    "broken_link": (),
    "redirect_loop": (),
    "slow_page": (),
    "sensitive_word": ("term",),
    "wrong_name": ("found", "expected"),
    "privacy_leak": ("type", "masked"),
    "blank_column": ("column",),
    "stale_column": ("column",),
    "homepage_stale": (),
    "time_travel": ("date",),
    "missing_identity": (),
    "crawl_trap": ("pattern",),
}


def identity(finding: dict) -> list:
    """What makes this finding one problem: [kind, url, target, identifying detail]."""
    kind = str(finding.get("kind", ""))
    detail = finding.get("detail") or {}
    fields = IDENTIFYING.get(kind)
    if fields is None:  # a kind added to findings.md later: every detail field counts
        fields = tuple(sorted(detail))
    ident = {k: detail.get(k) for k in fields}
    return [kind, str(finding.get("url", "")), str(finding.get("target") or ""), ident]


def fingerprint(finding: dict) -> str:
    """A stable 64-hex SHA-256 of the finding's identity."""
    text = json.dumps(identity(finding), ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
