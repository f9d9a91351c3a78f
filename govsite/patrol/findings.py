"""The findings document: dataclasses that serialise to shared/spec/findings.md exactly.

Spec: findings.md "Document" and "Kinds". Add fields, never rename them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

KINDS = (
    "site_unreachable",
    "broken_link",
    "redirect_loop",
    "slow_page",
    "sensitive_word",
    "wrong_name",
    "privacy_leak",
    "blank_column",
    "stale_column",
    "homepage_stale",
    "time_travel",
    "missing_identity",
    "crawl_trap",
)


@dataclass
class Finding:
    kind: str
    url: str
    detail: dict[str, Any] = field(default_factory=dict)
    target: str | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"kind": self.kind, "url": self.url}
        if self.target is not None:
            out["target"] = self.target
        out["detail"] = self.detail
        return out


@dataclass
class Stats:
    pages: int = 0
    requests: int = 0
    bytes: int = 0
    seconds: float = 0.0
    errors: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "pages": self.pages,
            "requests": self.requests,
            "bytes": self.bytes,
            "seconds": round(self.seconds, 3),
            "errors": self.errors,
        }


@dataclass
class Report:
    site: str
    today: str
    started: str
    finished: str = ""
    stats: Stats = field(default_factory=Stats)
    findings: list[Finding] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "site": self.site,
            "today": self.today,
            "started": self.started,
            "finished": self.finished,
            "stats": self.stats.to_dict(),
            "findings": [f.to_dict() for f in self.findings],
        }

    def to_json(self, indent: int | None = None) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)
