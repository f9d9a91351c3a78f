"""The body stream of an article, composed of the atoms."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from .atoms import HeadingBlock, ImageBlock, ParagraphBlock, TableBlock


class ArticleBodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    image = ImageBlock()
    table = TableBlock()

    class Meta:
        label = _("Body")
