"""time_travel: a page whose own publish date lies after ``today``.

Spec: findings.md kind ``time_travel``; official-rules.md 4.1 (时间穿越, 伪造发稿日期).
Only the page's own date counts (meta PubDate or its 发布时间 line), not the dates of the entries
it lists, so one future-dated notice is one finding.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator

from ..config import PatrolConfig
from ..findings import Finding
from .base import PageView


class TimeTravelCheck:
    name = "time_travel"

    def __init__(self, today: datetime.date):
        self.today = today

    @classmethod
    def from_config(cls, config: PatrolConfig) -> TimeTravelCheck:
        return cls(config.today)

    def check_page(self, view: PageView) -> Iterator[Finding]:
        if view.pubdate is not None and view.pubdate > self.today:
            yield Finding("time_travel", view.url, {"date": view.pubdate.isoformat()})
