"""patrol: probe a homepage and crawl one site, emitting the findings document of
shared/spec/findings.md. Pure asyncio; may import govsite.textcheck and nothing else of ours.
Entry points: ``patrol(PatrolConfig) -> Report``, ``probe(url) -> ProbeResult``, ``cli.main``.
"""

from .config import ColumnRule, PatrolConfig
from .engine import Patrol, Unreachable, patrol
from .findings import KINDS, Finding, Report, Stats
from .probe import ProbeResult, probe

__all__ = [
    "KINDS",
    "ColumnRule",
    "Finding",
    "Patrol",
    "PatrolConfig",
    "ProbeResult",
    "Report",
    "Stats",
    "Unreachable",
    "patrol",
    "probe",
]
