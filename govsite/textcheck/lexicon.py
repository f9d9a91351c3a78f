"""Lexicons of wrong, outdated and forbidden expressions, with whitelists; loading and merging.

File format (findings.md ``--lexicon``): one entry a line, ``term`` or
``term<TAB>category<TAB>suggested replacement``; ``#`` starts a comment. Category ``白名单``
(or ``whitelist``) marks a correct longer term that suppresses any match lying inside it.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

FORBIDDEN = "禁用"
OUTDATED_NAME = "过时机构名称"
WRONG_EXPRESSION = "错误表述"
SENSITIVE = "敏感词"
WHITELIST = "白名单"

_ALIASES = {
    "forbidden": FORBIDDEN,
    "outdated_name": OUTDATED_NAME,
    "wrong_expression": WRONG_EXPRESSION,
    "sensitive": SENSITIVE,
    "whitelist": WHITELIST,
}


class LexiconError(ValueError):
    """A lexicon file line that cannot be read."""


@dataclass(frozen=True, slots=True)
class Term:
    """One lexicon entry: the expression to find, its category and what to write instead."""

    term: str
    category: str = SENSITIVE
    suggestion: str = ""


@dataclass(frozen=True)
class Lexicon:
    """An immutable set of terms plus a whitelist. Later lexicons override earlier ones."""

    terms: dict[str, Term] = field(default_factory=dict)
    whitelist: frozenset[str] = frozenset()

    @classmethod
    def from_terms(cls, terms: Iterable[Term], whitelist: Iterable[str] = ()) -> Lexicon:
        return cls({t.term: t for t in terms if t.term}, frozenset(w for w in whitelist if w))

    @classmethod
    def parse(cls, text: str, source: str = "<lexicon>") -> Lexicon:
        terms: list[Term] = []
        whitelist: list[str] = []
        for number, line in enumerate(text.splitlines(), start=1):
            entry = _parse_line(line, f"{source}:{number}")
            if entry is None:
                continue
            if entry.category == WHITELIST:
                whitelist.append(entry.term)
            else:
                terms.append(entry)
        return cls.from_terms(terms, whitelist)

    @classmethod
    def load(cls, path: str | Path) -> Lexicon:
        path = Path(path)
        return cls.parse(path.read_text(encoding="utf-8-sig"), source=str(path))

    @classmethod
    def default(cls) -> Lexicon:
        """The shipped lexicon: retired institution names and serious miswritings (§4.1)."""
        return _default_lexicon()

    def merged(self, *others: Lexicon) -> Lexicon:
        """This lexicon overlaid with ``others`` in order (platform, then site, ...).

        A later entry for the same term replaces the earlier one; whitelists add up. A
        whitelist entry equal to a term switches that term off.
        """
        terms = dict(self.terms)
        whitelist = set(self.whitelist)
        for other in others:
            terms.update(other.terms)
            whitelist |= other.whitelist
        return Lexicon(terms, frozenset(whitelist))

    def __len__(self) -> int:
        return len(self.terms)

    def __iter__(self) -> Iterator[Term]:
        return iter(self.terms.values())

    def __contains__(self, term: object) -> bool:
        return term in self.terms


def _parse_line(line: str, where: str) -> Term | None:
    line = line.rstrip("\r\n")
    if not line.strip() or line.lstrip().startswith("#"):
        return None
    fields = [f.strip() for f in line.split("\t")]
    if len(fields) > 3:
        raise LexiconError(f"{where}: expected term<TAB>category<TAB>suggestion, got {line!r}")
    term, category, suggestion = (*fields, "", "")[:3]
    if not term:
        raise LexiconError(f"{where}: empty term")
    category = _ALIASES.get(category.lower(), category) or SENSITIVE
    return Term(term, category, suggestion)


@functools.cache
def _default_lexicon() -> Lexicon:
    data = resources.files("govsite.textcheck").joinpath("data", "lexicon.tsv")
    return Lexicon.parse(data.read_text(encoding="utf-8"), source="default lexicon")
