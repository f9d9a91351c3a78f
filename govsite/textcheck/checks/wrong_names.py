"""Wrong official names: sound-alike or one-character-off variants next to the title, and
sound-alike variants in place of the name.

Implements the ``wrong_name`` kind of findings.md; §4.1 counts a leader's name written with a
wrong character as a serious error.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import ClassVar, Self

from govsite.textcheck.checks.base import CheckConfig, NotConfigured
from govsite.textcheck.excerpt import excerpt
from govsite.textcheck.officials import Official
from govsite.textcheck.pinyin import homophones, sounds_alike
from govsite.textcheck.results import WrongName

# Two-character homophones are too common in running text (实力强 holds "力强", li qiang) to
# be flagged without a title beside them.
MIN_UNTITLED_LENGTH = 3
# A one-character-off variant (not a sound-alike) needs the surname right and a name of at
# least three characters, or 张军市长 would be flagged as a misspelt 张伟市长.
MIN_ONE_OFF_LENGTH = 3
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")
_GAP = " \u3000\u00a0"


class WrongNameCheck:
    name: ClassVar[str] = "wrong_name"

    def __init__(self, officials: Sequence[Official]) -> None:
        self.officials = [o for o in dict.fromkeys(officials) if len(o.name) >= 2]
        self._names = {o.name for o in self.officials}
        self._by_title: dict[str, list[Official]] = {}
        for official in self.officials:
            if official.title:
                self._by_title.setdefault(official.title, []).append(official)
        # first character -> (official, the characters allowed at each later position)
        self._by_first: dict[str, list[tuple[Official, list[frozenset[str]]]]] = {}
        for official in self.officials:
            if len(official.name) >= MIN_UNTITLED_LENGTH:
                first, *rest = map(homophones, official.name)
                for char in first:
                    self._by_first.setdefault(char, []).append((official, rest))

    @classmethod
    def from_config(cls, config: CheckConfig) -> Self:
        if not config.officials:
            raise NotConfigured("no official names given")
        return cls(config.officials)

    def scan(self, text: str) -> list[WrongName]:
        protected = [span for name in self._names for span in _occurrences(text, name)]
        found: dict[tuple[int, int], WrongName] = {}
        for official, start in (*self._beside_titles(text), *self._in_place(text)):
            end = start + len(official.name)
            if (start, end) in found or any(s < end and start < e for s, e in protected):
                continue
            found[(start, end)] = WrongName(
                found=text[start:end],
                expected=official.name,
                title=official.title,
                start=start,
                end=end,
                context=excerpt(text, start, end),
            )
        return sorted(found.values(), key=lambda f: f.start)

    def _beside_titles(self, text: str) -> Iterator[tuple[Official, int]]:
        for title, officials in self._by_title.items():
            for at in _occurrences(text, title):
                if self._inside_longer_title(text, at, title):
                    continue  # 市长 within 副市长 belongs to the vice-mayors
                for official in officials:
                    size = len(official.name)
                    for start in _name_slots(text, at, size):
                        if self._is_variant(text[start : start + size], official.name):
                            yield official, start

    def _inside_longer_title(self, text: str, at: tuple[int, int], title: str) -> bool:
        for longer in self._by_title:
            offset = longer.find(title)
            while len(longer) > len(title) and offset >= 0:
                start = at[0] - offset
                if start >= 0 and text.startswith(longer, start):
                    return True
                offset = longer.find(title, offset + 1)
        return False

    def _is_variant(self, candidate: str, name: str) -> bool:
        if candidate in self._names or not _HAN.fullmatch(candidate):
            return False
        if sounds_alike(candidate, name):
            return True
        return (
            len(name) >= MIN_ONE_OFF_LENGTH
            and candidate[0] == name[0]
            and sum(a != b for a, b in zip(candidate, name, strict=True)) == 1
        )

    def _in_place(self, text: str) -> Iterator[tuple[Official, int]]:
        # set(text) and str.find run in C; a regex with hundreds of characters in a class
        # tests them one by one and is twenty times slower.
        for char in set(text).intersection(self._by_first):
            for at, _ in _occurrences(text, char):
                for official, rest in self._by_first[char]:
                    following = text[at + 1 : at + len(official.name)]
                    if (
                        len(following) == len(rest)
                        and all(c in ok for c, ok in zip(following, rest, strict=True))
                        and text[at : at + len(official.name)] not in self._names
                    ):
                        yield official, at


def _occurrences(text: str, word: str) -> Iterator[tuple[int, int]]:
    at = text.find(word)
    while at >= 0:
        yield at, at + len(word)
        at = text.find(word, at + 1)


def _name_slots(text: str, at: tuple[int, int], size: int) -> Iterator[int]:
    """Where a name of ``size`` characters would stand: right before or right after the title,
    one space allowed between."""
    start, end = at
    before = start - 1 if start > 0 and text[start - 1] in _GAP else start
    if before - size >= 0:
        yield before - size
    after = end + 1 if end < len(text) and text[end] in _GAP else end
    if after + size <= len(text):
        yield after
