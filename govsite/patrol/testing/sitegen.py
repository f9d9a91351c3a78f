"""Generate a realistic 政府门户网站 with every kind of findings.md planted, decoys that must
not be reported, and the ground truth. Everything is static, so nginx can serve the same site
(bench/patrol) that the tests serve from memory.

``generate(pages=600, seed=1)`` -> GeneratedSite; ``write(site, folder)`` for nginx.
"""

from __future__ import annotations

import datetime
import html
import random
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from . import content as text
from .model import Expect, GeneratedSite, Resource
from .template import SITE_NAME, Frame, render

TODAY = datetime.date(2026, 11, 21)
PER_PAGE = 20
OLDEST = datetime.date(2001, 1, 1)
OFFICIALS = (("王建国", "市长"), ("李明华", "副市长"), ("陈晓东", "秘书长"))
CUSTOM_TERM = "海州特区"  # in the --lexicon file of the tests

# slug, name, kind, parent, newest entry age in days (None = blank), weight, encoding
COLUMNS = (
    ("yw", "政务要闻", "dynamic", None, 1, 4, "utf-8"),
    ("tzgg", "通知公告", "notice", None, 5, 2, "gb2312"),
    ("zcwj", "政策文件", "policy", None, 30, 2, "utf-8"),
    ("zcjd", "政策解读", "interpretation", None, 400, 1, "utf-8"),
    ("rsxx", "人事信息", "personnel", None, 400, 1, "utf-8"),
    ("ghjh", "规划计划", "planning", None, 100, 1, "utf-8"),
    ("bmdt", "部门动态", "dynamic", "zwgk", 3, 3, "gbk"),
    ("qxdt", "区县动态", "dynamic", "zwgk", 20, 2, "utf-8"),
    ("gsgg", "公示公告", "notice", "zwgk", 200, 1, "utf-8"),
    ("gfxwj", "规范性文件", "policy", "zwgk", 183, 1, "utf-8"),
    ("gzjz", "工作进展", "dynamic", "zwgk", 14, 1, "utf-8"),
    ("tjsj", "统计数据", "other", "zwgk", 500, 1, "utf-8"),
    ("xzdt", "乡镇动态", "dynamic", "zwgk", None, 0, "utf-8"),
    ("ndbg", "年度报告", "other", "zwgk", None, 0, "utf-8"),
    ("zxft", "在线访谈", "other", None, None, 0, "utf-8"),
)
STALE = {"rsxx", "qxdt", "gsgg"}
SPACING = {
    "dynamic": 2,
    "notice": 9,
    "policy": 15,
    "interpretation": 20,
    "personnel": 30,
    "planning": 40,
    "other": 30,
}


@dataclass
class Article:
    path: str
    column: str
    title: str
    date: datetime.date
    encoding: str
    paras: list[str]
    extra: list[str] = field(default_factory=list)
    drop_meta: frozenset[str] = frozenset()
    drop_footer: frozenset[str] = frozenset()
    delay: float = 0.0
    padding: int = 0
    busy: bool = False  # already carries a planted defect or decoy


class Builder:
    def __init__(
        self, pages: int, seed: int, today: datetime.date, stale_home: bool, slow_delay: float
    ):
        self.rng = random.Random(seed)  # noqa: S311  (reproducible test data)
        self.today, self.stale_home, self.slow_delay = today, stale_home, slow_delay
        self.site = GeneratedSite(today=today)
        self.site.names = "".join(f"{n}\t{t}\n" for n, t in OFFICIALS)
        self.site.lexicon = f"{CUSTOM_TERM}\t错误表述\t海州市\n"
        self.articles: dict[str, list[Article]] = {c[0]: [] for c in COLUMNS}
        self.budget = max(250, int(pages * 0.88))  # room for every planted defect
        self.serial = 1000
        self.k = max(3, pages // 150)
        self.nav = (
            [("/", "首页"), ("/zwgk/", "政务公开")]
            + [(f"/{c[0]}/", c[1]) for c in COLUMNS if c[3] is None]
            + [("/jggk/", "机构概况")]
        )

    # -- structure -------------------------------------------------------------------------
    def build(self) -> GeneratedSite:
        self._articles()
        self._defects()
        for slug, *_ in COLUMNS:
            self._column(slug)
        self._statics()
        self._home()
        self._traps()
        for items in self.articles.values():
            for idx, article in enumerate(items):
                self._render_article(article, idx)
        self.site.html_pages = sum(
            1 for r in self.site.resources.values() if r.content_type.startswith("text/html")
        )
        return self.site

    def _articles(self) -> None:
        weights = sum(c[5] for c in COLUMNS)
        shift = 30 if self.stale_home else 0
        for slug, _name, kind, _parent, age, weight, encoding in COLUMNS:
            if age is None:
                continue
            count = max(3, self.budget * weight // weights)
            span = (self.today - OLDEST).days - age - shift  # big sites: several a day
            step = min(SPACING[kind], span / count)
            for i in range(count):
                day = self.today - datetime.timedelta(days=age + shift + int(i * step))
                self.articles[slug].append(self._article(slug, kind, day, encoding))

    def _article(self, slug: str, kind: str, day: datetime.date, encoding: str) -> Article:
        self.serial += 1
        path = f"/{slug}/{day:%Y%m}/t{day:%Y%m%d}_{self.serial}.html"
        return Article(
            path, slug, text.title(self.rng, kind), day, encoding, text.paragraphs(self.rng)
        )

    def _pick(self, columns: tuple[str, ...] = ()) -> Article:
        """An ordinary article (not the newest of its column) with nothing planted yet."""
        pool = [
            a
            for slug, items in self.articles.items()
            if not columns or slug in columns
            for a in items[1:]
            if not a.busy
        ]
        article = self.rng.choice(pool)
        article.busy = True
        return article

    # -- defects and decoys ----------------------------------------------------------------
    def _defects(self) -> None:
        from .plant import plant_all

        plant_all(self)

    def expect(self, kind: str, path: str, key: object = None) -> None:
        self.site.truth.append(Expect(kind, path, key))

    def decoy(self, path: str, kind: str) -> None:
        self.site.decoys.append((path, kind))

    def add_file(self, path: str, body: bytes, ctype: str) -> None:
        self.site.add(path, Resource(body, content_type=ctype))

    # -- pages -----------------------------------------------------------------------------
    def _column(self, slug: str) -> None:
        _s, name, _kind, parent, age, _w, encoding = next(c for c in COLUMNS if c[0] == slug)
        items = sorted(self.articles[slug], key=lambda a: a.date, reverse=True)
        pages = max(1, -(-len(items) // PER_PAGE))
        for n in range(pages):
            chunk = items[n * PER_PAGE : (n + 1) * PER_PAGE]
            lis = "".join(
                f'<li><a href="{a.path}" title="{html.escape(a.title)}">{html.escape(a.title)}'
                f"</a><span>{a.date:%Y-%m-%d}</span></li>"
                for a in chunk
            )
            body = (
                f'<ul class="list">{lis}</ul>' if lis else '<ul class="list"></ul><p>暂无信息</p>'
            )
            main = f"{_crumb(name, parent)}<h2>{name}</h2>{body}{_pager(slug, n, pages)}"
            frame = Frame(
                name, main, {"ColumnName": name}, encoding=encoding, subnav=self._subnav(parent)
            )
            if slug == "ghjh" and n == 0:
                frame.drop_meta = frozenset({"SiteIDCode"})
                self.expect("missing_identity", f"/{slug}/", ["SiteIDCode"])
            path = f"/{slug}/" if n == 0 else f"/{slug}/index_{n}.html"
            self._html(path, frame)
        if age is None:
            self.expect("blank_column", f"/{slug}/")
        elif slug in STALE:
            self.expect("stale_column", f"/{slug}/")
        else:
            self.decoy(f"/{slug}/", "stale_column")
            self.decoy(f"/{slug}/", "blank_column")
        if pages > 1:
            self.decoy(f"/{slug}/index_1.html", "stale_column")

    def _subnav(self, parent: str | None) -> str:
        if parent != "zwgk":
            return ""
        links = "".join(f'<li><a href="/{c[0]}/">{c[1]}</a></li>' for c in COLUMNS if c[3])
        return f'<div class="subnav"><ul>{links}</ul></div>'

    def _statics(self) -> None:
        lis = "".join(f'<li><a href="/{c[0]}/">{c[1]}</a></li>' for c in COLUMNS if c[3])
        self._html(
            "/zwgk/",
            Frame(
                "政务公开",
                f'{_crumb("政务公开", None)}<h2>政务公开</h2><ul class="catalog">{lis}</ul>',
                {"ColumnName": "政务公开"},
            ),
        )
        intro = "".join(f"<p>{p}</p>" for p in text.paragraphs(self.rng, 4))
        self._html(
            "/jggk/",
            Frame(
                "机构概况",
                f"{_crumb('机构概况', None)}<h2>机构概况</h2>{intro}",
                {"ColumnName": "机构概况"},
            ),
        )
        for path in ("/zwgk/", "/jggk/"):
            self.decoy(path, "blank_column")
            self.decoy(path, "stale_column")
        self.add_file("/css/style.css", b"body{font-family:sans-serif}", "text/css")
        self.add_file("/js/common.js", b"window.gov=1;", "application/javascript")
        self.add_file("/images/logo.png", b"\x89PNG\r\n\x1a\n", "image/png")
        self.add_file("/favicon.ico", b"\x00\x00\x01\x00", "image/x-icon")

    def _home(self) -> None:
        blocks = []
        for slug in ("yw", "tzgg", "zcwj", "bmdt"):
            name = next(c[1] for c in COLUMNS if c[0] == slug)
            items = sorted(self.articles[slug], key=lambda a: a.date, reverse=True)[:6]
            lis = "".join(
                f'<li><a href="{a.path}">{html.escape(a.title)}</a>'
                f"<span>{a.date:%m-%d}</span><em>{a.date:%Y-%m-%d}</em></li>"
                for a in items
            )
            blocks.append(
                f'<div class="block"><h3>{name}<a href="/{slug}/">更多&gt;&gt;</a></h3>'
                f"<ul>{lis}</ul></div>"
            )
        blocks.append(
            '<div class="links"><a href="/calendar/2026/11/">活动日历</a>'
            '<a href="/zt/">专题专栏</a><a href="/go/ok-1.html">网上办事</a></div>'
        )
        self._html("/", Frame(SITE_NAME, "".join(blocks)))
        if self.stale_home:
            self.expect("homepage_stale", "/")
        else:
            self.decoy("/", "homepage_stale")

    def _traps(self) -> None:
        from .plant import plant_traps

        plant_traps(self)

    def _render_article(self, a: Article, idx: int) -> None:
        column = next(c for c in COLUMNS if c[0] == a.column)
        neighbours = self.articles[a.column]
        links = []
        for label, other in (("上一篇", idx - 1), ("下一篇", idx + 1)):
            if 0 <= other < len(neighbours):
                n = neighbours[other]
                links.append(f'<p>{label}：<a href="{n.path}">{html.escape(n.title)}</a></p>')
        token = zlib.crc32(a.path.encode()) * 7919
        service = f'<p><a href="/bszn/index.html;jsessionid={token:012X}">办事指南</a></p>'
        body = "".join(f"<p>{html.escape(p)}</p>" for p in a.paras) + "".join(a.extra)
        source = self.rng.choice(text.SOURCES)
        main = (
            f"{_crumb(column[1], column[3])}<h1>{html.escape(a.title)}</h1>"
            f'<div class="info">发布时间：{a.date:%Y-%m-%d}　来源：{source}</div>'
            f'<div class="content">{body}</div>{service}'
            f'<div class="pagelink">{"".join(links)}</div>'
        )
        meta = {
            "ColumnName": column[1],
            "ArticleTitle": a.title,
            "PubDate": f"{a.date:%Y-%m-%d} 09:30",
        }
        frame = Frame(
            a.title, main, meta, a.drop_meta, a.drop_footer, a.encoding, padding=a.padding
        )
        self._html(a.path, frame, delay=a.delay)

    def _html(self, path: str, frame: Frame, delay: float = 0.0) -> None:
        label = {"utf-8": "utf-8", "gbk": "", "gb2312": "gb2312"}[frame.encoding]
        ctype = "text/html" + (f"; charset={label}" if label else "")
        self.site.add(path, Resource(render(frame, self.nav), content_type=ctype, delay=delay))


def _crumb(name: str, parent: str | None) -> str:
    mid = '<a href="/zwgk/">政务公开</a> &gt; ' if parent else ""
    return f'<div class="crumb">当前位置：<a href="/">首页</a> &gt; {mid}{name}</div>'


def _pager(slug: str, n: int, pages: int) -> str:
    if pages == 1:
        return ""

    def href(i: int) -> str:
        return f"/{slug}/" if i == 0 else f"/{slug}/index_{i}.html"

    parts = [f'<a href="{href(0)}">首页</a>']
    if n > 0:
        parts.append(f'<a href="{href(n - 1)}">上一页</a>')
    if n + 1 < pages:
        parts.append(f'<a href="{href(n + 1)}">下一页</a>')
    parts.append(f'<a href="{href(pages - 1)}">尾页</a>')
    return f'<div class="page">{"".join(parts)}</div>'


def generate(
    pages: int = 600,
    seed: int = 1,
    today: datetime.date = TODAY,
    stale_home: bool = False,
    slow_delay: float = 3.0,
) -> GeneratedSite:
    return Builder(pages, seed, today, stale_home, slow_delay).build()


def write(site: GeneratedSite, folder: Path) -> None:
    """Write the site as files for nginx: a path ending in / becomes index.html."""
    for path, res in site.resources.items():
        if res.status != 200 or res.location:
            continue
        target = folder / (path.lstrip("/") + ("index.html" if path.endswith("/") else ""))
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(res.body)
