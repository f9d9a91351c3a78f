"""URL normalisation, charset detection, trap families and column kinds."""

from __future__ import annotations

import datetime

import pytest

from govsite.patrol.charset import decode
from govsite.patrol.checks.columns import kind_from_name
from govsite.patrol.config import PatrolConfig
from govsite.patrol.parse import parse
from govsite.patrol.traps import TrapDetector
from govsite.patrol.urls import family, normalise, same_site

TODAY = datetime.date(2026, 11, 21)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("HTTP://WWW.Example.GOV.cn:80/a/./b/../c.html#top", "http://www.example.gov.cn/a/c.html"),
        ("http://x.gov.cn/list?b=2&a=1&utm_source=wx", "http://x.gov.cn/list?a=1&b=2"),
        ("http://x.gov.cn/a.jsp;jsessionid=ABC123?id=3", "http://x.gov.cn/a.jsp?id=3"),
        ("http://x.gov.cn/p?PHPSESSID=1&id=2", "http://x.gov.cn/p?id=2"),
        ("http://x.gov.cn/政务 公开/", "http://x.gov.cn/%E6%94%BF%E5%8A%A1%20%E5%85%AC%E5%BC%80/"),
        ("http://x.gov.cn", "http://x.gov.cn/"),
        ("https://x.gov.cn:443/", "https://x.gov.cn/"),
    ],
)
def test_normalise(raw, expected):
    assert normalise(raw)[0] == expected


def test_relative_links_resolve_against_the_page():
    assert normalise("../b/c.html", "http://x.gov.cn/a/d/e.html")[0] == "http://x.gov.cn/a/b/c.html"
    assert normalise("\\\\zwgk\\\\index.html".replace("\\\\", "/"), "http://x.gov.cn/")[0] == (
        "http://x.gov.cn/zwgk/index.html"
    )


def test_same_site_is_host_and_port():
    assert same_site("https://x.gov.cn/a", "http://x.gov.cn/")
    assert not same_site("http://x.gov.cn:8080/", "http://x.gov.cn/")
    assert not same_site("http://y.gov.cn/", "http://x.gov.cn/")


def test_family_replaces_numbers_and_tokens():
    assert family("http://x/cal?year=2026&month=11") == "http://x/cal?year={n}&month={n}"
    assert family("http://x/a?s=8f3a9c2b7d1e4f60a1b2") == "http://x/a?s=*"


@pytest.mark.parametrize(
    ("body", "header", "expected"),
    [
        ('<meta charset="gb2312"><p>政务公开 镕</p>'.encode("gb18030"), None, "镕"),
        ("<p>政务公开通知公告人事信息规划计划</p>".encode("gbk"), None, "通知公告"),
        ("<p>政务公开</p>".encode(), "gbk", "政务公开"),  # a wrong header loses to the bytes
        (
            '<meta http-equiv="Content-Type" content="text/html; charset=GBK">政务'.encode("gbk"),
            None,
            "政务",
        ),
    ],
)
def test_decode_chinese_pages(body, header, expected):
    text, _codec = decode(body, header)
    assert expected in text


def test_a_page_cut_inside_a_character_still_decodes():
    body = ('<meta charset="gbk"><p>' + "政务公开" * 100).encode("gbk")[:-1]
    assert "政务公开" in decode(body)[0]


def test_chrome_and_main_text_are_separated():
    page = parse(
        '<html><head><meta name="SiteName" content="s"></head><body>'
        '<div class="nav"><a href="/yw/">政务要闻</a></div><div class="main"><ul>'
        '<li><a href="/yw/1.html">标题</a><span>2026-11-01</span></li></ul></div>'
        '<div class="footer">网站标识码：3307000001</div></body></html>'
    )
    assert page.meta == {"SiteName": "s"}
    assert [(n.href, n.text) for n in page.nav] == [("/yw/", "政务要闻")]
    assert "网站标识码" in page.footer_text and "网站标识码" not in page.main_text
    assert [(e.href, e.title) for e in page.entries] == [("/yw/1.html", "标题")]


def test_deeply_nested_html_falls_back_to_the_linear_reader():
    page = parse("<div>" * 100_000 + '<a href="/x">x</a>', ("<div>" * 100_000).encode())
    assert page.malformed and [link.href for link in page.links] == ["/x"]


def detector():
    return TrapDetector(PatrolConfig(start_url="http://x/"), TODAY)


def test_a_calendar_is_stopped_once_it_runs_past_next_year():
    traps, chain, parent = detector(), 0, "http://x/"
    year, month, stopped_at = 2026, 11, None
    for hop in range(100):
        month, year = (1, year + 1) if month == 12 else (month + 1, year)
        url = f"http://x/cal?month={month}&year={year}"
        admitted = traps.admit(url, parent, chain)
        if admitted is None:
            stopped_at = hop
            break
        chain, parent = admitted, url
    assert stopped_at is not None and stopped_at < 20
    assert traps.findings()[0].detail["pattern"] == "http://x/cal?month={n}&year={n}"


def test_pagination_and_articles_are_not_traps():
    traps = detector()
    parent, chain = "http://x/yw/", 0
    for n in range(1, 300):
        url = f"http://x/yw/index_{n}.html"
        chain = traps.admit(url, parent, chain)
        assert chain is not None
        parent = url
    for n in range(50):  # articles addressed by uuid-like ids, each with its own text
        traps.note_content(f"http://x/art?id=8a8a8b{n:010d}abcdef", "http://x/yw/", n)
    assert traps.findings() == []


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("政务要闻", "dynamic"),
        ("部门动态", "dynamic"),
        ("通知公告", "notice"),
        ("政策文件", "policy"),
        ("政策解读", "interpretation"),
        ("人事任免", "personnel"),
        ("规划计划", "planning"),
        ("机构概况", "other"),
        ("统计数据", "other"),
    ],
)
def test_column_kind_from_name(name, kind):
    assert kind_from_name(name) == kind


def test_meta_tag_names_are_read_whatever_their_case():
    page = parse('<head><meta name="sitename" content="海州"><meta name="PUBDATE" content="x">')
    assert page.meta == {"SiteName": "海州", "PubDate": "x"}
