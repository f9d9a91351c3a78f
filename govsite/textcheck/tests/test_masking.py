import pytest

from govsite.textcheck.excerpt import excerpt
from govsite.textcheck.masking import (
    mask_bank_card,
    mask_digits,
    mask_id_card,
    mask_mobile,
    mask_numbers,
)


@pytest.mark.parametrize(
    ("masker", "value", "masked"),
    [
        (mask_id_card, "33010219900307123x", "330102********123X"),
        (mask_mobile, "13812345678", "138****5678"),
        (mask_bank_card, "6222020200001234", "6222 **** **** 1234"),
        (mask_bank_card, "6222020200001234567", "6222 **** **** *** 4567"),
    ],
)
def test_masked_values_keep_only_the_ends(masker, value, masked):
    assert masker(value) == masked


def test_a_value_too_short_to_keep_both_ends_is_masked_whole():
    assert mask_digits("123", 2, 2) == "***"


def test_long_numbers_in_free_text_are_masked_short_ones_kept():
    text = "电话13812345678，卡号6222 0202 0000 1234，文号〔2026〕12号，标识码3300000001"
    assert mask_numbers(text) == (
        "电话138****5678，卡号622* **** **** 1234，文号〔2026〕12号，标识码3300000001"
    )


def test_an_excerpt_is_at_most_40_characters_around_the_match():
    text = "甲" * 100 + "目标" + "乙" * 100
    piece = excerpt(text, 100, 102)
    assert len(piece) == 40 and piece.index("目标") == 19


def test_an_excerpt_near_the_edges_uses_the_room_on_the_other_side():
    text = "目标" + "乙" * 100
    assert excerpt(text, 0, 2) == "目标" + "乙" * 38


def test_an_excerpt_collapses_whitespace():
    assert excerpt("一\n\n  二 目标\t三", 5, 7) == "一 二 目标 三"


def test_an_excerpt_drops_a_number_cut_by_its_edge_rather_than_show_part_of_it():
    text = "身份证号33010219900307451X" + "甲" * 19 + "目标" + "乙" * 30
    piece = excerpt(text, text.index("目标"), text.index("目标") + 2)
    assert not any(ch.isdigit() for ch in piece)
    assert piece.startswith("甲")
