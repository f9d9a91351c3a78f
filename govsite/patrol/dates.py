"""Dates on pages: an article's publish date, a list entry's date. The reading of dates in
text and URLs is govsite.textcheck.dates; this module only decides which date is whose.

Feeds ``time_travel``, ``stale_column`` and ``homepage_stale`` (findings.md).
"""

from __future__ import annotations

import datetime
import re

from govsite.textcheck.dates import extract_dates
from govsite.textcheck.dates import url_date as _url_date

_LABEL = re.compile(r"(?:发布|印发|成文|发文|更新)?(?:时间|日期)\s*[:：]\s*")


def find_dates(text: str) -> list[datetime.date]:
    return [m.date for m in extract_dates(text)]


def url_date(url: str) -> datetime.date | None:
    return _url_date(url)


def parse_pubdate(value: str) -> datetime.date | None:
    found = find_dates(value)
    return found[0] if found else None


def labelled_date(text: str) -> datetime.date | None:
    """The date after 发布时间：/发布日期：/日期： in an article's text."""
    for match in _LABEL.finditer(text):
        found = find_dates(text[match.end() : match.end() + 24])
        if found:
            return found[0]
    return None


def entry_date(text: str, title: str, href: str) -> datetime.date | None:
    """A list entry's date: beside the title first, then in the link's URL, then in the title."""
    rest = text.replace(title, " ") if title else text
    found = find_dates(rest)
    if found:
        return found[-1]
    return url_date(href) or (find_dates(title) or [None])[-1]
