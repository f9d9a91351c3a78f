"""Valid and nearly-valid personal numbers for the tests, built from their rules."""

from __future__ import annotations

import random

from govsite.textcheck.checks.id_card import check_character


def id_number(region: str = "330102", born: str = "19900307", serial: str = "451") -> str:
    first17 = region + born + serial
    return first17 + check_character(first17)


def wrong_check(value: str) -> str:
    """The same ID number with a check character that does not fit."""
    last = value[-1]
    return value[:-1] + ("0" if last != "0" else "1")


def luhn_complete(partial: str) -> str:
    """``partial`` plus the digit that makes it Luhn-valid."""
    for digit in "0123456789":
        candidate = partial + digit
        total = 0
        for i, char in enumerate(reversed(candidate)):
            d = int(char)
            if i % 2:
                d = d * 2 - 9 if d > 4 else d * 2
            total += d
        if total % 10 == 0:
            return candidate
    raise AssertionError("unreachable")


def card_number(length: int = 16, prefix: str = "622202", rnd: random.Random | None = None) -> str:
    rnd = rnd or random.Random(length)
    body = prefix + "".join(rnd.choice("0123456789") for _ in range(length - len(prefix) - 1))
    return luhn_complete(body)


def luhn_broken(value: str) -> str:
    last = int(value[-1])
    return value[:-1] + str((last + 1) % 10)
