"""Dates in Chinese web text and in URLs.

Feeds the ``time_travel``, ``stale_column`` and ``homepage_stale`` kinds of findings.md:
2026-11-03, 2026年11月3日, 2026/11/03, 2026.11.03, 二〇二六年十一月三日, and in URLs
/2026/11/03/, /2026-11/03/, /202611/03/, /202611/t20261103_123.html.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from govsite.textcheck.numbers import ascii_digits

_YEAR = r"(?:19|20)[0-9]{2}"
_CN_DIGITS = "〇○零一二三四五六七八九"
_CN_NUMBER = "一二三四五六七八九十"
_CN_VALUE = {
    "〇": 0,
    "○": 0,
    "零": 0,
    **{c: i for i, c in enumerate("一二三四五六七八九", start=1)},
}
_TEXT_PATTERNS = (
    re.compile(rf"(?<![0-9])({_YEAR})\s*年\s*([0-9]{{1,2}})\s*月\s*([0-9]{{1,2}})\s*[日号]"),
    re.compile(rf"(?<![0-9.])({_YEAR})([-/.])([0-9]{{1,2}})\2([0-9]{{1,2}})(?![0-9]|\.[0-9])"),
    re.compile(rf"([{_CN_DIGITS}]{{4}})年([{_CN_NUMBER}]{{1,2}})月([{_CN_NUMBER}]{{1,3}})日"),
)
_URL_PATTERNS = (
    re.compile(rf"(?<![0-9])({_YEAR})([01][0-9])([0-3][0-9])(?![0-9])"),
    re.compile(rf"(?<![0-9])({_YEAR})[-/_]([01]?[0-9])[-/_]([0-3]?[0-9])(?![0-9])"),
    re.compile(rf"(?<![0-9])({_YEAR})([01][0-9])/([0-3][0-9])(?![0-9])"),
)


@dataclass(frozen=True, slots=True)
class DateMatch:
    date: dt.date
    start: int
    end: int
    text: str


def extract_dates(text: str) -> list[DateMatch]:
    """Every well-formed calendar date written in ``text``, in order of position."""
    normal = ascii_digits(text)
    found = []
    for pattern in _TEXT_PATTERNS:
        for match in pattern.finditer(normal):
            parts = [g for g in match.groups() if g not in {"-", "/", "."}]
            day = _make_date(*parts)
            if day is not None:
                found.append(
                    DateMatch(day, match.start(), match.end(), text[match.start() : match.end()])
                )
    return sorted(found, key=lambda m: m.start)


def url_dates(url: str) -> list[DateMatch]:
    """Dates carried by a URL's path (/2026/11/03/, t20261103_1.html, ...), left to right."""
    found: dict[int, DateMatch] = {}
    for pattern in _URL_PATTERNS:
        for match in pattern.finditer(url):
            day = _make_date(*match.groups())
            if day is not None and match.start() not in found:
                found[match.start()] = DateMatch(day, match.start(), match.end(), match.group())
    return sorted(found.values(), key=lambda m: m.start)


def url_date(url: str) -> dt.date | None:
    """The date a URL carries; the last one when the path carries several (the file name's)."""
    dates = url_dates(url)
    return dates[-1].date if dates else None


def _make_date(year: str, month: str, day: str) -> dt.date | None:
    try:
        return dt.date(_number(year), _number(month), _number(day))
    except ValueError:
        return None


def _number(value: str) -> int:
    """``2026``, ``二〇二六`` (digit by digit) or ``三十一`` (a number up to 99) as an int."""
    if value.isascii():
        return int(value)
    if len(value) == 4:
        return int("".join(str(_CN_VALUE[c]) for c in value))
    tens, ten, units = value.rpartition("十")
    if not ten:
        return _CN_VALUE[value]
    return (_CN_VALUE[tens] if tens else 1) * 10 + (_CN_VALUE[units] if units else 0)
