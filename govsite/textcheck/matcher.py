"""Aho-Corasick scan of a text for every lexicon term at once, honouring the whitelist.

Implements the ``sensitive_word`` kind of findings.md (term, category, suggestion, context).

pyahocorasick keeps each trie node's children in a list searched linearly, so with thousands
of distinct Chinese characters at the root a scan of ``str`` costs hundreds of comparisons
per character. The automaton is therefore built over UTF-8 bytes (carried as latin-1
``str``): every node then has at most 64 children and the scan runs several times faster.
UTF-8 is self-synchronising, so a term can only match at a character boundary.
"""

from __future__ import annotations

from bisect import bisect_right

import ahocorasick

from govsite.textcheck.excerpt import excerpt
from govsite.textcheck.lexicon import Lexicon, Term
from govsite.textcheck.results import TermMatch

_WHITELISTED = -1


def _as_bytes_str(text: str) -> tuple[bytes, str]:
    raw = text.encode("utf-8", "surrogatepass")
    return raw, raw.decode("latin-1")


class LexiconMatcher:
    """A compiled lexicon. Build once, scan many texts; safe to share between threads."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self._terms: list[Term] = [t for t in lexicon if t.term not in lexicon.whitelist]
        self._automaton = ahocorasick.Automaton()
        for index, term in enumerate(self._terms):
            self._add(term.term, index)
        for word in lexicon.whitelist:
            self._add(word, _WHITELISTED)
        if len(self._automaton):
            self._automaton.make_automaton()

    def _add(self, word: str, index: int) -> None:
        key = _as_bytes_str(word)[1]
        self._automaton.add_word(key, (index, len(key)))

    def scan(self, text: str) -> list[TermMatch]:
        """Every term in ``text``, leftmost first.

        A match inside a whitelisted span, or inside a longer match of another term, is
        dropped: ``国家卫生和计划生育委员会`` is reported once, not also as
        ``卫生和计划生育委员会``; ``农业部门`` (whitelisted) hides ``农业部``.
        """
        if not self._terms:
            return []
        raw, key = _as_bytes_str(text)
        hits, white = [], []
        for last, (index, size) in self._automaton.iter(key):
            span = (last + 1 - size, last + 1)
            if index == _WHITELISTED:
                white.append(span)
            else:
                hits.append((*span, index))
        if not hits:
            return []
        kept = _outermost(_outside(hits, white))
        return self._to_matches(text, raw, kept)

    def _to_matches(
        self, text: str, raw: bytes, kept: list[tuple[int, int, int]]
    ) -> list[TermMatch]:
        matches, byte_pos, char_pos = [], 0, 0
        for start, _end, index in kept:
            char_pos += len(raw[byte_pos:start].decode("utf-8", "surrogatepass"))
            byte_pos = start
            term = self._terms[index]
            end = char_pos + len(term.term)
            matches.append(
                TermMatch(
                    term=term.term,
                    category=term.category,
                    suggestion=term.suggestion,
                    start=char_pos,
                    end=end,
                    context=excerpt(text, char_pos, end),
                )
            )
        return matches


def _outside(
    hits: list[tuple[int, int, int]], white: list[tuple[int, int]]
) -> list[tuple[int, int, int]]:
    """The hits not contained in any whitelisted span."""
    if not white:
        return hits
    white.sort()
    starts = [s for s, _ in white]
    # reach[i] = the furthest end among whitelisted spans starting at or before starts[i]
    reach, furthest = [], -1
    for _, end in white:
        furthest = max(furthest, end)
        reach.append(furthest)
    kept = []
    for hit in hits:
        i = bisect_right(starts, hit[0]) - 1
        if i < 0 or reach[i] < hit[1]:
            kept.append(hit)
    return kept


def _outermost(hits: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """Sorted by start, without hits lying inside another (longer) hit."""
    hits.sort(key=lambda h: (h[0], -h[1]))
    kept, furthest = [], -1
    for hit in hits:
        if hit[1] > furthest:
            kept.append(hit)
            furthest = hit[1]
    return kept
