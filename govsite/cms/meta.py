"""The page metadata tags of government websites (official-rules.md §2.3, 网页标签).

Homepages carry the site tags, column pages site + column tags, articles site + column +
content tags. Values come from the registry (site, column) and from the page itself.
"""

from django.utils import timezone

# ColumnType is written in Chinese whatever the visitor's language (GLOSSARY.md column kind).
COLUMN_TYPE_LABELS = {
    "dynamic": "动态要闻",
    "notice": "通知公告",
    "policy": "政策文件",
    "interpretation": "政策解读",
    "personnel": "人事信息",
    "planning": "规划计划",
    "interaction": "互动交流",
    "service": "办事服务",
    "topic": "专题专栏",
    "other": "其他",
}

Tags = list[tuple[str, str]]


def site_tags(site) -> Tags:
    if site is None:
        return []
    return [("SiteName", site.name), ("SiteDomain", site.domain), ("SiteIDCode", site.site_code)]


def column_tags(name: str, kind: str | None, *, description: str = "", keywords: str = "") -> Tags:
    tags = [("ColumnName", name), ("ColumnType", column_type_label(kind))]
    if description:
        tags.append(("ColumnDescription", description))
    if keywords:
        tags.append(("ColumnKeywords", keywords))
    return tags


def column_type_label(kind: str | None) -> str:
    return COLUMN_TYPE_LABELS.get(kind or "other", COLUMN_TYPE_LABELS["other"])


def pub_date(value) -> str:
    """``YYYY-MM-DD HH:MM`` in the platform's time zone, the form seen on ministry pages."""
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M") if value else ""


def content_tags(
    *,
    title: str,
    published,
    source: str,
    author: str = "",
    keywords: str = "",
    description: str = "",
    url: str = "",
) -> Tags:
    tags = [("ArticleTitle", title), ("PubDate", pub_date(published)), ("ContentSource", source)]
    optional = [
        ("Author", author),
        ("Keywords", keywords),
        ("Description", description),
        ("Url", url),
    ]
    return tags + [(name, value) for name, value in optional if value]


def page_tags(*, keywords: str = "", description: str = "") -> Tags:
    return [
        (name, value)
        for name, value in (("Keywords", keywords), ("Description", description))
        if value
    ]
