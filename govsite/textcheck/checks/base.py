"""What every text check shares: its configuration, its protocol, and how it switches off.

Scrapy-style: each check has a plain constructor and a ``from_config`` classmethod that
raises ``NotConfigured`` when the configuration gives it nothing to do.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import ClassVar, Protocol, Self
from zoneinfo import ZoneInfo

from govsite.textcheck.lexicon import Lexicon
from govsite.textcheck.officials import Official
from govsite.textcheck.results import Finding

CHINA = ZoneInfo("Asia/Shanghai")


class NotConfigured(Exception):  # Scrapy's name for the same idea
    """Raised by ``from_config`` to leave a check out of the run."""


def today_in_china() -> dt.date:
    return dt.datetime.now(CHINA).date()


@dataclass(frozen=True)
class CheckConfig:
    """Everything the text checks may be configured with.

    ``lexicon``: the merged lexicon (default + platform + site); ``officials``: names that
    must be spelled right; ``today``: the date birth dates are judged against;
    ``region_code_valid``: optional test of an ID number's 6-digit region code (without it,
    the 2-digit province code is checked).
    """

    lexicon: Lexicon = field(default_factory=Lexicon.default)
    officials: Sequence[Official] = ()
    today: dt.date = field(default_factory=today_in_china)
    region_code_valid: Callable[[str], bool] | None = None


class Check(Protocol):
    """One detector. ``scan`` returns results in text order and never raises on odd input."""

    name: ClassVar[str]

    @classmethod
    def from_config(cls, config: CheckConfig) -> Self: ...

    def scan(self, text: str) -> Sequence[Finding]: ...
