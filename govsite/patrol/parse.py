"""Read one HTML page: links with their resource kind, meta tags, the template's chrome
(header, navigation, footer) apart from the main text, and the list items of a list page.

Hostile input (100,000-deep nesting) is quadratic for HTML parsers, so a page that opens far
more tags than it closes is read by a linear regex fallback instead.
"""

from __future__ import annotations

import html as htmllib
import re
from dataclasses import dataclass, field

from selectolax.lexbor import LexborHTMLParser, LexborNode

CHROME = (
    "header, nav, footer, [class*=nav], [id*=nav], [class*=menu], [id*=menu], [class*=header], "
    "[id*=header], [class*=footer], [id*=footer], [class*=foot], [id*=foot], [class*=bottom], "
    "[id*=bottom], [class*=copyright]"
)
NAVISH = re.compile(r"nav|menu|header|daohang|lanmu", re.IGNORECASE)
LINKS = "a[href], area[href], iframe[src], frame[src], img[src], script[src], link[href]"
TAG_NAMES = {
    n.lower(): n
    for n in (
        "SiteName",
        "SiteDomain",
        "SiteIDCode",
        "ColumnName",
        "ColumnDescription",
        "ColumnKeywords",
        "ColumnType",
        "ArticleTitle",
        "PubDate",
        "ContentSource",
        "Keywords",
        "Author",
        "Description",
        "Image",
        "Url",
    )
}
MAX_UNCLOSED = 5000
NOT_CHROME = frozenset(
    {"html", "head", "body", "script", "style", "noscript", "template", "link", "meta", "title"}
)
_HREF = re.compile(rb"""(?:href|src)\s*=\s*["']?([^"'\s>]{1,2048})""", re.IGNORECASE)
_TAGS = re.compile(r"<[^<>]{0,2048}>")
_SPACES = re.compile(r"[ \t\r\f\v]+")


@dataclass
class Link:
    href: str
    kind: str  # page, image, script, style (attachment and external are decided later)
    chrome: bool = False
    text: str = ""


@dataclass
class Entry:
    href: str
    title: str
    text: str


@dataclass
class Page:
    title: str = ""
    meta: dict[str, str] = field(default_factory=dict)
    links: list[Link] = field(default_factory=list)
    main_text: str = ""
    chrome_text: str = ""
    footer_text: str = ""
    nav: list[Link] = field(default_factory=list)
    entries: list[Entry] = field(default_factory=list)
    malformed: bool = False


def parse(text: str, raw: bytes | None = None) -> Page:
    if raw is not None and _unclosed(raw) > MAX_UNCLOSED:
        return _fallback(text)
    tree = LexborHTMLParser(text)
    page = Page()
    page.meta = _meta(tree)
    title = tree.css_first("title")
    page.title = _clean(title.text()) if title else ""
    chrome = _top_level([n for n in tree.css(CHROME) if n.tag not in NOT_CHROME])
    chrome_hrefs: set[str] = set()
    navish = [NAVISH.search(_label(node)) is not None for node in chrome]
    for node, is_nav in zip(chrome, navish, strict=True):
        for a in node.css("a[href]"):
            href = a.attributes.get("href") or ""
            chrome_hrefs.add(href)
            if is_nav:
                page.nav.append(Link(href, "page", True, _clean(a.text())))
    head = tree.head
    if head is not None:
        chrome_hrefs.update(
            n.attributes.get("href") or n.attributes.get("src") or "" for n in head.css(LINKS)
        )
    page.links = _links(tree, chrome_hrefs)
    tree.strip_tags(["script", "style", "noscript", "template"])
    chrome_texts, footer_texts = [], []
    for node in chrome:
        node_text = node.text(separator="\n")
        chrome_texts.append(node_text)
        if _is_footer(node):
            footer_texts.append(node_text)
    page.chrome_text = "\n".join(chrome_texts)
    page.footer_text = "\n".join(footer_texts) or (page.chrome_text[-2000:])
    for node in chrome:
        node.decompose()
    body = tree.body
    page.main_text = _clean_lines(body.text(separator="\n")) if body else ""
    page.entries = _entries(tree)
    return page


def _unclosed(raw: bytes) -> int:
    closes = raw.count(b"</")
    return raw.count(b"<") - 2 * closes


def _meta(tree: LexborHTMLParser) -> dict[str, str]:
    """Meta tags by name; the 网页标签 names are matched whatever their case (sitename)."""
    out = {}
    for node in tree.css("meta[name]"):
        name = (node.attributes.get("name") or "").strip()
        name = TAG_NAMES.get(name.lower(), name)
        if name and name not in out:
            out[name] = (node.attributes.get("content") or "").strip()
    return out


def _label(node: LexborNode) -> str:
    attrs = node.attributes
    return f"{node.tag} {attrs.get('class') or ''} {attrs.get('id') or ''}"


def _is_footer(node: LexborNode) -> bool:
    return re.search(r"foot|bottom|copyright", _label(node), re.IGNORECASE) is not None


def _top_level(nodes: list[LexborNode]) -> list[LexborNode]:
    ids = {n.mem_id for n in nodes}
    top = []
    for node in nodes:
        parent = node.parent
        while parent is not None and parent.mem_id not in ids:
            parent = parent.parent
        if parent is None:
            top.append(node)
    return top


def _links(tree: LexborHTMLParser, chrome_hrefs: set[str]) -> list[Link]:
    out = []
    for node in tree.css(LINKS):
        tag = node.tag
        attrs = node.attributes
        if tag == "link":
            rel = (attrs.get("rel") or "").lower()
            kind = "style" if "stylesheet" in rel else "image" if "icon" in rel else ""
            href = attrs.get("href")
        elif tag in ("img", "script"):
            kind = "image" if tag == "img" else "script"
            href = attrs.get("src")
        else:
            kind = "page"
            href = attrs.get("href") if tag in ("a", "area") else attrs.get("src")
        if kind and href:
            text = _clean(node.text()) if tag == "a" else ""
            out.append(Link(href, kind, href in chrome_hrefs, text))
    return out


def _entries(tree: LexborHTMLParser) -> list[Entry]:
    out = []
    for item in tree.css("li, tr"):
        a = item.css_first("a[href]")
        if a is None:
            continue
        title = _clean(a.attributes.get("title") or a.text())
        out.append(Entry(a.attributes.get("href") or "", title, _clean(item.text(separator=" "))))
    return out


def _fallback(text: str) -> Page:
    raw = text.encode("utf-8", "replace")
    links = [Link(m.group(1).decode("utf-8", "replace"), "page") for m in _HREF.finditer(raw)]
    plain = _clean_lines(htmllib.unescape(_TAGS.sub("\n", text)))
    return Page(links=links, main_text=plain, malformed=True)


def _clean(text: str) -> str:
    return " ".join(text.split())


def _clean_lines(text: str) -> str:
    lines = (_SPACES.sub(" ", line).strip() for line in text.splitlines())
    return "\n".join(line for line in lines if line)
