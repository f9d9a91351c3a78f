"""A tiny government site served over real HTTP on 127.0.0.1, the cast's clients, and a
helper that stores synthetic patrol documents through the service."""

import datetime

import pytest
from aiohttp import web

from govsite.monitoring import services
from govsite.patrol.testing.server import serve
from govsite.sites import services as site_services

TODAY = datetime.date(2026, 11, 21)
FOOTER = (
    '<div class="footer">主办单位：浙江省财政厅 网站标识码：3300000003 '
    "浙ICP备05070218号 浙公网安备33010602000001号</div>"
)


def page(title: str, body: str) -> str:
    return (
        f'<html><head><meta charset="utf-8"><title>{title}</title>'
        '<meta name="SiteName" content="浙江省财政厅网站"><meta name="SiteDomain" '
        'content="czt.zj.gov.cn"><meta name="SiteIDCode" content="3300000003"></head><body>'
        '<div class="nav"><a href="/">首页</a><a href="/news/">工作动态</a></div>'
        f"{body}{FOOTER}</body></html>"
    )


def article(title: str, text: str) -> str:
    return page(title, f"<h1>{title}</h1><p>发布时间：2026-11-18</p><p>{text}</p>")


ENTRIES = (
    '<ul><li><a href="/news/a1.html">财政工作会议召开</a><span>2026-11-18</span></li>'
    '<li><a href="/news/a2.html">资金拨付名单公示</a><span>2026-11-17</span></li></ul>'
)


class TinySite:
    """Pages by path, changeable between patrols; every request is counted."""

    def __init__(self):
        self.base = ""
        self.hits = 0
        self.pages = {
            "/": page("首页", ENTRIES + '<a href="/missing.html">办事指南</a>'),
            "/news/": page("工作动态", ENTRIES),
            "/news/a1.html": article("财政工作会议召开", "会议传达了国家工商总局有关文件精神。"),
            "/news/a2.html": article(
                "资金拨付名单公示", "请向环境保护部报送。联系人电话13812345678，请核对。"
            ),
        }

    @property
    def url(self) -> str:
        return self.base + "/"

    def app(self) -> web.Application:
        async def handle(request):
            self.hits += 1
            body = self.pages.get(request.path)
            if body is None:
                return web.Response(status=404, text="<h1>404</h1>", content_type="text/html")
            return web.Response(text=body, content_type="text/html")

        app = web.Application()
        app.router.add_route("*", "/{tail:.*}", handle)
        return app


@pytest.fixture
def tiny_site():
    site = TinySite()
    with serve(site.app()) as base:
        site.base = base
        yield site


@pytest.fixture
def watched(sites, tiny_site, settings):
    """The finance department's site, registered at the tiny site's address."""
    settings.MONITORING_PATROL_CONCURRENCY = 2
    return site_services.update_site(sites["fin"], actor=None, home_url=tiny_site.url)


def document(site_url: str, findings: list[dict], started="2026-11-21T08:00:00+08:00") -> dict:
    """A findings.md document as the engine writes it."""
    return {
        "site": site_url,
        "today": "2026-11-21",
        "started": started,
        "finished": started,
        "stats": {"pages": 10, "requests": 12, "bytes": 1000, "seconds": 1.0, "errors": 0},
        "findings": findings,
    }


def broken(site_url: str, n: int) -> dict:
    return {
        "kind": "broken_link",
        "url": f"{site_url}news/",
        "target": f"{site_url}gone-{n}.html",
        "detail": {"status": 404, "error": None, "resource": "page"},
    }


def word(site_url: str, term: str, path: str = "news/a1.html") -> dict:
    return {
        "kind": "sensitive_word",
        "url": f"{site_url}{path}",
        "detail": {"term": term, "category": "过时机构名称", "suggestion": "", "context": term},
    }


@pytest.fixture
def store():
    """``store(site, [finding dicts], started=…)``: record a synthetic patrol run."""

    def make(site, findings, **kw):
        return services.record_patrol_run(site, document(site.url, findings, **kw), actor=None)

    return make
