"""Masking of personal numbers, so that findings and excerpts never carry a raw value.

Formats follow the local practice quoted in official-rules.md §2.5: first 6 + last 4 of an
ID number, first 3 + last 4 of a mobile number, first 4 + last 4 of a bank card.
"""

from __future__ import annotations

import re

STAR = "*"
# A run of at least 11 digits, single spaces or hyphens allowed between them (grouped card
# numbers), optionally closed by the ID check character X.
_NUMBERISH = re.compile(r"\d(?:[ -]?\d){10,}[Xx]?")


def mask_digits(value: str, keep_start: int, keep_end: int) -> str:
    """Replace every character but the first ``keep_start`` and last ``keep_end`` with ``*``."""
    hidden = len(value) - keep_start - keep_end
    if hidden <= 0:
        return STAR * len(value)
    return value[:keep_start] + STAR * hidden + value[len(value) - keep_end :]


def mask_id_card(value: str) -> str:
    """``330102199001011234`` → ``330102********1234``."""
    return mask_digits(value.upper(), 6, 4)


def mask_mobile(value: str) -> str:
    """``13812345678`` → ``138****5678``."""
    return mask_digits(value, 3, 4)


def mask_bank_card(value: str) -> str:
    """``6222020200001234`` → ``6222 **** **** 1234``; the hidden middle grouped by four."""
    middle = STAR * (len(value) - 8)
    groups = [middle[i : i + 4] for i in range(0, len(middle), 4)]
    return " ".join([value[:4], *groups, value[-4:]])


def mask_numbers(text: str) -> str:
    """Mask every long number in free text (excerpts), keeping only its first 3 and last 4."""
    return _NUMBERISH.sub(_mask_match, text)


def _mask_match(match: re.Match[str]) -> str:
    chars = list(match.group())
    positions = [i for i, ch in enumerate(chars) if ch not in " -"]
    for i in positions[3:-4]:
        chars[i] = STAR
    return "".join(chars)
