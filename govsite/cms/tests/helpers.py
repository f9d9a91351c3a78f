"""Small readers of rendered public pages."""

from html.parser import HTMLParser


class _MetaReader(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: dict[str, str] = {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and "name" in attrs:
            self.tags[attrs["name"]] = attrs.get("content") or ""


def meta_tags(html: str) -> dict[str, str]:
    reader = _MetaReader()
    reader.feed(html)
    return reader.tags


def relative_url(page) -> str:
    """The page's path inside its own site (what a visitor of that host requests)."""
    _site_id, _root, path = page.get_url_parts()
    return path
