"""``govsite patrol URL``: crawl one site and write the findings document.

Spec: findings.md "Command line". Exit 0 when the patrol ran, 2 with a one-line reason when
it could not (bad URL, nothing answered).
"""

from __future__ import annotations

import argparse
import asyncio
import datetime
import sys
from collections import Counter
from pathlib import Path

from .config import PatrolConfig, read_column_rules
from .engine import Unreachable, patrol
from .findings import Report
from .progress import Bar
from .urls import BadURL, origin


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="govsite patrol", description="Patrol one site.")
    p.add_argument("url")
    p.add_argument("--json", metavar="FILE", help="write the document to FILE (- = stdout)")
    p.add_argument("--today", type=datetime.date.fromisoformat, help="YYYY-MM-DD")
    p.add_argument("--lexicon", type=Path, help="term[<TAB>category<TAB>suggestion] per line")
    p.add_argument("--names", type=Path, help="name[<TAB>title] per line")
    p.add_argument("--columns", type=Path, help="URL prefix<TAB>column kind per line")
    p.add_argument("--max-pages", type=int, default=200_000)
    p.add_argument("--concurrency", type=int, default=16)
    p.add_argument("--timeout", type=float, default=30.0, help="seconds per request")
    p.add_argument("--external", action="store_true", help="also check links leaving the site")
    return p


def config_from(args: argparse.Namespace) -> PatrolConfig:
    for path in (args.lexicon, args.names, args.columns):
        if path is not None and not path.is_file():
            raise Unreachable(f"no such file: {path}")
    try:
        rules = read_column_rules(args.columns, origin(args.url)) if args.columns else []
    except (ValueError, BadURL) as exc:
        raise Unreachable(str(exc)) from exc
    config = PatrolConfig(
        start_url=args.url,
        lexicon_file=args.lexicon,
        names_file=args.names,
        column_rules=rules,
        max_pages=max(1, args.max_pages),
        concurrency=max(1, args.concurrency),
        timeout=max(1.0, args.timeout),
        external=args.external,
    )
    if args.today:
        config.today = args.today
    config.connect_timeout = min(config.connect_timeout, config.timeout)
    config.read_timeout = min(config.read_timeout, config.timeout)
    return config


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    bar = Bar(sys.stderr) if sys.stderr.isatty() else None
    try:
        report = asyncio.run(patrol(config_from(args), bar.update if bar else None))
    except Unreachable as exc:
        _say(f"govsite patrol: {exc}")
        return 2
    finally:
        if bar:
            bar.close()
    down = [f for f in report.findings if f.kind == "site_unreachable"]
    silent = bool(down) and down[0].detail.get("status") is None
    _write(report, args.json, summary=not silent)
    if silent:
        _say(f"govsite patrol: {report.site} did not answer: {down[0].detail.get('error')}")
        return 2
    return 0


def _write(report: Report, target: str | None, summary: bool) -> None:
    text = report.to_json(indent=1)
    if target in (None, "-"):
        sys.stdout.write(text + "\n")
    else:
        Path(target).write_text(text + "\n", encoding="utf-8")
    if not summary:
        return
    kinds = Counter(f.kind for f in report.findings)
    summary = ", ".join(f"{k} {n}" for k, n in sorted(kinds.items())) or "no findings"
    s = report.stats
    _say(f"{report.site}: {s.pages} pages, {s.requests} requests in {s.seconds:.1f} s; {summary}")


def _say(line: str) -> None:
    sys.stderr.write(line + "\n")
