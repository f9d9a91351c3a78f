"""ID card numbers (居民身份证号码) published in the clear.

Implements ``privacy_leak`` type ``id_card`` of findings.md: 18 characters, a valid region
prefix, a real birth date, and the GB 11643-1999 check character (official-rules.md §4.1).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import ClassVar, Self

from govsite.textcheck.checks.base import CheckConfig
from govsite.textcheck.masking import mask_id_card
from govsite.textcheck.numbers import ascii_digits, isolated
from govsite.textcheck.results import PrivacyLeak

# GB/T 2260 province-level codes: the first two digits of every genuine ID number.
PROVINCE_CODES = frozenset(
    {"11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37"}
    | {"41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64"}
    | {"65", "71", "81", "82"}
)
EARLIEST_BIRTH = dt.date(1900, 1, 1)
_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK_CHARS = "10X98765432"
_ID = re.compile(r"[0-9]{17}[0-9Xx]")


def check_character(first17: str) -> str:
    """The GB 11643 check character of the first 17 digits."""
    return _CHECK_CHARS[sum(int(d) * w for d, w in zip(first17, _WEIGHTS, strict=True)) % 11]


def birth_date(value: str) -> dt.date | None:
    try:
        return dt.date(int(value[6:10]), int(value[10:12]), int(value[12:14]))
    except ValueError:
        return None


def is_id_card(
    value: str, today: dt.date, region_code_valid: Callable[[str], bool] | None = None
) -> bool:
    """True for an 18-character ID number that could have been issued by ``today``."""
    if not _ID.fullmatch(value):
        return False
    region_ok = region_code_valid(value[:6]) if region_code_valid else value[:2] in PROVINCE_CODES
    born = birth_date(value)
    return (
        region_ok
        and born is not None
        and EARLIEST_BIRTH < born <= today
        and check_character(value[:17]) == value[17].upper()
    )


class IdCardCheck:
    name: ClassVar[str] = "id_card"

    def __init__(
        self, today: dt.date, region_code_valid: Callable[[str], bool] | None = None
    ) -> None:
        self.today = today
        self.region_code_valid = region_code_valid

    @classmethod
    def from_config(cls, config: CheckConfig) -> Self:
        return cls(config.today, config.region_code_valid)

    def scan(self, text: str) -> list[PrivacyLeak]:
        text = ascii_digits(text)
        leaks = []
        for match in _ID.finditer(text):
            value, start, end = match.group(), match.start(), match.end()
            if isolated(text, start, end) and is_id_card(value, self.today, self.region_code_valid):
                leaks.append(PrivacyLeak("id_card", mask_id_card(value), start, end))
        return leaks
