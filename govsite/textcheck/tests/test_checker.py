import datetime as dt
import json

from govsite.textcheck import CHECKS, CheckConfig, Lexicon, Official, TextChecker
from govsite.textcheck.tests.factories import id_number

TODAY = dt.date(2026, 11, 21)
# The detail keys of each kind, as shared/spec/findings.md lists them.
DETAIL_KEYS = {
    "sensitive_word": {"term", "category", "suggestion", "context"},
    "wrong_name": {"found", "expected", "title", "context"},
    "privacy_leak": {"type", "masked"},
}


def test_the_registry_lists_one_check_per_detector_in_order():
    assert [c.name for c in CHECKS] == [
        "sensitive_word",
        "wrong_name",
        "id_card",
        "mobile",
        "bank_card",
    ]


def test_checks_with_nothing_to_do_switch_themselves_off():
    checker = TextChecker.from_config(CheckConfig(lexicon=Lexicon(), today=TODAY))
    assert [c.name for c in checker.checks] == ["id_card", "mobile", "bank_card"]


def test_a_checker_can_run_a_chosen_subset_of_checks():
    config = CheckConfig(today=TODAY)
    checker = TextChecker.from_config(config, registry=CHECKS[:1])
    assert [f.kind for f in checker.check("国土资源部 13812345678")] == ["sensitive_word"]


def test_findings_come_in_text_order_and_serialise_to_the_findings_document():
    config = CheckConfig(officials=[Official("张建国", "市长")], today=TODAY)
    text = f"手机13812345678，张建图市长要求国土资源部，身份证{id_number()}"
    findings = TextChecker.from_config(config).check(text)
    assert [f.kind for f in findings] == [
        "privacy_leak",
        "wrong_name",
        "sensitive_word",
        "privacy_leak",
    ]
    for finding in findings:
        document = json.loads(json.dumps(finding.to_finding(), ensure_ascii=False))
        assert set(document) == {"kind", "detail"}
        assert set(document["detail"]) == DETAIL_KEYS[document["kind"]]


def test_the_default_configuration_uses_the_default_lexicon_and_today_in_china():
    config = CheckConfig()
    assert len(config.lexicon) == len(Lexicon.default())
    assert abs((config.today - dt.date.today()).days) <= 1
