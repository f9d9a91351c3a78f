"""Bank card numbers published in the clear.

Implements ``privacy_leak`` type ``bank_card`` of findings.md: 16-19 digits (whole or in
groups of four) passing the Luhn check, with a card word (卡号, 账号, 开户...) nearby or, for
a table column of such numbers, in the header above.
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
COLUMN_MIN = 3


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
        candidates = [c for c in self._candidates(text) if not _labelled_serial(text, c[0])]
        if not candidates:
            return []
        in_column = _is_column(text, candidates)
        return [
            PrivacyLeak("bank_card", mask_bank_card(digits), start, end)
            for start, end, digits in candidates
            if in_column or _labelled_card(text, start, end)
        ]

    def _candidates(self, text: str) -> list[tuple[int, int, str]]:
        """Card-shaped, Luhn-valid, whole numbers that are not ID numbers."""
        found = []
        for match in _CARD.finditer(text):
            start, end = match.span()
            digits = re.sub(r"[ -]", "", match.group())
            if (
                16 <= len(digits) <= 19
                and isolated(text, start, end)
                and luhn_valid(digits)
                and not (len(digits) == 18 and is_id_card(digits, self.today))
            ):
                found.append((start, end, digits))
        return found


def _labelled_card(text: str, start: int, end: int) -> bool:
    return label_distance(text, start, CARD_LABELS, LABEL_BEFORE) is not None or label_after(
        text, end, CARD_LABELS, LABEL_AFTER
    )


def _labelled_serial(text: str, start: int) -> bool:
    return labelled_not_personal(text, start, CARD_LABELS)


def _is_column(text: str, candidates: list[tuple[int, int, str]]) -> bool:
    """A table column of card numbers under one header (惠农补贴 lists, payrolls): several
    Luhn-valid numbers, with a card word somewhere before the first. Rows lie too far from
    the header for the label window, and random serials pass Luhn only one time in ten."""
    if len(candidates) < COLUMN_MIN:
        return False
    head = text[: candidates[0][0]]
    return any(label in head for label in CARD_LABELS)
