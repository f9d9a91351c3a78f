"""Recall and precision on a generated corpus, and the promise that no raw value leaks."""

import datetime as dt
import json
import random
import re
from collections import Counter

import pytest

from govsite.textcheck import CheckConfig, TextChecker
from govsite.textcheck.tests import corpus

TODAY = dt.date(2026, 11, 21)


@pytest.fixture(scope="module")
def checker():
    return TextChecker.from_config(CheckConfig(officials=corpus.OFFICIALS, today=TODAY))


def key(finding):
    detail = finding.detail()
    if finding.kind == "privacy_leak":
        return (finding.kind, detail["type"], detail["masked"])
    if finding.kind == "sensitive_word":
        return (finding.kind, detail["term"])
    return (finding.kind, detail["found"], detail["expected"])


def test_every_planted_defect_is_found_and_no_decoy_is(checker):
    truth, predicted = Counter(), Counter()
    for document in corpus.generate():
        truth.update(document.truth)
        predicted.update(key(f) for f in checker.check(document.text))
    for kind in ("sensitive_word", "wrong_name", "privacy_leak"):
        planted = Counter({k: n for k, n in truth.items() if k[0] == kind})
        seen = Counter({k: n for k, n in predicted.items() if k[0] == kind})
        hits = sum((planted & seen).values())
        assert planted, kind
        recall, precision = hits / sum(planted.values()), hits / max(sum(seen.values()), 1)
        assert (kind, recall, precision) == (kind, 1.0, 1.0), seen - planted


def test_filler_and_decoys_alone_yield_nothing(checker):
    rnd = random.Random(5)
    text = "\n".join(corpus.FILLER + corpus.decoys(rnd) + corpus.decoys(rnd))
    assert checker.check(text) == []


def _serialised(findings):
    return json.dumps([f.to_finding() for f in findings], ensure_ascii=False)


def test_no_raw_personal_number_appears_in_any_finding(checker):
    for document in corpus.generate(count=60, seed=11):
        out = _serialised(checker.check(document.text))
        for raw in document.raw_values:
            assert raw not in out
            assert raw[-8:] not in out  # not even most of it


NUMBER = re.compile(r"\d(?:[ -]?\d){10,}")
PIECES = ["国土资源部", "张建图市长", "市长章建国", "，", " ", "-", "\n", "账号", "手机", "X"]


@pytest.mark.parametrize("seed", range(40))
def test_no_long_number_of_a_random_text_survives_into_a_finding(checker, seed):
    """Property: whatever digits surround a finding, no run of 11+ digits is copied out."""
    rnd = random.Random(seed)
    parts = []
    for _ in range(60):
        if rnd.random() < 0.5:
            parts.append("".join(rnd.choice("0123456789") for _ in range(rnd.randint(1, 20))))
        else:
            parts.append(rnd.choice(PIECES))
    text = "".join(parts)
    out = _serialised(checker.check(text))
    for match in NUMBER.finditer(text):
        digits = re.sub(r"\D", "", match.group())
        assert match.group() not in out
        assert digits not in re.sub(r"[^\d*]", "", out)
