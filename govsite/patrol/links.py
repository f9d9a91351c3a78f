"""What the crawl knows about every URL it met: resolved fine, broken, or still pending with
the pages that link to it. Resolved URLs are kept as hashes so a big site stays small.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .findings import Finding


@dataclass(slots=True)
class Ref:
    page: str
    kind: str
    chrome: bool


@dataclass(slots=True)
class Failure:
    loop: bool
    detail: dict[str, Any]


@dataclass
class LinkBook:
    ok: set[int] = field(default_factory=set)
    broken: dict[int, Failure] = field(default_factory=dict)
    pending: dict[str, list[Ref]] = field(default_factory=dict)
    chrome_reported: set[int] = field(default_factory=set)
    findings: list[Finding] = field(default_factory=list)
    seen_pairs: set[int] = field(default_factory=set)

    def known(self, url: str) -> bool:
        return url in self.pending or hash(url) in self.ok or hash(url) in self.broken

    def refer(self, url: str, ref: Ref) -> bool:
        """Note that ``ref`` links to ``url``; False when ``url`` is new and must be fetched."""
        key = hash(url)
        if key in self.ok:
            return True
        failure = self.broken.get(key)
        if failure is not None:
            self._report(url, ref, failure)
            return True
        refs = self.pending.get(url)
        if refs is None:
            self.pending[url] = [ref]
            return False
        refs.append(ref)
        return True

    def resolve(self, url: str, failure: Failure | None) -> None:
        refs = self.pending.pop(url, [])
        if failure is None:
            self.ok.add(hash(url))
            return
        self.broken[hash(url)] = failure
        for ref in refs:
            self._report(url, ref, failure)

    def _report(self, url: str, ref: Ref, failure: Failure) -> None:
        key = hash(url)
        if ref.chrome:
            if key in self.chrome_reported:
                return
            self.chrome_reported.add(key)
        pair = hash((ref.page, url))
        if pair in self.seen_pairs:
            return
        self.seen_pairs.add(pair)
        if failure.loop:
            self.findings.append(Finding("redirect_loop", ref.page, dict(failure.detail), url))
        else:
            detail = {**failure.detail, "resource": ref.kind}
            self.findings.append(Finding("broken_link", ref.page, detail, url))
