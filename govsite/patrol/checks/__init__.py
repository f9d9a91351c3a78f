"""The ordered registry of patrol checks. Fetch-level kinds (site_unreachable, broken_link,
redirect_loop, crawl_trap) come from the engine itself; everything else is a check here.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..config import PatrolConfig
from .base import NotConfigured, PageCheck, PageView, SiteCheck
from .columns import ColumnCheck
from .homepage import HomepageCheck
from .identity import IdentityCheck
from .slow import SlowPageCheck
from .text import TextCheck
from .timetravel import TimeTravelCheck

PAGE_CHECKS: tuple[type[PageCheck], ...] = (
    SlowPageCheck,
    IdentityCheck,
    TimeTravelCheck,
    TextCheck,
)
SITE_CHECKS: tuple[type[SiteCheck], ...] = (ColumnCheck, HomepageCheck)


def build(registry: Sequence[type[Any]], config: PatrolConfig) -> list[Any]:
    """Every check of ``registry`` that ``from_config`` does not switch off, in order."""
    out = []
    for check_class in registry:
        try:
            out.append(check_class.from_config(config))
        except NotConfigured:
            continue
    return out


__all__ = ["PAGE_CHECKS", "SITE_CHECKS", "NotConfigured", "PageView", "build"]
