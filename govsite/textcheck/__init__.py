"""textcheck: reads plain text for what inspectors look for: lexicon terms (wrong, outdated,
forbidden expressions), misspelt officials' names, leaked personal numbers, and dates.

May import: nothing of ours and no Django (pure Python; pyahocorasick, pypinyin).
Entry points: ``TextChecker.from_config(CheckConfig(...)).check(text)``, ``Lexicon``,
``LexiconMatcher``, ``extract_dates``/``date_items``/``publish_date``/``time_travel``, ``masking``.
"""

from govsite.textcheck.articles import (
    DatedItem,
    date_items,
    future_dates,
    publish_date,
    time_travel,
)
from govsite.textcheck.checks import CHECKS, Check, CheckConfig, NotConfigured, TextChecker
from govsite.textcheck.dates import DateMatch, extract_dates, url_date, url_dates
from govsite.textcheck.lexicon import Lexicon, LexiconError, Term
from govsite.textcheck.matcher import LexiconMatcher
from govsite.textcheck.officials import Official, load_officials, parse_officials
from govsite.textcheck.results import Finding, PrivacyLeak, TermMatch, TimeTravel, WrongName

__all__ = [
    "CHECKS",
    "Check",
    "CheckConfig",
    "DateMatch",
    "DatedItem",
    "Finding",
    "Lexicon",
    "LexiconError",
    "LexiconMatcher",
    "NotConfigured",
    "Official",
    "PrivacyLeak",
    "Term",
    "TermMatch",
    "TextChecker",
    "TimeTravel",
    "WrongName",
    "date_items",
    "extract_dates",
    "future_dates",
    "load_officials",
    "parse_officials",
    "publish_date",
    "time_travel",
    "url_date",
    "url_dates",
]
