"""Sound-alike characters: same pinyin once tones are dropped, every reading counted.

Backs the ``wrong_name`` kind of findings.md (sound-alike characters in an official's name).
"""

from __future__ import annotations

import functools

from pypinyin.pinyin_dict import pinyin_dict

_TONELESS = str.maketrans(
    {
        **dict.fromkeys("āáǎà", "a"),
        **dict.fromkeys("ēéěèêếề", "e"),
        **dict.fromkeys("īíǐì", "i"),
        **dict.fromkeys("ōóǒò", "o"),
        **dict.fromkeys("ūúǔù", "u"),
        **dict.fromkeys("üǖǘǚǜ", "v"),
        **dict.fromkeys("ńňǹ", "n"),
        "ḿ": "m",
        **dict.fromkeys("\u0300\u0301\u0304\u030c", ""),  # combining tone marks
    }
)


@functools.cache
def readings(char: str) -> frozenset[str]:
    """The toneless readings of one character (empty for characters without pinyin)."""
    raw = pinyin_dict.get(ord(char))
    if not raw:
        return frozenset()
    return frozenset(raw.translate(_TONELESS).split(","))


@functools.cache
def _by_reading() -> dict[str, frozenset[str]]:
    index: dict[str, set[str]] = {}
    for code, raw in pinyin_dict.items():
        for syllable in raw.translate(_TONELESS).split(","):
            index.setdefault(syllable, set()).add(chr(code))
    return {syllable: frozenset(chars) for syllable, chars in index.items()}


@functools.cache
def homophones(char: str) -> frozenset[str]:
    """Every character sharing a toneless reading with ``char``, ``char`` included."""
    index = _by_reading()
    found = {char}
    for syllable in readings(char):
        found |= index.get(syllable, frozenset())
    return frozenset(found)


def sounds_alike(a: str, b: str) -> bool:
    """Same length, and at each position the characters share a toneless reading."""
    return len(a) == len(b) and all(
        x == y or readings(x) & readings(y) for x, y in zip(a, b, strict=True)
    )
