"""homepage_stale: nothing on the homepage is newer than 14 days.

Spec: findings.md kind ``homepage_stale``; official-rules.md 1.3 item 3 (首页不更新, 2 weeks).
A homepage that shows no date at all is left alone: it may be a pure navigation entry.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..config import PatrolConfig
from ..findings import Finding
from ..sitemodel import SiteModel


class HomepageCheck:
    name = "homepage"

    def __init__(self, limit_days: int):
        self.limit_days = limit_days

    @classmethod
    def from_config(cls, config: PatrolConfig) -> HomepageCheck:
        return cls(config.homepage_limit_days)

    def check_site(self, site: SiteModel) -> Iterator[Finding]:
        dates = [d for d in site.home_dates if d <= site.today]
        if not dates:
            return
        latest = max(dates)
        days = (site.today - latest).days
        if days > self.limit_days:
            yield Finding("homepage_stale", site.site, {"latest": latest.isoformat(), "days": days})
