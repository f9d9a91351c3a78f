"""Deliberate defects planted in the demo province, for later modules (patrol, scoring) to find.

Each is a fact about the demo data, listed here once so that tests and people can check that
the platform finds exactly these.
"""

import datetime


def id_check_digit(first17: str) -> str:
    """GB 11643 check digit of an 18-character resident ID number."""
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    total = sum(int(c) * w for c, w in zip(first17, weights, strict=True))
    return "10X98765432"[total % 11]


LEAKED_ID = "33020319850612123" + id_check_digit("33020319850612123")
LEAKED_MOBILE = "13857461234"

DEFECTS = [
    # (kind, site slug, column slug, what)
    ("stale_column", "yj", "news", "newest entry 45 days old"),
    ("blank_column", "xiangshan", "guihua", "no entries at all"),
    ("sensitive_word", "zjamr-zj", "notice", "国家工商行政管理总局 (retired 2018)"),
    ("privacy_leak", "jyj-ningbo", "renshi", f"ID {LEAKED_ID} and mobile {LEAKED_MOBILE}"),
    ("wrong_name", "hangzhou", "news", "王键国市长 for 王建国市长"),
    ("time_travel", "wenzhou", "notice", "publish date 30 days after today"),
    ("broken_link", "ruian", "notice", "link to /files/missing-2026.pdf"),
]


def stale_offset_days(site_slug: str, column_slug: str) -> int:
    """Extra age, in days, of every entry of a column planted as stale."""
    return 45 if (site_slug, column_slug) == ("yj", "news") else 0


def article_links(site_slug: str, column_slug: str, index: int) -> list[tuple[str, str]]:
    """(text, href) links planted into one article: a link to an attachment that is missing."""
    if index == 0 and (site_slug, column_slug) == ("ruian", "notice"):
        return [("附件：申报表.pdf", "/files/missing-2026.pdf")]
    return []


def article_extra(site_slug: str, column_slug: str, index: int, today: datetime.date):
    """(extra paragraphs, publish-date override) planted into one article, or (None, None)."""
    if index != 0:
        return None, None
    key = (site_slug, column_slug)
    if key == ("zjamr-zj", "notice"):
        return ["请各地按照国家工商行政管理总局有关规定，做好相关工作。"], None
    if key == ("jyj-ningbo", "renshi"):
        return [f"拟聘用人员：张某某，身份证号{LEAKED_ID}，联系电话{LEAKED_MOBILE}。"], None
    if key == ("hangzhou", "news"):
        return ["王键国市长在会上强调，要把各项工作抓实抓细。"], None
    if key == ("wenzhou", "notice"):
        return None, today + datetime.timedelta(days=30)
    return None, None


def is_blank(site_slug: str, column_slug: str) -> bool:
    return (site_slug, column_slug) == ("xiangshan", "guihua")
