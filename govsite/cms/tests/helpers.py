"""Small readers of rendered public pages, and the admin form data of a column page."""

from html.parser import HTMLParser

from wagtail.test.utils.form_data import nested_form_data


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


def column_page_form(title: str, slug: str, action: str = "action-publish") -> dict:
    """POST data of the Wagtail admin's column page form; ``action`` is the button pressed."""
    data = nested_form_data(
        {
            "title": title,
            "slug": slug,
            "intro": "",
            "keywords": "",
            "seo_title": "",
            "search_description": "",
        }
    )
    data.update(
        {
            "comments-TOTAL_FORMS": 0,
            "comments-INITIAL_FORMS": 0,
            "comments-MIN_NUM_FORMS": 0,
            "comments-MAX_NUM_FORMS": 1000,
            action: "1",
        }
    )
    return data
