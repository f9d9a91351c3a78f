"""The page template of the generated site: header, navigation, footer with identity block."""

from __future__ import annotations

import html
from dataclasses import dataclass, field

SITE_NAME = "海州市人民政府"
DOMAIN = "www.haizhou.gov.cn"
SITE_CODE = "3307000001"
ICP = "浙ICP备05012345号-1"
POLICE = "浙公网安备 33070202000123号"
SPONSOR = "海州市人民政府办公室"


@dataclass
class Frame:
    """What differs between pages: meta tags, dropped identity items, encoding."""

    title: str
    main: str
    meta: dict[str, str] = field(default_factory=dict)
    drop_meta: frozenset[str] = frozenset()
    drop_footer: frozenset[str] = frozenset()
    encoding: str = "utf-8"
    subnav: str = ""
    padding: int = 0


def nav_html(nav: list[tuple[str, str]]) -> str:
    items = "".join(f'<li><a href="{href}">{html.escape(name)}</a></li>' for href, name in nav)
    return f'<div class="nav"><ul>{items}</ul></div>'


def footer_html(drop: frozenset[str]) -> str:
    parts = []
    if "主办单位" not in drop:
        parts.append(f"<p>主办单位：{SPONSOR}　承办：海州市大数据发展管理局</p>")
    line = []
    if "网站标识码" not in drop:
        line.append(f"网站标识码：{SITE_CODE}")
    if "ICP备案号" not in drop:
        line.append(f'<a href="https://beian.miit.gov.cn/">{ICP}</a>')
    if "公安机关备案号" not in drop:
        line.append(f"<span>{POLICE}</span>")
    parts.append(f"<p>{'　'.join(line)}</p>")
    parts.append("<p>地址：海州市人民路1号　邮编：317000　联系电话：0576-88512345</p>")
    return f'<div class="footer">{"".join(parts)}</div>'


def render(frame: Frame, nav: list[tuple[str, str]]) -> bytes:
    meta = {"SiteName": SITE_NAME, "SiteDomain": DOMAIN, "SiteIDCode": SITE_CODE, **frame.meta}
    tags = "".join(
        f'<meta name="{k}" content="{html.escape(v)}">'
        for k, v in meta.items()
        if k not in frame.drop_meta
    )
    label = {"utf-8": "utf-8", "gbk": "gbk", "gb2312": "gb2312"}[frame.encoding]
    pad = f"<!-- {'x' * frame.padding} -->" if frame.padding else ""
    page = (
        f'<!DOCTYPE html><html lang="zh-CN"><head><meta charset="{label}">'
        f"<title>{html.escape(frame.title)}_{SITE_NAME}</title>{tags}"
        '<link rel="stylesheet" href="/css/style.css"><link rel="icon" href="/favicon.ico">'
        '<script src="/js/common.js"></script></head><body>'
        f'<div class="header"><a href="/"><img src="/images/logo.png" alt="{SITE_NAME}"></a>'
        f"<h1>{SITE_NAME}</h1></div>{nav_html(nav)}"
        f'<div class="container">{frame.subnav}<div class="main">{frame.main}</div></div>'
        f"{footer_html(frame.drop_footer)}{pad}</body></html>"
    )
    codec = "gb18030" if frame.encoding != "utf-8" else "utf-8"
    return page.encode(codec)
