"""Lexicon scan speed: govsite.textcheck.LexiconMatcher against a regex alternation.

    .venv/bin/python bench/textcheck/run.py            # 50 MB, 10,000 terms, CPU 0
    .venv/bin/python bench/textcheck/run.py --mb 5     # a quick look

Prints MB/s of UTF-8 text on one core (the process is pinned to one CPU; CPU time is the
figure that counts, wall time is shown beside it). Target (issue 3): >= 40 MB/s.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import ahocorasick

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import corpus

from govsite.textcheck import CheckConfig, Lexicon, LexiconMatcher, TextChecker, parse_officials


def measure(scan: Callable[[str], int], pages: Sequence[str], repeat: int) -> dict[str, float]:
    size = sum(len(p.encode("utf-8")) for p in pages) / 1e6
    best_cpu = best_wall = float("inf")
    hits = 0
    for _ in range(repeat):
        cpu, wall = time.process_time(), time.perf_counter()
        hits = sum(scan(page) for page in pages)
        best_cpu = min(best_cpu, time.process_time() - cpu)
        best_wall = min(best_wall, time.perf_counter() - wall)
    return {
        "mb": round(size, 1),
        "hits": hits,
        "cpu_mb_s": round(size / best_cpu, 1),
        "wall_mb_s": round(size / best_wall, 1),
    }


OFFICIALS = parse_officials(
    "张建国\t市长\n李明华\t副市长\n王伟\t副市长\n陈思远\t秘书长\n欧阳文斌\t市委书记\n"
    "赵立新\t常务副市长\n孙晓梅\t副市长\n周振华\t副市长\n吴国平\t市政协主席\n郑家豪\t市人大常委会主任\n"
)


def regex_baseline(lexicon: Lexicon) -> Callable[[str], int]:
    longest_first = sorted((t.term for t in lexicon), key=len, reverse=True)
    pattern = re.compile("|".join(map(re.escape, longest_first)))
    return lambda page: sum(1 for _ in pattern.finditer(page))


def plain_automaton(lexicon: Lexicon) -> Callable[[str], int]:
    """pyahocorasick over ``str`` as most code uses it, to show what the UTF-8 keying buys."""
    automaton = ahocorasick.Automaton()
    for index, term in enumerate(lexicon):
        automaton.add_word(term.term, index)
    automaton.make_automaton()
    return lambda page: sum(1 for _ in automaton.iter(page))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=50, help="text to scan, MB of UTF-8")
    parser.add_argument("--terms", type=int, default=10_000)
    parser.add_argument("--baseline-mb", type=float, default=1, help="text for the slow baselines")
    parser.add_argument("--repeat", type=int, default=3, help="runs; the best one counts")
    parser.add_argument("--cpu", type=int, default=0, help="CPU to pin to")
    args = parser.parse_args(argv)
    os.sched_setaffinity(0, {args.cpu})

    started = time.perf_counter()
    lexicon = corpus.lexicon(args.terms).merged(Lexicon.default())
    pages = list(corpus.pages(int(args.mb * 1e6)))
    generated = time.perf_counter() - started
    started = time.perf_counter()
    matcher = LexiconMatcher(lexicon)
    built = time.perf_counter() - started

    sample = _prefix(pages, args.baseline_mb * 1e6)
    checker = TextChecker.from_config(CheckConfig(lexicon=lexicon, officials=OFFICIALS))
    results = {
        "terms": len(lexicon),
        "whitelist": len(lexicon.whitelist),
        "pages": len(pages),
        "generate_s": round(generated, 1),
        "build_s": round(built, 2),
        "load_average": round(os.getloadavg()[0], 1),
        "textcheck": measure(lambda page: len(matcher.scan(page)), pages, args.repeat),
        "all_checks": measure(lambda page: len(checker.check(page)), _prefix(pages, 10e6), 1),
        "regex_alternation": measure(regex_baseline(lexicon), sample, 1),
        "pyahocorasick_str": measure(plain_automaton(lexicon), _prefix(pages, 5e6), 1),
    }
    _report(results)
    return 0


def _prefix(pages: Sequence[str], size: float) -> list[str]:
    taken, total = [], 0
    for page in pages:
        if total >= size:
            break
        taken.append(page)
        total += len(page.encode("utf-8"))
    return taken


def _report(results: dict) -> None:
    lines = [
        f"{results['terms']} terms, {results['whitelist']} whitelisted, {results['pages']} pages",
        f"generated in {results['generate_s']} s, automaton built in {results['build_s']} s,"
        f" load average {results['load_average']} on {os.cpu_count()} CPUs",
        f"{'scanner':<22}{'MB':>8}{'hits':>8}{'MB/s cpu':>10}{'MB/s wall':>11}",
    ]
    for name in ("textcheck", "all_checks", "regex_alternation", "pyahocorasick_str"):
        r = results[name]
        lines.append(f"{name:<22}{r['mb']:>8}{r['hits']:>8}{r['cpu_mb_s']:>10}{r['wall_mb_s']:>11}")
    lines.append(json.dumps(results))
    sys.stdout.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    raise SystemExit(main())
