import datetime as dt

import pytest

from govsite.textcheck import (
    DatedItem,
    date_items,
    extract_dates,
    future_dates,
    publish_date,
    time_travel,
    url_date,
)

NOV3 = dt.date(2026, 11, 3)


@pytest.mark.parametrize(
    "written",
    ["2026-11-03", "2026年11月3日", "2026 年 11 月 03 日", "2026/11/03", "2026.11.03", "2026-11-3",
     "2026年11月3号", "二〇二六年十一月三日", "２０２６年１１月３日"],
)  # fmt: skip
def test_dates_are_read_in_every_usual_form(written):
    text = f"发布于{written}，"
    [match] = extract_dates(text)
    assert match.date == NOV3
    assert text[match.start : match.end] == written == match.text


@pytest.mark.parametrize(
    "text",
    ["2026-13-03", "2026年2月30日", "版本 1.2026.11.03", "12026-11-03", "浙政办发〔2026〕12号",
     "20261103", "1899-01-01", "2026-11/03"],
)  # fmt: skip
def test_things_that_are_not_dates_are_not_read_as_dates(text):
    assert extract_dates(text) == []


def test_twenty_and_thirty_in_chinese_numerals():
    [match] = extract_dates("二〇一二年十二月三十一日")
    assert match.date == dt.date(2012, 12, 31)


@pytest.mark.parametrize(
    ("url", "date"),
    [
        ("http://www.zj.gov.cn/2026/11/03/art_1.html", NOV3),
        ("http://www.zj.gov.cn/art/2026/11/3/art_1229_123.html", NOV3),
        ("http://x.gov.cn/xxgk/202611/t20261103_123.html", NOV3),
        ("http://x.gov.cn/zhengce/2026-11/03/content_5200760.htm", NOV3),
        ("http://x.gov.cn/news/202611/03/1.html", NOV3),
        ("http://x.gov.cn/20261103.html", NOV3),
        ("http://x.gov.cn/news/2026110312.html", None),
        ("http://x.gov.cn/news/202611/index.html", None),
        ("http://x.gov.cn/20261332.html", None),
    ],
)
def test_dates_in_urls(url, date):
    assert url_date(url) == date


def test_list_items_take_their_own_trailing_date():
    blocks = ["关于印发2027年工作要点的通知 2026-11-03", "[2026-11-02] 公告", "无日期的条目"]
    assert date_items(blocks) == [
        DatedItem("关于印发2027年工作要点的通知 2026-11-03", NOV3),
        DatedItem("[2026-11-02] 公告", dt.date(2026, 11, 2)),
        DatedItem("无日期的条目", None),
    ]


def test_a_date_in_its_own_block_dates_the_item_before_it():
    blocks = ["通知一", "2026-11-03", "通知二", "[2026-11-02]", "通知三"]
    assert [item.date for item in date_items(blocks)] == [NOV3, dt.date(2026, 11, 2), None]


def test_when_a_list_starts_with_a_date_dates_lead_their_items():
    blocks = ["2026-11-03", "通知一", "2026年11月2日", "通知二"]
    assert date_items(blocks) == [
        DatedItem("通知一", NOV3),
        DatedItem("通知二", dt.date(2026, 11, 2)),
    ]


@pytest.mark.parametrize(
    ("text", "kwargs", "expected"),
    [
        ("关于2027年1月1日起施行的通知 发布时间：2026-11-03 来源：办公室", {}, NOV3),
        ("日期: 2026年11月3日 正文提到2027年1月1日", {}, NOV3),
        ("2026-11-03 10:20 来源：本网 正文提到2027年1月1日", {}, NOV3),
        ("正文提到2027年1月1日", {"url": "http://x.gov.cn/art/2026/11/3/art_1.html"}, NOV3),
        ("发布时间：2026-11-04", {"meta": "2026-11-03"}, NOV3),
        ("正文提到2027年1月1日", {}, None),
    ],
)
def test_publish_date_uses_what_names_it_plainly(text, kwargs, expected):
    assert publish_date(text, **kwargs) == expected


def test_time_travel_is_a_publish_date_after_today():
    today = dt.date(2026, 11, 21)
    assert time_travel(dt.date(2026, 11, 22), today).to_finding() == {
        "kind": "time_travel",
        "detail": {"date": "2026-11-22"},
    }
    assert time_travel(today, today) is None
    assert time_travel(None, today) is None
    dates = extract_dates("2026-11-21 2026-11-22 2025-01-01")
    assert [m.date for m in future_dates(dates, today)] == [dt.date(2026, 11, 22)]
