"""Weekly failure rate of a site's homepage probes against the veto line.

Spec: official-rules.md 1.3 item 2 — probed 20 times a day or more, a probe fails when the
homepage is not open after 15 s, and the site is vetoed when failures reach (含) 5 % of the
probes of one week. Pure computation on dataclasses; the caller reads the probes.
"""

import datetime
from collections import Counter
from dataclasses import dataclass
from fractions import Fraction


@dataclass(frozen=True)
class ProbeSample:
    time: datetime.datetime  # aware
    ok: bool


@dataclass(frozen=True)
class WeekRate:
    week_start: datetime.date  # a Monday, in the platform's time zone
    probes: int
    failures: int
    short_days: int  # days of the week so far with fewer probes than the indicator requires
    veto_line: Fraction

    @property
    def week_end(self) -> datetime.date:
        return self.week_start + datetime.timedelta(days=6)

    @property
    def rate(self) -> float | None:
        return self.failures / self.probes if self.probes else None

    @property
    def vetoed(self) -> bool:
        """Failures reach the veto line (超过（含）5%): compared exactly, not in floating point."""
        return bool(self.probes) and Fraction(self.failures, self.probes) >= self.veto_line

    @property
    def percent(self) -> str:
        return "—" if self.rate is None else f"{self.rate * 100:.2f}%"


def _monday(day: datetime.date) -> datetime.date:
    return day - datetime.timedelta(days=day.weekday())


def weekly_failure_rates(
    samples: list[ProbeSample],
    *,
    tz: datetime.tzinfo,
    today: datetime.date,
    weeks: int = 12,
    veto_rate: float = 0.05,
    per_day: int = 20,
) -> list[WeekRate]:
    """One ``WeekRate`` per week (Monday to Sunday in ``tz``), newest first, ``weeks`` long.

    ``short_days`` counts the days up to ``today`` on which fewer than ``per_day`` probes ran,
    so a week with too few probes is visible rather than silently "passing".
    """
    line = Fraction(str(veto_rate))
    first = _monday(today) - datetime.timedelta(weeks=weeks - 1)
    probes: Counter[datetime.date] = Counter()
    failures: Counter[datetime.date] = Counter()
    per_day_count: Counter[datetime.date] = Counter()
    for s in samples:
        day = s.time.astimezone(tz).date()
        if day < first or day > today:
            continue
        week = _monday(day)
        probes[week] += 1
        failures[week] += not s.ok
        per_day_count[day] += 1
    out = []
    for i in range(weeks):
        week = _monday(today) - datetime.timedelta(weeks=i)
        days = [week + datetime.timedelta(days=d) for d in range(7)]
        short = sum(1 for d in days if d <= today and per_day_count[d] < per_day)
        out.append(WeekRate(week, probes[week], failures[week], short, line))
    return out
