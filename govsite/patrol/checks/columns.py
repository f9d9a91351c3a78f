"""blank_column and stale_column: columns found from navigation and list pages, their kind
from --columns rules or from the column name, their newest entry against the kind's limit.

Spec: findings.md kinds ``blank_column``, ``stale_column``; official-rules.md 1.3 item 4
(动态/要闻 2 weeks, 通知公告/政策文件 6 months, 人事/规划计划 1 year, blank columns).
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterator
from urllib.parse import urlsplit

from ..config import PatrolConfig
from ..findings import Finding
from ..sitemodel import ListPage, SiteModel

# Order matters: 政策解读 is an interpretation, not a policy; 人事任免通知 is personnel.
KIND_WORDS = (
    ("interpretation", ("解读", "图解", "问答")),
    ("personnel", ("人事", "任免", "招聘", "招考", "录用", "干部任前")),
    ("planning", ("规划", "计划", "总结")),
    ("notice", ("通知", "公告", "公示", "通告")),
    ("policy", ("政策", "文件", "法规", "规章", "规范性")),
    ("dynamic", ("要闻", "动态", "新闻", "资讯", "工作进展", "头条", "快讯", "热点", "简报")),
)


def kind_from_name(name: str) -> str:
    for kind, words in KIND_WORDS:
        if any(w in name for w in words):
            return kind
    return "other"


class ColumnCheck:
    name = "columns"

    def __init__(self, config: PatrolConfig):
        self.config = config

    @classmethod
    def from_config(cls, config: PatrolConfig) -> ColumnCheck:
        return cls(config)

    def kind(self, url: str, name: str) -> str:
        for rule in self.config.column_rules:
            if url.startswith(rule.prefix):
                return rule.kind
        return kind_from_name(name)

    def check_site(self, site: SiteModel) -> Iterator[Finding]:
        columns = find_columns(site)
        urls = {c.url for c in columns}
        for column, name in ((c, _name(site, c)) for c in columns):
            yield from self._column(site, column, name, urls)

    def _column(self, site: SiteModel, column: ListPage, name: str, urls: set[str]):
        entries = [(u, d) for u, d in column.entries if u not in urls and u not in site.nav]
        if column.raw_entries == 0:
            if column.says_empty or column.short_text:
                yield Finding("blank_column", column.url, {"column": name})
            return
        if not entries:
            return  # a parent column that lists its sub-columns
        kind = self.kind(column.url, name)
        limit = self.config.limit_for(kind, column.url)
        if limit is None:
            return
        dates = [d for _u, d in entries if d is not None and d <= site.today]
        latest = max(dates) if dates else None
        days = (site.today - latest).days if latest else None
        if latest is None or (days is not None and days > limit):
            yield Finding(
                "stale_column",
                column.url,
                {
                    "column": name,
                    "column_kind": kind,
                    "latest": latest.isoformat() if latest else None,
                    "days": days,
                    "limit_days": limit,
                },
            )


def _name(site: SiteModel, column: ListPage) -> str:
    return site.nav.get(column.url) or column.name


def find_columns(site: SiteModel) -> list[ListPage]:
    """List pages that are columns: linked from navigation or carrying ColumnName, one per
    column (a column's further list pages, index_1.html ..., fold into its first)."""
    chosen: dict[tuple[str, str], ListPage] = {}
    for page in site.lists.values():
        if page.url == site.site or hash(page.url) in site.articles:
            continue
        in_nav = page.url in site.nav
        if not (in_nav or page.has_column_meta):
            continue
        if not in_nav and page.raw_entries == 0 and not page.says_empty:
            continue
        key = (page.name if page.has_column_meta else page.url, _folder(page.url))
        best = chosen.get(key)
        if best is None or _rank(site, page) < _rank(site, best):
            chosen[key] = page
    return sorted(chosen.values(), key=lambda p: p.url)


def _folder(url: str) -> str:
    path = urlsplit(url).path
    return path if path.endswith("/") else posixpath.dirname(path) + "/"


def _rank(site: SiteModel, page: ListPage) -> tuple[int, int]:
    return (0 if page.url in site.nav else 1, len(page.url))
