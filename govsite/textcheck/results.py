"""The dataclasses every check returns, each serialising to one finding of the findings document.

Implements the ``kind``/``detail`` shapes of shared/spec/findings.md ("Kinds" table).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, ClassVar


class Finding:
    """Base of all results: ``kind`` names the findings.md kind, ``detail()`` its detail object.

    ``start``/``end`` (where present) are character offsets into the scanned text; they are
    for locating evidence and are not part of the document.
    """

    __slots__ = ()
    kind: ClassVar[str]

    def detail(self) -> dict[str, Any]:
        raise NotImplementedError

    def to_finding(self) -> dict[str, Any]:
        return {"kind": self.kind, "detail": self.detail()}


@dataclass(frozen=True, slots=True)
class TermMatch(Finding):
    """A lexicon term (wrong, outdated or forbidden expression) seen in the text."""

    kind: ClassVar[str] = "sensitive_word"
    term: str
    category: str
    suggestion: str
    start: int
    end: int
    context: str

    def detail(self) -> dict[str, Any]:
        return {
            "term": self.term,
            "category": self.category,
            "suggestion": self.suggestion,
            "context": self.context,
        }


@dataclass(frozen=True, slots=True)
class WrongName(Finding):
    """An official's name written with sound-alike or one-character-off characters."""

    kind: ClassVar[str] = "wrong_name"
    found: str
    expected: str
    title: str
    start: int
    end: int
    context: str

    def detail(self) -> dict[str, Any]:
        return {
            "found": self.found,
            "expected": self.expected,
            "title": self.title,
            "context": self.context,
        }


@dataclass(frozen=True, slots=True)
class PrivacyLeak(Finding):
    """Personal data published in the clear. Holds the masked value only, never the raw one."""

    kind: ClassVar[str] = "privacy_leak"
    type: str  # "id_card" | "mobile" | "bank_card"
    masked: str
    start: int
    end: int

    def detail(self) -> dict[str, Any]:
        return {"type": self.type, "masked": self.masked}


@dataclass(frozen=True, slots=True)
class TimeTravel(Finding):
    """A page whose publish date lies after the patrol's ``today``."""

    kind: ClassVar[str] = "time_travel"
    date: dt.date

    def detail(self) -> dict[str, Any]:
        return {"date": self.date.isoformat()}
