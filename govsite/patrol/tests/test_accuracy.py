"""The patrol finds every planted defect of the generated site and nothing else."""

from __future__ import annotations

import pytest

from govsite.patrol.findings import KINDS
from govsite.patrol.testing.model import decoys_flagged, score

SITE_KINDS = sorted(
    {
        "broken_link",
        "redirect_loop",
        "slow_page",
        "sensitive_word",
        "wrong_name",
        "privacy_leak",
        "blank_column",
        "stale_column",
        "time_travel",
        "missing_identity",
        "crawl_trap",
    }
)


@pytest.mark.parametrize("kind", SITE_KINDS)
def test_recall_and_precision_per_kind(site, served, document, kind):
    result = score(site, document["findings"], served)[kind]
    assert result["expected"] > 0
    assert result["recall"] >= 0.98, result
    assert result["precision"] >= 0.98, result


def test_no_decoy_is_flagged(site, served, document):
    assert decoys_flagged(site, document["findings"], served) == []


def test_document_has_the_shape_of_findings_md(document, served):
    assert set(document) == {"site", "today", "started", "finished", "stats", "findings"}
    assert document["site"] == served + "/"
    assert set(document["stats"]) == {"pages", "requests", "bytes", "seconds", "errors"}
    for finding in document["findings"]:
        assert finding["kind"] in KINDS
        assert finding["url"].startswith(served)
        assert isinstance(finding["detail"], dict)


def test_broken_link_detail_names_status_and_resource(document):
    broken = [f for f in document["findings"] if f["kind"] == "broken_link"]
    resources = {f["detail"]["resource"] for f in broken}
    assert resources == {"page", "image", "attachment", "script", "style"}
    assert {f["detail"]["status"] for f in broken} == {404, 500}
    assert all(set(f["detail"]) == {"status", "error", "resource"} for f in broken)


def test_privacy_findings_hold_masked_values_only(site, document):
    leaks = [f for f in document["findings"] if f["kind"] == "privacy_leak"]
    raw = b"".join(r.body for r in site.resources.values())
    for leak in leaks:
        masked = leak["detail"]["masked"]
        assert "*" in masked and masked.encode() not in raw


def test_stale_column_detail(document, served):
    stale = {f["url"]: f["detail"] for f in document["findings"] if f["kind"] == "stale_column"}
    qxdt = stale[served + "/qxdt/"]
    assert qxdt["column"] == "区县动态"
    assert qxdt["column_kind"] == "dynamic"
    assert qxdt["days"] == 20
    assert qxdt["limit_days"] == 14
    assert stale[served + "/rsxx/"]["column_kind"] == "personnel"


def test_crawl_traps_stop_within_their_bound(document, hits):
    traps = [f for f in document["findings"] if f["kind"] == "crawl_trap"]
    assert all(f["detail"]["seen"] >= 1 and f["detail"]["pattern"] for f in traps)
    assert sum(n for path, n in hits.items() if path.startswith("/calendar/")) < 40  # of 672
    assert sum(n for path, n in hits.items() if path.startswith("/zt/")) <= 3
    assert sum(n for path, n in hits.items() if path.startswith("/hd/")) <= 3 + 16  # + in flight
    assert hits["/bszn/index.html"] == 1


def test_gbk_and_gb2312_pages_are_read(site, served, document):
    words = [f for f in document["findings"] if f["kind"] == "sensitive_word"]
    paths = {f["url"].removeprefix(served).split("/")[1] for f in words}
    assert {"bmdt", "tzgg"} <= paths  # bmdt is GBK without a header charset, tzgg is GB2312
