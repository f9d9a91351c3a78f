"""What a patrol check is: a small class built by ``from_config`` that sees pages or the site.

Scrapy-style (STYLE.md): ``from_config`` raises ``NotConfigured`` to leave a check out.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, ClassVar, Protocol, Self

from ..findings import Finding

if TYPE_CHECKING:
    from ..config import PatrolConfig
    from ..fetch import Response
    from ..parse import Page
    from ..sitemodel import SiteModel


class NotConfigured(Exception):
    """Raised by ``from_config`` when the configuration gives a check nothing to do."""


@dataclass
class PageView:
    """One fetched HTML page of the site, as the page checks see it."""

    url: str
    response: Response
    page: Page
    is_home: bool = False
    is_article: bool = False
    pubdate: datetime.date | None = None
    chrome_seen: bool = False  # the same header/nav/footer text was already checked
    extra: dict[str, object] = field(default_factory=dict)


class PageCheck(Protocol):
    name: ClassVar[str]

    @classmethod
    def from_config(cls, config: PatrolConfig) -> Self: ...

    def check_page(self, view: PageView) -> Iterable[Finding]: ...


class SiteCheck(Protocol):
    name: ClassVar[str]

    @classmethod
    def from_config(cls, config: PatrolConfig) -> Self: ...

    def check_site(self, site: SiteModel) -> Iterable[Finding]: ...
