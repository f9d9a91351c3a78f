"""slow_page: a page that took longer than the slow threshold (default 5 s) to load.

Spec: findings.md kind ``slow_page``.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..config import PatrolConfig
from ..findings import Finding
from .base import NotConfigured, PageView


class SlowPageCheck:
    name = "slow_page"

    def __init__(self, threshold: float):
        self.threshold = threshold

    @classmethod
    def from_config(cls, config: PatrolConfig) -> SlowPageCheck:
        if config.slow_seconds <= 0:
            raise NotConfigured
        return cls(config.slow_seconds)

    def check_page(self, view: PageView) -> Iterator[Finding]:
        seconds = view.response.seconds
        if seconds > self.threshold:
            yield Finding("slow_page", view.url, {"seconds": round(seconds, 2)})
