import pytest

from govsite.textcheck import Lexicon, LexiconError, LexiconMatcher, Term
from govsite.textcheck.lexicon import FORBIDDEN, OUTDATED_NAME, SENSITIVE, WHITELIST


def scan(lexicon, text):
    return [(m.term, text[m.start : m.end]) for m in LexiconMatcher(lexicon).scan(text)]


def test_a_lexicon_file_takes_bare_terms_and_tab_separated_entries():
    lexicon = Lexicon.parse(
        "# comment\n\n某违禁词\n国土资源部\t过时机构名称\t自然资源部\n"
        "某词\tforbidden\n原国土资源部\t白名单\n"
    )
    assert lexicon.terms["某违禁词"] == Term("某违禁词", SENSITIVE, "")
    assert lexicon.terms["国土资源部"] == Term("国土资源部", OUTDATED_NAME, "自然资源部")
    assert lexicon.terms["某词"].category == FORBIDDEN
    assert lexicon.whitelist == {"原国土资源部"}
    assert "原国土资源部" not in lexicon


@pytest.mark.parametrize("line", ["a\tb\tc\td", "\t过时机构名称\t自然资源部"])
def test_a_malformed_line_is_reported_with_its_line_number(line):
    with pytest.raises(LexiconError, match=r"x\.tsv:2"):
        Lexicon.parse("ok\n" + line, source="x.tsv")


def test_load_reads_a_utf8_file_with_bom(tmp_path):
    path = tmp_path / "site.tsv"
    path.write_text("\ufeff农业部\t过时机构名称\t农业农村部\n", encoding="utf-8")
    assert list(Lexicon.load(path)) == [Term("农业部", OUTDATED_NAME, "农业农村部")]


def test_later_lexicons_override_earlier_ones_and_whitelists_add_up():
    platform = Lexicon.parse("甲\t禁用\n乙\t错误表述\t丙\n")
    site = Lexicon.parse("乙\t错误表述\t丁\n戊甲\t白名单\n")
    merged = platform.merged(site)
    assert merged.terms["乙"].suggestion == "丁"
    assert merged.whitelist == {"戊甲"}
    assert len(platform) == 2 and platform.terms["乙"].suggestion == "丙"  # unchanged


def test_a_site_can_switch_off_a_default_term_by_whitelisting_it():
    lexicon = Lexicon.default().merged(Lexicon.parse(f"文化部\t{WHITELIST}\n"))
    assert scan(lexicon, "文化部和国土资源部") == [("国土资源部", "国土资源部")]


@pytest.mark.parametrize(
    ("retired", "successor"),
    [
        ("国家工商行政管理总局", "国家市场监督管理总局"),
        ("国家质量监督检验检疫总局", "国家市场监督管理总局"),
        ("国家食品药品监督管理总局", "国家市场监督管理总局"),
        ("国土资源部", "自然资源部"),
        ("环境保护部", "生态环境部"),
        ("农业部", "农业农村部"),
        ("文化部", "文化和旅游部"),
        ("国家旅游局", "文化和旅游部"),
        ("国家卫生和计划生育委员会", "国家卫生健康委员会"),
        ("监察部", "国家监察委员会"),
        ("国家安全生产监督管理总局", "应急管理部"),
        ("国务院法制办公室", "司法部"),
        ("国家测绘地理信息局", "自然资源部"),
        ("国家林业局", "国家林业和草原局"),
        ("国家新闻出版广电总局", "国家广播电视总局"),
        ("国家粮食局", "国家粮食和物资储备局"),
    ],
)
def test_the_default_lexicon_knows_the_2018_retired_names(retired, successor):
    term = Lexicon.default().terms[retired]
    assert term.category == OUTDATED_NAME
    assert term.suggestion.startswith(successor)


@pytest.mark.parametrize(
    "current",
    ["国家市场监督管理总局", "自然资源部", "生态环境部", "农业农村部", "文化和旅游部",
     "国家卫生健康委员会", "应急管理部", "国家林业和草原局", "国家广播电视总局", "民政部",
     "国家海洋局", "国家药品监督管理局", "浙江省市场监督管理局", "西湖区农业农村局",
     "中华人民共和国", "全国人民代表大会", "国务院办公厅", "齐齐哈尔市"],
)  # fmt: skip
def test_the_default_lexicon_leaves_current_names_alone(current):
    assert scan(Lexicon.default(), f"根据{current}的通知") == []


CASES = [
    # (text, [(term, matched text)])
    ("浙江省工商行政管理局发布", [("工商行政管理局", "工商行政管理局")]),
    ("国家卫生和计划生育委员会", [("国家卫生和计划生育委员会", "国家卫生和计划生育委员会")]),
    ("省卫生和计划生育委员会", [("卫生和计划生育委员会", "卫生和计划生育委员会")]),
    ("原农业部、原国家工商行政管理总局", []),
    ("农业部门和文化部门，纪检监察部门", []),
    ("集团公司企业文化部、纪检监察部、安全环保部", []),
    ("农业部门和农业部", [("农业部", "农业部")]),
    ("中华人民共合国成立", [("中华人民共合国", "中华人民共合国")]),
    ("省人名代表大会常务委员会", [("人名代表大会", "人名代表大会")]),
    ("emoji 😀 then 环保部 and 国土资源部", [("环保部", "环保部"), ("国土资源部", "国土资源部")]),
    ("", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_the_default_lexicon_finds_what_it_should_and_nothing_else(text, expected):
    assert scan(Lexicon.default(), text) == expected


def test_a_match_reports_category_suggestion_offsets_and_a_short_context():
    text = "各地" * 40 + "按照国土资源部要求" + "落实" * 40
    [match] = LexiconMatcher(Lexicon.default()).scan(text)
    assert text[match.start : match.end] == "国土资源部"
    assert (match.category, match.suggestion) == (OUTDATED_NAME, "自然资源部")
    assert "国土资源部" in match.context and len(match.context) <= 40
    assert match.to_finding() == {
        "kind": "sensitive_word",
        "detail": {
            "term": "国土资源部",
            "category": OUTDATED_NAME,
            "suggestion": "自然资源部",
            "context": match.context,
        },
    }


def test_overlapping_terms_are_each_reported_but_nested_ones_only_once():
    lexicon = Lexicon.parse("甲乙\n乙丙\n甲乙丙丁\n乙丙丁\n")
    assert scan(lexicon, "甲乙丙 甲乙丙丁") == [
        ("甲乙", "甲乙"),
        ("乙丙", "乙丙"),
        ("甲乙丙丁", "甲乙丙丁"),
    ]


def test_a_whitelisted_span_hides_only_the_matches_inside_it():
    lexicon = Lexicon.parse("监察部\n监察部门\twhitelist\n")
    assert scan(lexicon, "纪检监察部门与监察部") == [("监察部", "监察部")]


def test_an_empty_lexicon_matches_nothing():
    assert LexiconMatcher(Lexicon()).scan("国土资源部") == []
