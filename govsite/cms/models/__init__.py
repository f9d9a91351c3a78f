"""Page models of on-platform sites and the per-site identity settings."""

from .identity import SiteIdentitySettings
from .pages import (
    ArticleAttachment,
    ArticlePage,
    ColumnPage,
    GovPage,
    HomePage,
    TopicPage,
    Validity,
)

__all__ = [
    "ArticleAttachment",
    "ArticlePage",
    "ColumnPage",
    "GovPage",
    "HomePage",
    "SiteIdentitySettings",
    "TopicPage",
    "Validity",
]
