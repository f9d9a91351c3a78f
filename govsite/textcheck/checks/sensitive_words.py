"""Wrong, outdated and forbidden expressions from the merged lexicon.

Implements the ``sensitive_word`` kind of findings.md; the default lexicon covers the
outdated institution names and serious miswritings of official-rules.md §4.1.
"""

from __future__ import annotations

from typing import ClassVar, Self

from govsite.textcheck.checks.base import CheckConfig, NotConfigured
from govsite.textcheck.lexicon import Lexicon
from govsite.textcheck.matcher import LexiconMatcher
from govsite.textcheck.results import TermMatch


class SensitiveWordCheck:
    name: ClassVar[str] = "sensitive_word"

    def __init__(self, lexicon: Lexicon) -> None:
        self.matcher = LexiconMatcher(lexicon)

    @classmethod
    def from_config(cls, config: CheckConfig) -> Self:
        if not len(config.lexicon):
            raise NotConfigured("empty lexicon")
        return cls(config.lexicon)

    def scan(self, text: str) -> list[TermMatch]:
        return self.matcher.scan(text)
