"""Crawler traps: endless URL families (calendars, session ids, ever-deepening paths) are
stopped and reported once as ``crawl_trap`` with the family's pattern and how many URLs of it
were seen.

Spec: findings.md kind ``crawl_trap``; security.md J item 78.
"""

from __future__ import annotations

import datetime
import re
from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urlsplit

from .config import PatrolConfig
from .findings import Finding
from .urls import family, path_segments, token_family

_YEAR = re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})(?![0-9])")
_DATE_KEYS = frozenset(
    {
        "date",
        "year",
        "month",
        "day",
        "ym",
        "y",
        "m",
        "d",
        "cal",
        "calendar",
        "time",
        "riqi",
        "nian",
        "yue",
    }
)


@dataclass
class Trap:
    pattern: str
    url: str
    seen: int = 0


@dataclass
class TrapDetector:
    config: PatrolConfig
    today: datetime.date
    traps: dict[str, Trap] = field(default_factory=dict)  # family or prefix -> trap
    prefixes: list[str] = field(default_factory=list)
    chains: dict[str, int] = field(default_factory=dict)
    tokens: dict[str, set[str]] = field(default_factory=dict)
    contents: dict[str, Counter[int]] = field(default_factory=dict)

    def blocked(self, url: str) -> Trap | None:
        trap = self.traps.get(family(url))
        if trap is None and self.prefixes:
            trap = next((self.traps[p] for p in self.prefixes if url.startswith(p)), None)
        return trap

    def admit(self, url: str, parent: str | None, parent_chain: int) -> int | None:
        """The URL's chain length inside its family, or None when it is not to be followed."""
        if len(url) > self.config.max_url_length:
            return None
        trap = self.blocked(url)
        if trap is not None:
            trap.seen += 1
            return None
        if self._deepening(url, parent):
            return None
        fam = family(url)
        chain = parent_chain + 1 if parent is not None and family(parent) == fam else 0
        if chain:
            self.chains[fam] = self.chains.get(fam, 1) + 1
            if self._endless(url, fam, chain):
                self._stop(fam, fam, parent or url, self.chains[fam])
                return None
        return chain

    def note_session(self, url: str, page: str, stripped: list[tuple[str, str]]) -> None:
        """Session parameters stripped by normalisation: many values for one URL is a trap."""
        names = "&".join(sorted({k for k, _v in stripped}))
        key = f"{url}{'&' if '?' in url else '?'}{names}=*"
        values = self.tokens.setdefault(key, set())
        if len(values) <= self.config.trap_tokens:
            values.add("|".join(v for _k, v in stripped))
            if len(values) > self.config.trap_tokens:
                self.traps[key] = Trap(key, page, len(values))
        elif key in self.traps:
            self.traps[key].seen += 1

    def findings(self) -> list[Finding]:
        return [
            Finding("crawl_trap", t.url, {"pattern": t.pattern, "seen": t.seen})
            for t in self.traps.values()
        ]

    def _stop(self, key: str, pattern: str, page: str, seen: int) -> None:
        self.traps[key] = Trap(pattern, page, seen)

    def _deepening(self, url: str, parent: str | None) -> bool:
        segments = path_segments(url)
        counts = Counter(segments)
        repeated = [s for s, n in counts.items() if n >= self.config.trap_repeats]
        if not repeated and len(segments) <= self.config.trap_depth:
            return False
        cut = _prefix_until_repeat(segments, set(repeated)) if repeated else segments[:8]
        parts = urlsplit(url)
        prefix = f"{parts.scheme}://{parts.netloc}/" + "/".join(cut)
        self.prefixes.append(prefix)
        self._stop(prefix, prefix + "/…", parent or url, 1)
        return True

    def note_content(self, url: str, parent: str | None, digest: int) -> None:
        """A fetched page whose query carries a token-like value: the same text under many
        tokens is a session-id trap; different texts (articles by uuid) are not."""
        found = token_family(url)
        if found is None:
            return
        key, _token = found
        counts = self.contents.setdefault(key, Counter())
        counts[digest] += 1
        if counts[digest] > self.config.trap_tokens and family(url) not in self.traps:
            self._stop(family(url), key, parent or url, counts[digest])

    def _endless(self, url: str, fam: str, chain: int) -> bool:
        if chain > self.config.trap_family_chain:
            return True
        if not _dated(url):
            return False
        if chain > self.config.trap_date_chain:
            return True
        years = [int(y) for y in _YEAR.findall(url)]
        return chain >= 2 and any(
            y > self.today.year + 1 or y < self.today.year - 30 for y in years
        )


def _dated(url: str) -> bool:
    parts = urlsplit(url)
    if any(k.lower() in _DATE_KEYS for k, _v in parse_qsl(parts.query)):
        return True
    return _YEAR.search(parts.path + "?" + parts.query) is not None


def _prefix_until_repeat(segments: list[str], repeated: set[str]) -> list[str]:
    out: list[str] = []
    for seg in segments:
        out.append(seg)
        if seg in repeated and out.count(seg) >= 2:
            return out
    return out
