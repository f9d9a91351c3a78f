"""What the crawl remembers about the site for the site-wide checks: navigation, list pages.

Kept small on purpose: only the first entries of each list page, so a 100,000-page site stays
within its memory bound.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field

MAX_ENTRIES = 40
PAGINATION = re.compile(
    r"^(上一页|下一页|首页|尾页|末页|前页|后页|上页|下页|更多|more|>+|<+|\d+|第\d+页)$",
    re.IGNORECASE,
)
EMPTY_WORDS = re.compile(r"暂无|没有(相关)?(信息|内容|数据|记录)|无(相关)?(信息|内容|数据|记录)")


@dataclass
class ListPage:
    url: str
    name: str  # ColumnName meta, else the page title
    has_column_meta: bool
    entries: list[tuple[str, datetime.date | None]]  # (absolute URL, date)
    raw_entries: int  # list items with a link, pagination excluded
    short_text: bool  # almost no text beside the column name: an empty list
    says_empty: bool  # "暂无信息" and the like


@dataclass
class SiteModel:
    site: str
    today: datetime.date
    home_dates: list[datetime.date] = field(default_factory=list)
    nav: dict[str, str] = field(default_factory=dict)  # URL -> link text, first seen
    lists: dict[str, ListPage] = field(default_factory=dict)
    articles: set[int] = field(default_factory=set)  # hashes of article URLs

    def add_nav(self, url: str, text: str) -> None:
        if text and url not in self.nav and not PAGINATION.match(text):
            self.nav[url] = text
