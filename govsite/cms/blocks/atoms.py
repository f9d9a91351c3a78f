"""The small blocks an article body is made of."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

PARAGRAPH_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", PARAGRAPH_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Paragraph")
        template = "cms/blocks/paragraph.html"


class HeadingBlock(blocks.CharBlock):
    class Meta:
        icon = "title"
        label = _("Heading")
        template = "cms/blocks/heading.html"


class ImageBlock(blocks.StructBlock):
    """An image with the alternative text screen readers need, and an optional caption."""

    image = ImageChooserBlock(label=_("Image"))
    alt = blocks.CharBlock(label=_("Alternative text"), max_length=200)
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=200)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "cms/blocks/image.html"


class TableBlock(blocks.StructBlock):
    """A plain data table typed (or pasted from a spreadsheet) as lines of cells.

    Cells are separated by a tab or by ``|``; the first line is the header row.
    """

    caption = blocks.CharBlock(label=_("Table caption"), required=False, max_length=200)
    data = blocks.TextBlock(
        label=_("Rows"),
        help_text=_("One row per line, cells split by a tab or |; the first row is the header."),
    )

    class Meta:
        icon = "table"
        label = _("Table")
        template = "cms/blocks/table.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        rows = split_rows(value.get("data") or "")
        context["header"], context["rows"] = (rows[0], rows[1:]) if rows else ([], [])
        return context


def split_rows(text: str) -> list[list[str]]:
    rows = []
    for line in text.splitlines():
        if not line.strip():
            continue
        sep = "\t" if "\t" in line else "|"
        rows.append([cell.strip() for cell in line.split(sep)])
    return rows
