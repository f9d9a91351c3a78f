"""Short excerpts ("context") around a finding, with long numbers masked.

findings.md: ``context`` holds at most 40 characters around the match.
"""

from __future__ import annotations

import re

from govsite.textcheck.masking import mask_numbers

CONTEXT_CHARS = 40
_SPACE = re.compile(r"\s+")
_NUMBER_EDGE = "0123456789Xx -"


def excerpt(text: str, start: int, end: int, width: int = CONTEXT_CHARS) -> str:
    """At most ``width`` characters of ``text`` centred on ``text[start:end]``.

    Whitespace runs collapse to one space. A number cut by either edge is dropped rather than
    shown in part, and long numbers inside are masked, so an excerpt never leaks a value.
    """
    spare = max(width - (end - start), 0)
    before = min(spare // 2, start)
    after = min(spare - before, len(text) - end)
    before = min(spare - after, start)
    lo, hi = start - before, end + after
    piece = text[lo:hi]
    if hi < len(text) and text[hi].isdigit():
        piece = _trim_right(piece, end - lo)
    if lo > 0 and text[lo - 1].isdigit():
        piece = _trim_left(piece, start - lo)
    return mask_numbers(_SPACE.sub(" ", piece).strip())[:width]


def _trim_left(piece: str, keep_from: int) -> str:
    i = 0
    while i < keep_from and piece[i] in _NUMBER_EDGE:
        i += 1
    return piece[i:]


def _trim_right(piece: str, keep_to: int) -> str:
    j = len(piece)
    while j > keep_to and piece[j - 1] in _NUMBER_EDGE:
        j -= 1
    return piece[:j]
