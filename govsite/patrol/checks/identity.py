"""missing_identity: footer identity items and site/article meta tags on every page.

Spec: findings.md kind ``missing_identity``; official-rules.md 2.3 (footer block, 网页标签).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..findings import Finding
from .base import PageView

FOOTER_ITEMS = {
    "网站标识码": re.compile(r"网站标识码|标识码"),
    "ICP备案号": re.compile(r"ICP\s*备|ICP\s*证", re.IGNORECASE),
    "公安机关备案号": re.compile(r"公网安备|公安机关备案|公安备案"),
    "主办单位": re.compile(r"主办单位|主办\s*[:：]"),
}
SITE_META = ("SiteName", "SiteDomain", "SiteIDCode")
ARTICLE_META = ("ColumnName", "ArticleTitle", "PubDate")


class IdentityCheck:
    name = "identity"

    @classmethod
    def from_config(cls, config: object) -> IdentityCheck:
        return cls()

    def check_page(self, view: PageView) -> Iterator[Finding]:
        page = view.page
        if page.malformed:
            return
        footer = page.footer_text or f"{page.chrome_text}\n{page.main_text}"
        missing = [label for label, rx in FOOTER_ITEMS.items() if not rx.search(footer)]
        wanted = SITE_META + (ARTICLE_META if view.is_article else ())
        missing += [name for name in wanted if not page.meta.get(name)]
        if missing:
            yield Finding("missing_identity", view.url, {"missing": missing})
