"""sensitive_word, wrong_name and privacy_leak through govsite.textcheck.

Spec: findings.md kinds ``sensitive_word``, ``wrong_name``, ``privacy_leak``;
official-rules.md 4.1. The page's main text is read on every page; the template's chrome
(header, navigation, footer) only when its text differs from every chrome already read, so a
footer problem is one finding, not one per page.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from govsite.textcheck.checks import CheckConfig, TextChecker
from govsite.textcheck.lexicon import Lexicon
from govsite.textcheck.officials import load_officials

from ..config import PatrolConfig
from ..findings import Finding
from .base import PageView


def build_checker(config: PatrolConfig) -> TextChecker:
    lexicon = Lexicon.default()
    if config.lexicon_file is not None:
        lexicon = lexicon.merged(Lexicon.load(config.lexicon_file))
    officials = load_officials(config.names_file) if config.names_file is not None else ()
    return TextChecker.from_config(
        CheckConfig(lexicon=lexicon, officials=officials, today=config.today)
    )


def text_findings(checker: TextChecker, url: str, texts: Iterable[str]) -> Iterator[Finding]:
    """Findings in ``texts`` (a page's or an attachment's), one per distinct detail."""
    seen = set()
    for text in texts:
        if not text:
            continue
        for result in checker.check(text):
            detail = result.detail()
            key = (result.kind, tuple(sorted(detail.items())))
            if key not in seen:
                seen.add(key)
                yield Finding(result.kind, url, detail)


class TextCheck:
    name = "text"

    def __init__(self, checker: TextChecker):
        self.checker = checker

    @classmethod
    def from_config(cls, config: PatrolConfig) -> TextCheck:
        return cls(build_checker(config))

    def check_page(self, view: PageView) -> Iterator[Finding]:
        page = view.page
        texts = [page.title, page.main_text]
        if not view.chrome_seen:
            texts.append(page.chrome_text)
        yield from text_findings(self.checker, view.url, texts)
