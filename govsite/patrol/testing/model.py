"""The generated site as data: resources by path, the findings it must produce (truth), the
pages where nothing must be found (decoys), and how findings are matched to the truth."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Resource:
    body: bytes = b""
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    location: str | None = None
    delay: float = 0.0  # seconds before the answer (a slow page)


@dataclass(frozen=True)
class Expect:
    """One finding the patrol must report. ``key`` is what tells it from its neighbours."""

    kind: str
    path: str
    key: Any = None


@dataclass
class GeneratedSite:
    today: datetime.date
    resources: dict[str, Resource] = field(default_factory=dict)
    truth: list[Expect] = field(default_factory=list)
    decoys: list[tuple[str, str]] = field(default_factory=list)  # (path, what must not be found)
    lexicon: str = ""
    names: str = ""
    html_pages: int = 0
    prefix_routes: dict[str, str] = field(default_factory=dict)  # any path below -> this page

    def add(self, path: str, resource: Resource) -> None:
        self.resources[path] = resource


def finding_key(finding: dict[str, Any], base: str) -> tuple:
    """The key a finding is matched by; paths are relative to ``base`` (no trailing slash)."""
    kind, detail = finding["kind"], finding.get("detail", {})
    path = finding["url"].removeprefix(base) or "/"
    target = (finding.get("target") or "").removeprefix(base)
    if kind in ("broken_link", "redirect_loop"):
        return (kind, path, target)
    if kind == "sensitive_word":
        return (kind, path, detail.get("term"))
    if kind == "wrong_name":
        return (kind, path, detail.get("found"))
    if kind == "privacy_leak":
        return (kind, path, detail.get("type"))
    if kind == "missing_identity":
        return (kind, path, frozenset(detail.get("missing", ())))
    if kind == "crawl_trap":
        return (kind, detail.get("pattern", "").removeprefix(base))
    return (kind, path)


def expect_key(expect: Expect) -> tuple:
    if expect.kind == "crawl_trap":
        return (expect.kind, expect.key)
    if expect.key is None:
        return (expect.kind, expect.path)
    key = frozenset(expect.key) if expect.kind == "missing_identity" else expect.key
    return (expect.kind, expect.path, key)


def score(site: GeneratedSite, findings: list[dict[str, Any]], base: str) -> dict[str, dict]:
    """Per kind: expected, found, true positives, recall, precision, misses, false alarms."""
    expected = {expect_key(e) for e in site.truth}
    traps = [k for k in expected if k[0] == "crawl_trap"]
    got = set()
    for finding in findings:
        key = finding_key(finding, base)
        if key[0] == "crawl_trap":
            key = next((t for t in traps if key[1].startswith(t[1])), key)
        got.add(key)
    out: dict[str, dict] = {}
    for kind in sorted({k[0] for k in expected | got}):
        exp = {k for k in expected if k[0] == kind}
        fnd = {k for k in got if k[0] == kind}
        tp = len(exp & fnd)
        out[kind] = {
            "expected": len(exp),
            "found": len(fnd),
            "true": tp,
            "recall": tp / len(exp) if exp else 1.0,
            "precision": tp / len(fnd) if fnd else 1.0,
            "missed": sorted(map(str, exp - fnd))[:5],
            "false": sorted(map(str, fnd - exp))[:5],
        }
    return out


def decoys_flagged(site: GeneratedSite, findings: list[dict[str, Any]], base: str) -> list:
    """Findings on decoy pages of the kinds the decoy is about."""
    bad = []
    for path, kind in site.decoys:
        for finding in findings:
            if finding["kind"] == kind and (finding["url"].removeprefix(base) or "/") == path:
                bad.append((path, kind, finding.get("detail")))
    return bad
