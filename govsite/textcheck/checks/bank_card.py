"""Bank card numbers published in the clear.

Implements ``privacy_leak`` type ``bank_card`` of findings.md: 16-19 digits (whole or in
groups of four) passing the Luhn check, with a card word (卡号, 账号, 开户...) nearby.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import ClassVar, Self

from govsite.textcheck.checks.base import CheckConfig
from govsite.textcheck.checks.id_card import is_id_card
from govsite.textcheck.masking import mask_bank_card
from govsite.textcheck.numbers import (
    ascii_digits,
    isolated,
    label_after,
    label_distance,
    labelled_not_personal,
)
from govsite.textcheck.results import PrivacyLeak

_CARD = re.compile(r"[0-9]{16,19}|[0-9]{4}(?:[ -][0-9]{4}){3}(?:[ -]?[0-9]{1,3})?")
CARD_LABELS = (
    "银行卡", "卡号", "账号", "帐号", "账户", "帐户", "开户", "银行", "信用卡", "借记卡",
    "储蓄卡", "存折",
)  # fmt: skip
LABEL_BEFORE = 40
LABEL_AFTER = 12


def luhn_valid(digits: str) -> bool:
    total = 0
    for i, char in enumerate(reversed(digits)):
        d = ord(char) - 48
        if i % 2:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


class BankCardCheck:
    name: ClassVar[str] = "bank_card"

    def __init__(self, today: dt.date) -> None:
        self.today = today  # an 18-digit number that is a valid ID is left to IdCardCheck

    @classmethod
    def from_config(cls, config: CheckConfig) -> Self:
        return cls(config.today)

    def scan(self, text: str) -> list[PrivacyLeak]:
        text = ascii_digits(text)
        leaks = []
        for match in _CARD.finditer(text):
            start, end = match.start(), match.end()
            digits = re.sub(r"[ -]", "", match.group())
            if self._is_card(text, start, end, digits):
                leaks.append(PrivacyLeak("bank_card", mask_bank_card(digits), start, end))
        return leaks

    def _is_card(self, text: str, start: int, end: int, digits: str) -> bool:
        if not (16 <= len(digits) <= 19 and isolated(text, start, end) and luhn_valid(digits)):
            return False
        if len(digits) == 18 and is_id_card(digits, self.today):
            return False
        labelled = label_distance(
            text, start, CARD_LABELS, LABEL_BEFORE
        ) is not None or label_after(text, end, CARD_LABELS, LABEL_AFTER)
        return labelled and not labelled_not_personal(text, start, CARD_LABELS)
