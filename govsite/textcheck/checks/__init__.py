"""The ordered registry of text checks, and the checker that runs the configured ones.

Each check implements one kind (or privacy type) of shared/spec/findings.md.
"""

from __future__ import annotations

from collections.abc import Sequence

from govsite.textcheck.checks.bank_card import BankCardCheck
from govsite.textcheck.checks.base import Check, CheckConfig, NotConfigured
from govsite.textcheck.checks.id_card import IdCardCheck
from govsite.textcheck.checks.mobile import MobileCheck
from govsite.textcheck.checks.sensitive_words import SensitiveWordCheck
from govsite.textcheck.checks.wrong_names import WrongNameCheck
from govsite.textcheck.results import Finding

CHECKS: tuple[type[Check], ...] = (
    SensitiveWordCheck,
    WrongNameCheck,
    IdCardCheck,
    MobileCheck,
    BankCardCheck,
)


class TextChecker:
    """Runs a fixed list of checks over texts; build it once per patrol (or per site)."""

    def __init__(self, checks: Sequence[Check]) -> None:
        self.checks = list(checks)

    @classmethod
    def from_config(
        cls, config: CheckConfig, registry: Sequence[type[Check]] = CHECKS
    ) -> TextChecker:
        """Every check of ``registry`` that its ``from_config`` does not switch off."""
        checks = []
        for check_class in registry:
            try:
                checks.append(check_class.from_config(config))
            except NotConfigured:
                continue
        return cls(checks)

    def check(self, text: str) -> list[Finding]:
        """All findings in ``text``, in order of position."""
        findings: list[Finding] = []
        for check in self.checks:
            findings.extend(check.scan(text))
        return sorted(findings, key=lambda f: getattr(f, "start", 0))


__all__ = ["CHECKS", "Check", "CheckConfig", "NotConfigured", "TextChecker"]
