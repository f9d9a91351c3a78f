"""Which date belongs to which list item, an article's publish date, and time travel.

Feeds ``stale_column``/``homepage_stale`` (the newest item of a list) and ``time_travel``
(a publish date after ``today``) of findings.md; official-rules.md §4.1 calls the latter 时间穿越.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from govsite.textcheck.dates import DateMatch, extract_dates, url_date
from govsite.textcheck.results import TimeTravel

_LABEL = re.compile(r"(?:(?:发布|发表|发文|印发|更新|上传|录入)?(?:时间|日期)|发布于)\s*[:：]?\s*$")
_TIME_AFTER = re.compile(r"\s*[0-9]{1,2}[:：][0-9]{2}")
_FILLER = re.compile(r"[\s\[\]【】()（）<>《》|｜:：,，.。·\-—_/]+")
_LABEL_WINDOW = 12


@dataclass(frozen=True, slots=True)
class DatedItem:
    text: str
    date: dt.date | None


def date_items(blocks: Sequence[str]) -> list[DatedItem]:
    """Tie dates to the list items they belong to.

    ``blocks`` are the text blocks of a list in page order. A block with text and a date is
    one item dated by its last date (list dates trail the title). A block that holds only a
    date dates its neighbour: the next item when the list starts with a date (dates lead),
    else the previous one.
    """
    parsed = [(block, extract_dates(block)) for block in blocks]
    leading = bool(parsed) and _date_only(*parsed[0])
    items: list[DatedItem] = []
    pending: dt.date | None = None
    for block, dates in parsed:
        if not _date_only(block, dates):
            items.append(DatedItem(block.strip(), dates[-1].date if dates else pending))
            pending = None
        elif leading:
            pending = dates[-1].date
        elif items and items[-1].date is None:
            items[-1] = DatedItem(items[-1].text, dates[-1].date)
    return items


def _date_only(block: str, dates: list[DateMatch]) -> bool:
    if not dates:
        return False
    rest = block
    for match in reversed(dates):
        rest = rest[: match.start] + rest[match.end :]
    return not _FILLER.sub("", rest)


def publish_date(text: str, *, url: str | None = None, meta: str | None = None) -> dt.date | None:
    """An article's publish date, or None when nothing says it plainly.

    In order: the PubDate meta tag; a date after a label (发布时间：, 日期：); a date followed
    by a clock time (2026-11-03 10:20); the date in the URL. Other dates in the body are
    dates the article talks about, not its own.
    """
    if meta:
        dates = extract_dates(meta)
        if dates:
            return dates[0].date
    dates = extract_dates(text)
    for match in dates:
        if _LABEL.search(text[max(match.start - _LABEL_WINDOW, 0) : match.start]):
            return match.date
    for match in dates:
        if _TIME_AFTER.match(text, match.end):
            return match.date
    return url_date(url) if url else None


def future_dates(matches: Iterable[DateMatch], today: dt.date) -> list[DateMatch]:
    return [m for m in matches if m.date > today]


def time_travel(published: dt.date | None, today: dt.date) -> TimeTravel | None:
    """A ``time_travel`` finding when the page's publish date lies after ``today``."""
    if published is not None and published > today:
        return TimeTravel(published)
    return None
