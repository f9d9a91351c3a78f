"""Official names that must be spelled right, read from the findings.md ``--names`` format.

One a line: ``name`` or ``name<TAB>title`` (e.g. ``张建国<TAB>市长``); ``#`` starts a comment.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Official:
    name: str
    title: str = ""


def parse_officials(text: str) -> list[Official]:
    officials = []
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        name, _, title = line.partition("\t")
        if name.strip():
            officials.append(Official(name.strip(), title.strip()))
    return officials


def load_officials(path: str | Path) -> list[Official]:
    return parse_officials(Path(path).read_text(encoding="utf-8-sig"))
