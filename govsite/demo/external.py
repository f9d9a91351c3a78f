"""Serve the demo's external sites (watched over HTTP, not hosted) on 127.0.0.1.

Pages are generated on request from the same templates as the hosted demo content, with a few
planted problems: one site is GBK-encoded, one homepage links to a missing page, one column is
stale, one footer lacks its ICP number.
"""

import datetime
import html
import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from .content import Writer
from .plan import COLUMNS, PROVINCE, walk


@dataclass(frozen=True)
class ExternalSite:
    name: str
    sponsor: str
    domain: str
    port: int
    site_code: str
    topics: str
    encoding: str = "utf-8"
    stale_days: int = 0
    broken_link: bool = False
    missing_icp: bool = False


def external_sites(site_codes: dict[str, str] | None = None) -> list[ExternalSite]:
    site_codes = site_codes or {}
    found = []
    for plan, _parent in walk(PROVINCE):
        sp = plan.site
        if sp is None or sp.external_port is None:
            continue
        port = sp.external_port
        found.append(
            ExternalSite(
                name=sp.name,
                sponsor=plan.name,
                domain=sp.domain,
                port=port,
                site_code=site_codes.get(sp.domain, plan.region + "9999"),
                topics=sp.topics,
                encoding="gbk" if port == 8102 else "utf-8",
                stale_days=60 if port == 8104 else 0,
                broken_link=port == 8103,
                missing_icp=port == 8105,
            )
        )
    return found


class _Content:
    def __init__(self, site: ExternalSite, today: datetime.date):
        self.site, self.today = site, today
        self.columns = {
            slug: (name, kind, self._items(slug, kind, count * 2))
            for slug, name, kind, count in COLUMNS
            if kind != "service"
        }

    def _items(self, slug, kind, count):
        writer = Writer(
            f"external/{self.site.domain}/{slug}",
            place=self.site.sponsor,
            dept=self.site.sponsor,
            topics_key=self.site.topics,
            leader="",
        )
        spacing = {"dynamic": 4, "notice": 25}.get(kind, 40)
        out = []
        for i in range(count):
            day = self.today - datetime.timedelta(days=2 + self.site.stale_days + i * spacing)
            out.append(
                (f"{slug}/{day:%Y%m}/t{day:%Y%m%d}_{i + 1}.html", day, writer.draft(kind, day.year))
            )
        return out


def _page(site: ExternalSite, title: str, body: str, meta: dict[str, str]) -> str:
    metas = "".join(f'<meta name="{k}" content="{html.escape(v)}">' for k, v in meta.items())
    icp = "" if site.missing_icp else f"<span>浙ICP备{site.port * 1000 + 17}号</span>"
    return (
        f'<!doctype html><html lang="zh-CN"><head><meta charset="{site.encoding}">'
        f"<title>{html.escape(title)}</title>"
        f'<meta name="SiteName" content="{site.name}"><meta name="SiteDomain" content="{site.domain}">'
        f'<meta name="SiteIDCode" content="{site.site_code}">{metas}</head><body>'
        f'<header><h1><a href="/">{site.name}</a></h1></header><main>{body}</main>'
        f"<footer><p>主办单位：{site.sponsor}</p><p>网站标识码：{site.site_code} {icp} "
        f"<span>浙公网安备330{site.port:04d}0200001号</span></p></footer></body></html>"
    )


def render(site: ExternalSite, content: _Content, path: str) -> tuple[int, str]:
    path = path.split("?", 1)[0].lstrip("/")
    if path in ("", "index.html"):
        return 200, _home(site, content)
    slug = path.split("/", 1)[0]
    if slug in content.columns and path.rstrip("/") == slug:
        return 200, _column(site, content, slug)
    for name, _kind, items in content.columns.values():
        for href, day, draft in items:
            if href == path:
                paras = "".join(f"<p>{html.escape(p)}</p>" for p in draft.paragraphs)
                body = (
                    f"<h2>{html.escape(draft.title)}</h2><p class='meta'>发布时间：{day:%Y-%m-%d}"
                    f" 来源：{html.escape(draft.source)}</p>{paras}"
                )
                meta = {
                    "ColumnName": name,
                    "ArticleTitle": draft.title,
                    "PubDate": f"{day:%Y-%m-%d} 09:30",
                    "ContentSource": draft.source,
                }
                return 200, _page(site, draft.title, body, meta)
    return 404, _page(site, "页面不存在", "<p>您访问的页面不存在。</p>", {})


def _home(site, content):
    blocks = []
    for slug, (name, _kind, items) in content.columns.items():
        lis = "".join(
            f'<li><a href="/{href}">{html.escape(d.title)}</a><span>{day:%Y-%m-%d}</span></li>'
            for href, day, d in items[:5]
        )
        blocks.append(f'<section><h2><a href="/{slug}/">{name}</a></h2><ul>{lis}</ul></section>')
    if site.broken_link:
        blocks.append('<p><a href="/zwgk/old-index.html">政务公开（旧版）</a></p>')
    return _page(site, site.name, "".join(blocks), {})


def _column(site, content, slug):
    name, _kind, items = content.columns[slug]
    lis = "".join(
        f'<li><a href="/{href}">{html.escape(d.title)}</a><span>{day:%Y-%m-%d}</span></li>'
        for href, day, d in items
    )
    return _page(site, name, f"<h2>{name}</h2><ul>{lis}</ul>", {"ColumnName": name})


def make_server(
    site: ExternalSite, today: datetime.date, host: str = "127.0.0.1"
) -> ThreadingHTTPServer:
    content = _Content(site, today)

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            status, text = render(site, content, self.path)
            data = text.encode(site.encoding)
            self.send_response(status)
            self.send_header("Content-Type", f"text/html; charset={site.encoding}")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args):
            pass

    return ThreadingHTTPServer((host, site.port), Handler)


def serve_all(
    today: datetime.date, site_codes: dict[str, str] | None = None
) -> list[ThreadingHTTPServer]:
    servers = []
    for site in external_sites(site_codes):
        try:
            servers.append(make_server(site, today))
        except OSError:  # the port is taken, most likely by a demo already serving it
            continue
    for server in servers:
        threading.Thread(target=server.serve_forever, daemon=True).start()
    return servers


def external_site_codes() -> dict[str, str]:
    """The registered site code of every external demo site, by domain."""
    from govsite.sites.models import Site

    return dict(Site.objects.filter(on_platform=False).values_list("domain", "site_code"))
