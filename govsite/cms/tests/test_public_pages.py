"""Every public page carries the footer identity items and the page metadata tags
(official-rules.md §2.3), and is served on its site's own host name."""

import re

import pytest

from govsite.cms import services

from .conftest import HOSTS
from .helpers import meta_tags, relative_url

FOOTER_ITEMS = [
    "主办单位",
    "浙江省人民政府",
    "联系方式",
    "0571-87051234",
    "网站标识码",
    "ICP备案号",
    'href="https://beian.miit.gov.cn/"',
    "浙ICP备05070218号",
    "公安机关备案号",
    "浙公网安备33010602000001号",
    'href="https://bszs.conac.cn/sitename?method=show&amp;id=1"',
    "党政机关网站标识",
    "我为政府网站找错",
    "https://zfwzgl.www.gov.cn/exposure/jiucuo.html?site_code=3300000001",
]


def _pages(platform, articles, topic):
    return {
        "home": platform["portal"].wagtail_site.root_page,
        "column": platform["columns"]["portal_news"].page,
        "article": articles["portal_news"],
        "topic": topic["page"],
        "topic_article": topic["article"],
    }


@pytest.mark.parametrize("kind", ["home", "column", "article", "topic", "topic_article"])
def test_every_page_type_has_footer_and_site_tags(client, platform, articles, topic, kind):
    page = _pages(platform, articles, topic)[kind]
    response = client.get(relative_url(page), HTTP_HOST=HOSTS["portal"])
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="zh-CN">' in html
    assert '<a class="skip-link" href="#main">跳到主要内容</a>' in html
    for item in FOOTER_ITEMS:
        assert item in html, item
    tags = meta_tags(html)
    assert tags["SiteName"] == "浙江省人民政府门户网站"
    assert tags["SiteDomain"] == "www.zj.gov.cn"
    assert tags["SiteIDCode"] == "3300000001"


def test_home_has_site_tags_only(client, platform):
    response = client.get("/", HTTP_HOST=HOSTS["edu"])
    tags = meta_tags(response.content.decode())
    assert tags["SiteIDCode"] == "3300000002"
    assert "ColumnName" not in tags and "ArticleTitle" not in tags


def test_column_page_names_its_column_and_kind(client, platform):
    page = platform["columns"]["portal_edu"].page
    tags = meta_tags(client.get(relative_url(page), HTTP_HOST=HOSTS["portal"]).content.decode())
    assert tags["ColumnName"] == "教育公开"
    assert tags["ColumnType"] == "政策文件"
    assert "ArticleTitle" not in tags


def test_article_carries_content_and_column_tags(client, platform, articles):
    article = articles["edu_notice"]
    article.search_description = "关于做好寒假工作的通知摘要"
    article.keywords = "寒假,通知"
    article.save_revision().publish()
    response = client.get(relative_url(article), HTTP_HOST=HOSTS["edu"])
    tags = meta_tags(response.content.decode())
    assert tags["ArticleTitle"] == "通知公告测试信息"
    assert tags["PubDate"] == "2026-03-02 09:30"
    assert tags["ContentSource"] == "浙江省人民政府办公厅"
    assert tags["Author"] == "张三"
    assert tags["ColumnName"] == "通知公告"
    assert tags["ColumnType"] == "通知公告"
    assert tags["Keywords"] == "寒假,通知"
    assert tags["Description"] == "关于做好寒假工作的通知摘要"
    assert tags["SiteName"] == "浙江省教育厅网站"


def test_topic_is_a_topic_column(client, topic):
    tags = meta_tags(client.get("/gtfy/", HTTP_HOST=HOSTS["portal"]).content.decode())
    assert tags["ColumnName"] == "共同富裕示范区建设"
    assert tags["ColumnType"] == "专题专栏"
    article = meta_tags(
        client.get(relative_url(topic["article"]), HTTP_HOST=HOSTS["portal"]).content.decode()
    )
    assert article["ColumnType"] == "专题专栏"
    assert article["ArticleTitle"] == "示范区建设新闻发布会"


def test_each_site_shows_its_own_registry_facts(client, platform):
    html = client.get("/", HTTP_HOST=HOSTS["fin"]).content.decode()
    assert "浙江省财政厅" in html and "3300000003" in html
    assert "浙江省教育厅" not in html


def test_disclosure_item_shows_its_elements(client, platform):
    article = services.create_article(
        platform["columns"]["fin_policy"],
        actor=None,
        title="关于印发预算管理办法的通知",
        body_paragraphs=["各市财政局："],
        publish_date=platform["fin"].created_at,
        index_number="002482410/2026-00011",
        document_number="浙财预〔2026〕3号",
        issuing_agency="浙江省财政厅",
        validity="valid",
    )
    html = client.get(relative_url(article), HTTP_HOST=HOSTS["fin"]).content.decode()
    for text in (
        "索引号",
        "002482410/2026-00011",
        "浙财预〔2026〕3号",
        "发布机构",
        "有效性",
        "有效",
    ):
        assert text in html


def test_column_lists_newest_first_a_page_at_a_time(client, platform, settings):
    settings.CMS_ARTICLES_PER_PAGE = 2
    column = platform["columns"]["edu_notice"]
    for day in (1, 3, 2):
        services.create_article(
            column,
            actor=None,
            title=f"第{day}日通知",
            body_paragraphs=["正文"],
            publish_date=platform["edu"].created_at.replace(day=day),
            source="省教育厅",
        )
    first = client.get("/notice/", HTTP_HOST=HOSTS["edu"]).content.decode()
    second = client.get("/notice/?page=2", HTTP_HOST=HOSTS["edu"]).content.decode()
    assert first.index("第3日通知") < first.index("第2日通知")
    assert "第1日通知" not in first and "第1日通知" in second
    assert "下一页" in first and "上一页" in second


def test_column_page_query_count_does_not_grow_with_articles(
    client, platform, django_assert_max_num_queries
):
    column = platform["columns"]["edu_notice"]
    for n in range(15):
        services.create_article(
            column,
            actor=None,
            title=f"通知{n}",
            body_paragraphs=["正文"],
            publish_date=platform["edu"].created_at,
            source="省教育厅",
        )
    with django_assert_max_num_queries(25):
        assert client.get("/notice/", HTTP_HOST=HOSTS["edu"]).status_code == 200


LARGE_ON = '<button type="submit" name="large" value="1">'
LARGE_OFF = '<button type="submit" name="large" value="0">'


def test_large_print_mode_works_without_javascript(client, platform):
    plain = client.get("/", HTTP_HOST=HOSTS["edu"]).content.decode()
    # a GET form, so the switch works without JavaScript and no crawler follows it as a link
    assert re.search(r'<form class="toolbar" method="get">\s*' + re.escape(LARGE_ON), plain)
    assert "?large=" not in plain and "large-print" not in plain

    switched = client.get("/?large=1", HTTP_HOST=HOSTS["edu"])
    assert re.search(r'<body class="[^"]*large-print', switched.content.decode())
    assert switched.cookies["govsite_large"].value == "1"

    remembered = client.get("/notice/", HTTP_HOST=HOSTS["edu"]).content.decode()
    assert "large-print" in remembered and LARGE_OFF in remembered

    client.get("/?large=0", HTTP_HOST=HOSTS["edu"])
    assert "large-print" not in client.get("/", HTTP_HOST=HOSTS["edu"]).content.decode()


def test_unknown_host_gets_the_province_portal(client, platform):
    tags = meta_tags(client.get("/", HTTP_HOST="127.0.0.1").content.decode())
    assert tags["SiteIDCode"] == "3300000001"
