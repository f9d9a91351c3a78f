"""Mainland mobile numbers published in the clear.

Implements ``privacy_leak`` type ``mobile`` of findings.md: 11 digits starting 13-19, written
whole or as 3-4-4 groups, not part of a longer number and not labelled as a serial or code.
"""

from __future__ import annotations

import re
from typing import ClassVar, Self

from govsite.textcheck.checks.base import CheckConfig
from govsite.textcheck.masking import mask_mobile
from govsite.textcheck.numbers import ascii_digits, isolated, labelled_not_personal
from govsite.textcheck.results import PrivacyLeak

_MOBILE = re.compile(r"(?:\+?86[ -]?)?(1[3-9][0-9])([ -]?)([0-9]{4})\2([0-9]{4})")
PHONE_LABELS = ("手机", "电话", "联系", "号码", "热线", "tel", "Tel", "TEL")


class MobileCheck:
    name: ClassVar[str] = "mobile"

    @classmethod
    def from_config(cls, config: CheckConfig) -> Self:
        return cls()

    def scan(self, text: str) -> list[PrivacyLeak]:
        text = ascii_digits(text)
        leaks = []
        for match in _MOBILE.finditer(text):
            start, end = match.start(), match.end()
            if not isolated(text, start, end):
                continue
            if labelled_not_personal(text, start, PHONE_LABELS):
                continue
            number = match.group(1) + match.group(3) + match.group(4)
            leaks.append(PrivacyLeak("mobile", mask_mobile(number), start, end))
        return leaks
