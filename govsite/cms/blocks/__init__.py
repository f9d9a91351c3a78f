"""StreamField blocks of cms pages: atoms compose into the article body stream."""

from .atoms import HeadingBlock, ImageBlock, ParagraphBlock, TableBlock
from .body import ArticleBodyBlock

__all__ = ["ArticleBodyBlock", "HeadingBlock", "ImageBlock", "ParagraphBlock", "TableBlock"]
