"""Bounds and inputs of one patrol, as one dataclass that every check reads in ``from_config``.

Spec: findings.md "Command line"; security.md J items 71, 76-78 for the limits.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from pathlib import Path

KIND_LIMIT_DAYS = {
    # official-rules.md 1.3 item 4 and the 2015 scope: 2 weeks, 6 months, 1 year
    "dynamic": 14,
    "notice": 183,
    "policy": 183,
    "personnel": 365,
    "planning": 365,
}


@dataclass
class ColumnRule:
    prefix: str
    kind: str
    limit_days: int | None = None


@dataclass
class PatrolConfig:
    start_url: str
    today: datetime.date = field(default_factory=datetime.date.today)
    lexicon_file: Path | None = None
    names_file: Path | None = None
    column_rules: list[ColumnRule] = field(default_factory=list)
    max_pages: int = 200_000
    concurrency: int = 16
    timeout: float = 30.0  # total deadline of one request, trickling bodies included
    connect_timeout: float = 10.0
    read_timeout: float = 15.0  # longest silence between two reads
    rate: float = 0.0  # requests per second per host; 0 = bounded by concurrency only
    external: bool = False
    max_seconds: float | None = None  # stop crawling then and report what was seen
    slow_seconds: float = 5.0
    max_page_bytes: int = 10 * 1024 * 1024
    max_document_bytes: int = 5 * 1024 * 1024
    max_redirects: int = 10
    max_url_length: int = 2048
    retries: int = 2
    backoff: float = 0.5
    homepage_limit_days: int = 14
    kind_limit_days: dict[str, int] = field(default_factory=lambda: dict(KIND_LIMIT_DAYS))
    extra_ports: tuple[int, ...] = ()
    user_agent: str = "govsite-patrol/0.1"
    trap_family_chain: int = 500  # hops inside one URL family before it counts as endless
    trap_date_chain: int = 60  # hops inside one date-bearing family (calendars)
    trap_tokens: int = 3  # distinct session-like values for the same URL
    trap_repeats: int = 3  # one path segment repeated this often
    trap_depth: int = 16  # path segments

    def limit_for(self, kind: str, url: str) -> int | None:
        for rule in self.column_rules:
            if url.startswith(rule.prefix) and rule.kind == kind and rule.limit_days:
                return rule.limit_days
        return self.kind_limit_days.get(kind)


def read_column_rules(path: Path, site: str) -> list[ColumnRule]:
    """``prefix<TAB>kind[<TAB>limit days]`` per line; a prefix may be a path or a full URL."""
    rules = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        parts = [p.strip() for p in line.split("\t")]
        if len(parts) < 2:
            raise ValueError(f"column rule needs a prefix and a kind: {line!r}")
        prefix = parts[0]
        if prefix.startswith("/"):
            prefix = site.rstrip("/") + prefix
        limit = int(parts[2]) if len(parts) > 2 and parts[2] else None
        rules.append(ColumnRule(prefix, parts[1], limit))
    rules.sort(key=lambda r: len(r.prefix), reverse=True)
    return rules
