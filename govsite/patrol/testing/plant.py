"""The planted defects and decoys of the generated site, one function per kind.

Each planted defect adds one Expect to the truth; each decoy names a page where a kind must
not be reported (findings.md "Decoys that must NOT be reported").
"""

from __future__ import annotations

import datetime
import html
import itertools
import zlib
from typing import TYPE_CHECKING

from . import content as text
from .docs import docx_bytes, pdf_bytes, xlsx_bytes
from .model import Resource
from .template import Frame

if TYPE_CHECKING:
    from .sitegen import Builder

OUTDATED = (
    "国家工商行政管理总局",
    "国土资源部",
    "环境保护部",
    "国家安全生产监督管理总局",
    "国家卫生和计划生育委员会",
    "国家质量监督检验检疫总局",
)
WRONG_NAMES = (("王键国", "市长"), ("汪建国", "市长"), ("李明化", "副市长"), ("陈小东", "秘书长"))
PDF, DOCX = (
    "application/pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
)
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def plant_all(b: Builder) -> None:
    for plant in (
        broken_links,
        redirects,
        slow_pages,
        sensitive_words,
        wrong_names,
        privacy,
        privacy_decoys,
        attachments,
        time_travel,
        missing_identity,
    ):
        plant(b)


def _para(article, sentence: str) -> None:
    article.extra.append(f"<p>{html.escape(sentence)}</p>")


def broken_links(b: Builder) -> None:
    kinds = [("page", "a", "/{c}/old/{n}.html")] * b.k + [
        ("image", "img", "/images/lost/{n}.jpg")
    ] * b.k
    kinds += [("attachment", "a", "/uploads/{n}.pdf")] * b.k + [("page", "a", "/err/{n}.html")] * 2
    kinds += [("script", "script", "/js/lost-{n}.js"), ("style", "link", "/css/lost-{n}.css")]
    for n, (_kind, tag, pattern) in enumerate(kinds):
        a = b._pick()
        target = pattern.format(c=a.column, n=n)
        if tag == "a":
            a.extra.append(f'<p>相关链接：<a href="{target}">点击查看详情</a></p>')
        elif tag == "img":
            a.extra.append(f'<p><img src="{target}" alt="现场图片"></p>')
        elif tag == "script":
            a.extra.append(f'<script src="{target}"></script>')
        else:
            a.extra.append(f'<link rel="stylesheet" href="{target}">')
        if target.startswith("/err/"):
            b.site.add(target, Resource(b"<h1>500</h1>", status=500))
        b.expect("broken_link", a.path, target)
    for n in range(b.k):  # working images and documents: not broken
        a = b._pick(("yw",))
        b.add_file(f"/images/ok/{n}.jpg", b"\xff\xd8\xff\xe0 jpeg", "image/jpeg")
        a.extra.append(f'<p><img src="/images/ok/{n}.jpg" alt="图片"></p>')
        b.decoy(a.path, "broken_link")


def redirects(b: Builder) -> None:
    for n in range(2):
        first, second = f"/go/loop-{n}-a.html", f"/go/loop-{n}-b.html"
        b.site.add(first, Resource(status=302, location=second))
        b.site.add(second, Resource(status=302, location=first))
        a = b._pick()
        a.extra.append(f'<p><a href="{first}">原链接</a></p>')
        b.expect("redirect_loop", a.path, first)
        a = b._pick()
        hops = [f"/go/hop-{n}-{i}.html" for i in range(13)]
        for here, there in itertools.pairwise(hops):
            b.site.add(here, Resource(status=301, location=there))
        a.extra.append(f'<p><a href="{hops[0]}">跳转链接</a></p>')
        b.expect("redirect_loop", a.path, hops[0])
    target = b.articles["yw"][0].path  # a short legal redirect is not a loop
    b.site.add("/go/ok-1.html", Resource(status=301, location="/go/ok-2.html"))
    b.site.add("/go/ok-2.html", Resource(status=302, location=target))
    b.decoy("/", "redirect_loop")


def slow_pages(b: Builder) -> None:
    for slug in ("yw", "zcwj"):  # among the newest, so the homepage links them
        a = next(x for x in b.articles[slug][1:5] if not x.busy)
        a.busy = True
        a.path = f"/slow/{a.column}/t{a.date:%Y%m%d}_{b.serial}.html"
        b.serial += 1
        a.delay, a.padding = b.slow_delay, 7_000  # about 7 s at nginx's limit_rate 1k
        b.expect("slow_page", a.path)


def sensitive_words(b: Builder) -> None:
    for n in range(b.k + 1):
        term = OUTDATED[n % len(OUTDATED)]
        a = b._pick(("bmdt",) if n == 0 else ())  # the first one on a GBK page
        _para(a, f"根据{term}有关规定，现将有关事项通知如下。")
        b.expect("sensitive_word", a.path, term)
    a = b._pick(("tzgg",))  # a GB2312-labelled page
    _para(a, f"{text.SUBJECTS[0]}将{CUSTOM}建设列为重点工作，朱镕基同志曾来此调研。")
    b.expect("sensitive_word", a.path, CUSTOM)


CUSTOM = "海州特区"


def wrong_names(b: Builder) -> None:
    for n in range(b.k):
        found, title = WRONG_NAMES[n % len(WRONG_NAMES)]
        a = b._pick()
        _para(a, f"{found}{title}在会上强调，要把各项工作抓实抓细。")
        b.expect("wrong_name", a.path, found)
    for _ in range(b.k):
        a = b._pick()
        _para(a, "王建国市长、李明华副市长出席会议，陈晓东秘书长主持。")
        b.decoy(a.path, "wrong_name")


def privacy(b: Builder) -> None:
    for _n in range(b.k):
        a = b._pick(("rsxx", "gsgg", "tzgg", "yw"))
        _para(a, f"拟录用人员：张某，身份证号：{text.id_number(b.rng)}，现予公示。")
        b.expect("privacy_leak", a.path, "id_card")
        a = b._pick()
        _para(a, f"联系人：李先生，联系电话：{text.mobile(b.rng)}。")
        b.expect("privacy_leak", a.path, "mobile")
    for _ in range(max(2, b.k // 2)):
        a = b._pick()
        _para(a, f"补贴资金已发放至申请人银行卡号：{text.bank_card(b.rng)}，请注意查收。")
        b.expect("privacy_leak", a.path, "bank_card")


def privacy_decoys(b: Builder) -> None:
    decoys = (
        lambda r: f"身份证号：{text.id_number(r, valid=False)}（校验位错误）",
        lambda r: f"海政发〔2026〕{r.randint(10, 99)}号文件已印发，文号：海政办发〔2026〕12号。",
        lambda r: f"业务流水号：{r.randint(10**12, 10**13 - 1)}，订单号：13857461234567。",
        lambda r: "办理时间：20261103，编号20261103000123，咨询电话：0576-88123456。",
        lambda r: "本网站标识码3307000001，备案号浙ICP备05012345号，浙公网安备33070202000123号。",
        lambda r: f"项目编号：{text.luhn_complete('6222021234567890')}，不属于个人信息。",
    )
    for make in decoys:
        for _ in range(2):
            a = b._pick()
            _para(a, make(b.rng))
            b.decoy(a.path, "privacy_leak")


def attachments(b: Builder) -> None:
    ym = lambda a: f"{a.date:%Y%m}"  # noqa: E731
    files = (
        ("pdf", PDF, lambda r: pdf_bytes([f"Name: Zhang  ID: {text.id_number(r)}"]), "id_card"),
        ("docx", DOCX, lambda r: docx_bytes([f"联系电话：{text.mobile(r)}"]), "mobile"),
        (
            "xlsx",
            XLSX,
            lambda r: xlsx_bytes([["姓名", "身份证号"], ["王某", text.id_number(r)]]),
            "id_card",
        ),
        ("pdf", PDF, lambda r: pdf_bytes(["Notice No. 2026-12, phone 0576-88123456"]), None),
        ("docx", DOCX, lambda r: docx_bytes(["海政办发〔2026〕12号 关于印发实施方案的通知"]), None),
        ("xlsx", XLSX, lambda r: xlsx_bytes([["项目", "金额"], ["道路改造", "1200000"]]), None),
        ("doc", "application/msword", lambda r: b"\xd0\xcf\x11\xe0 old word", None),
        ("zip", "application/zip", lambda r: b"PK\x05\x06" + bytes(18), None),
    )
    for ext, ctype, make, leak in files:
        a = b._pick(("zcwj", "gsgg", "tzgg", "rsxx"))
        b.serial += 1
        path = f"/{a.column}/{ym(a)}/P0{b.serial}.{ext}"
        b.add_file(path, make(b.rng), ctype)
        a.extra.append(f'<p>附件：<a href="{path}">附件{b.serial}.{ext}</a></p>')
        if leak:
            b.expect("privacy_leak", path, leak)
        else:
            b.decoy(path, "privacy_leak")
        b.decoy(a.path, "broken_link")


def time_travel(b: Builder) -> None:
    for n, slug in enumerate(("tzgg", "yw", "zcwj")):
        day = b.today + datetime.timedelta(days=30 + n)
        a = b._article(slug, "notice", day, "utf-8")
        a.busy = True
        b.articles[slug].insert(0, a)
        b.expect("time_travel", a.path)
    if b.stale_home:
        return
    a = b._article("yw", "dynamic", b.today, "utf-8")  # today is not the future
    a.busy = True
    b.articles["yw"].insert(0, a)
    b.decoy(a.path, "time_travel")


def missing_identity(b: Builder) -> None:
    cases = (
        [{"ArticleTitle"}, set()],
        [{"ArticleTitle", "PubDate"}, set()],
        [set(), {"ICP备案号"}],
        [{"SiteName"}, {"公安机关备案号", "主办单位"}],
    )
    for meta, footer in cases * max(1, b.k // 3):
        a = b._pick()
        a.drop_meta, a.drop_footer = frozenset(meta), frozenset(footer)
        b.expect("missing_identity", a.path, [*footer, *meta])


def plant_traps(b: Builder) -> None:
    """Calendar (prev/next month for ever), session ids (jsessionid and an unnamed token),
    and ever-deepening relative paths. Static pages, so nginx serves them too."""
    for year in range(1990, 2046):
        for month in range(1, 13):
            prev_ = (year, month - 1) if month > 1 else (year - 1, 12)
            next_ = (year, month + 1) if month < 12 else (year + 1, 1)
            main = (
                f"<h2>活动日历 {year}年{month}月</h2><p>本月暂无活动安排。</p>"
                f'<a href="/calendar/{prev_[0]}/{prev_[1]:02d}/">上个月</a>'
                f'<a href="/calendar/{next_[0]}/{next_[1]:02d}/">下个月</a>'
            )
            b._html(f"/calendar/{year}/{month:02d}/", Frame("活动日历", main))
    b.expect("crawl_trap", "/", "/calendar/")
    main = '<h2>专题专栏</h2><p>更多专题请见下级页面。</p><a href="more/">更多专题</a>'
    b._html("/zt/", Frame("专题专栏", main))
    b.site.prefix_routes["/zt/"] = "/zt/"
    b.expect("crawl_trap", "/", "/zt/")
    b._html("/bszn/index.html", Frame("办事指南", "<h2>办事指南</h2><p>请选择办理事项。</p>"))
    b.expect("crawl_trap", "/", "/bszn/index.html")
    b._html("/hd/list.html", Frame("互动交流", "<h2>互动交流</h2><p>欢迎留言。</p>"))
    for a in (x for items in b.articles.values() for x in items[:2]):
        token = f"{zlib.crc32(a.path.encode()) * 104729:020d}a"
        a.extra.append(f'<p><a href="/hd/list.html?s={token}">互动</a></p>')
    b.expect("crawl_trap", "/", "/hd/list.html")
