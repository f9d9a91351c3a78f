"""Score one bench run: pages/second, peak RSS and per-kind recall/precision of govsite patrol,
and linkchecker's pages/second and broken-link recall on the same site."""

from __future__ import annotations

import csv
import json
import re
import sys
from pathlib import Path

from govsite.patrol.testing.model import Expect, GeneratedSite, score

NOT_PAGES = {"css", "js", "png", "jpg", "ico", "pdf", "doc", "docx", "xlsx", "zip"}


def rss_and_wall(path: Path) -> tuple[float, float]:
    text = path.read_text()
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1)) / 1024
    wall = re.search(r"Elapsed \(wall clock\) time .*: (?:(\d+):)?(\d+):([\d.]+)", text)
    hours, minutes, seconds = (float(g or 0) for g in wall.groups())
    return rss, hours * 3600 + minutes * 60 + seconds


def linkchecker_results(path: Path, base: str) -> tuple[int, set[tuple[str, str]]]:
    pages, broken = set(), set()
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if not ln.startswith("#")]
    for row in csv.DictReader(lines, delimiter=";"):
        url = (row.get("url") or row.get("urlname") or "").removeprefix(base)
        if row.get("valid") == "True":
            if url.rsplit(".", 1)[-1] not in NOT_PAGES:  # generous: every other URL is a page
                pages.add(url)
        else:
            parent = (row.get("parentname") or "").removeprefix(base) or "/"
            broken.add((parent, url))
    return len(pages), broken


def main(work: Path, base: str) -> None:
    data = json.loads((work / "truth.json").read_text())
    site = GeneratedSite(today=None)
    for key in data["truth"]:
        kind, *rest = key
        if kind == "crawl_trap":
            site.truth.append(Expect(kind, "/", rest[0]))
        else:
            path = rest[0]
            extra = rest[1] if len(rest) > 1 else None
            site.truth.append(Expect(kind, path, extra))
    site.decoys = [tuple(d) for d in data["decoys"]]
    doc = json.loads((work / "govsite.json").read_text())
    g_rss, g_wall = rss_and_wall(work / "govsite.time")
    g_pages = doc["stats"]["pages"]
    per_kind = score(site, doc["findings"], base)
    g_rate = g_pages / g_wall
    out = {
        "site_html_pages": data["html_pages"],
        "govsite": {
            "pages": g_pages,
            "seconds": round(g_wall, 1),
            "pages_per_s": round(g_rate, 1),
            "peak_rss_mb": round(g_rss, 1),
            "requests": doc["stats"]["requests"],
        },
    }
    if (work / "linkchecker.csv").exists():
        l_rss, l_wall = rss_and_wall(work / "linkchecker.time")
        l_pages, l_broken = linkchecker_results(work / "linkchecker.csv", base)
        truth = map(tuple, data["truth"])
        expected_broken = {(k[1], k[2]) for k in truth if k[0] == "broken_link"}
        lc_recall = len(expected_broken & l_broken) / len(expected_broken)
        l_rate = l_pages / l_wall
        out["linkchecker"] = {
            "pages": l_pages,
            "seconds": round(l_wall, 1),
            "pages_per_s": round(l_rate, 1),
            "peak_rss_mb": round(l_rss, 1),
            "broken_link_recall": round(lc_recall, 3),
        }
        out["ratio"] = round(g_rate / l_rate, 1)
    out |= {
        "kinds": {
            k: {
                "expected": v["expected"],
                "recall": round(v["recall"], 3),
                "precision": round(v["precision"], 3),
            }
            for k, v in per_kind.items()
        },
    }
    sys.stdout.write(json.dumps(out, ensure_ascii=False, indent=1) + "\n")
    for kind, v in per_kind.items():
        if v["missed"] or v["false"]:
            sys.stderr.write(f"{kind} missed {v['missed']} false {v['false']}\n")


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2])
