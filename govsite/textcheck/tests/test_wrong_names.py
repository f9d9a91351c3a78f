import pytest

from govsite.textcheck import CheckConfig, NotConfigured, Official, parse_officials
from govsite.textcheck.checks.wrong_names import WrongNameCheck

OFFICIALS = parse_officials(
    "# 市领导\n张建国\t市长\n李明华\t副市长\n王伟\t副市长\n章建军\t秘书长\n"
    "李强\n欧阳文斌\t市委书记\n"
)


def found(text):
    return [(f.found, f.expected, f.title) for f in WrongNameCheck(OFFICIALS).scan(text)]


CASES = [
    # one character off, beside the title
    ("张建图市长出席会议", [("张建图", "张建国", "市长")]),
    ("市长张建图出席", [("张建图", "张建国", "市长")]),
    ("市长 张建图出席", [("张建图", "张建国", "市长")]),
    ("欧阳文武市委书记指出", [("欧阳文武", "欧阳文斌", "市委书记")]),
    # sound-alike, beside the title (any length) or in place of the name (3+ characters)
    ("市长章建国讲话", [("章建国", "张建国", "市长")]),
    ("副市长王玮主持", [("王玮", "王伟", "副市长")]),
    ("会见了章建国同志", [("章建国", "张建国", "市长")]),
    ("副市长黎明华", [("黎明华", "李明华", "副市长")]),
    # correct names, and other listed officials' correct names, are never flagged
    ("市长张建国、副市长李明华、王伟，秘书长章建军出席", []),
    ("李强同志", []),
    # too weak to flag
    ("实力强大", []),  # 力强 sounds like 李强 but has no title beside it
    ("副市长王军", []),  # two-character name, one character off: another person
    ("李建国市长", []),  # surname differs and not a sound-alike
    ("张建华副局长", []),  # next to another title
    ("副市长张建图", []),  # 市长 inside another listed title (副市长)
    ("市长表示，要张扬建国精神", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_wrong_names_are_found_beside_titles_and_in_place_of_the_name(text, expected):
    assert found(text) == expected


def test_a_finding_carries_context_and_serialises_to_the_findings_document():
    text = "本网讯 11月3日，张建图市长到西湖区调研。"
    [finding] = WrongNameCheck(OFFICIALS).scan(text)
    assert text[finding.start : finding.end] == "张建图"
    assert finding.to_finding() == {
        "kind": "wrong_name",
        "detail": {"found": "张建图", "expected": "张建国", "title": "市长", "context": text},
    }


def test_the_check_switches_off_without_names():
    with pytest.raises(NotConfigured):
        WrongNameCheck.from_config(CheckConfig(officials=()))
    assert WrongNameCheck.from_config(CheckConfig(officials=[Official("张建国", "市长")]))


def test_one_span_is_reported_once_even_when_it_is_near_two_names():
    officials = [Official("张建国", "市长"), Official("张建华", "市长")]
    [finding] = WrongNameCheck(officials).scan("市长张建图")
    assert finding.expected == "张建国"
