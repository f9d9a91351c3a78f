import datetime as dt
import random

import pytest

from govsite.textcheck.checks.bank_card import BankCardCheck, luhn_valid
from govsite.textcheck.checks.id_card import IdCardCheck, is_id_card
from govsite.textcheck.checks.mobile import MobileCheck
from govsite.textcheck.masking import mask_bank_card
from govsite.textcheck.tests.factories import card_number, id_number, luhn_broken, wrong_check

TODAY = dt.date(2026, 11, 21)
ID = id_number()  # 330102 19900307 451 + check
ID_X = next(
    id_number(born="19850101", serial=f"{n:03d}")
    for n in range(1000)
    if id_number(born="19850101", serial=f"{n:03d}").endswith("X")
)
CARD16 = card_number(16)
CARD19 = card_number(19)


def found(check, text):
    return [(leak.type, leak.masked, text[leak.start : leak.end]) for leak in check.scan(text)]


ID_CASES = [
    # (text, found raw spans)
    (f"身份证号：{ID}。", [ID]),
    (f"身份证号码{ID_X}，", [ID_X]),
    (f"身份证号码{ID_X.lower()}", [ID_X.lower()]),
    (f"公示名单：张三 {ID} 李四", [ID]),
    (f"全角：{ID.translate(str.maketrans('0123456789', '０１２３４５６７８９'))}", [None]),
    # decoys
    (f"号码{wrong_check(ID)}", []),
    (f"{id_number(region='990102')}", []),  # no province 99
    (f"{id_number(born='20270101')}", []),  # born after today
    (f"{id_number(born='18991231')}", []),  # before 1900
    (f"{id_number(born='19900230')}", []),  # 30 February
    (f"流水号1{ID}", []),  # inside a longer number
    (f"{ID}7", []),
    (f"https://x.gov.cn/a{ID}", []),
    ("浙公网安备33010602000001号，网站标识码3300000001，浙ICP备05070218号", []),
]


@pytest.mark.parametrize(("text", "expected"), ID_CASES)
def test_id_card_numbers_are_found_by_check_character_region_and_birth_date(text, expected):
    leaks = IdCardCheck(TODAY).scan(text)
    assert len(leaks) == len(expected)
    for leak, raw in zip(leaks, expected, strict=True):
        assert leak.type == "id_card"
        assert leak.masked[:6] == ID_X[:6] or leak.masked[:6] == ID[:6]
        assert leak.masked[6:14] == "********"
        if raw is not None:
            assert text[leak.start : leak.end] == raw
            assert leak.masked == raw[:6] + "*" * 8 + raw[-4:].upper()


def test_a_six_digit_region_test_can_replace_the_province_list():
    only_hangzhou = IdCardCheck(TODAY, region_code_valid=lambda code: code.startswith("3301"))
    elsewhere = id_number(region="330501")
    assert len(only_hangzhou.scan(f"{ID} {elsewhere}")) == 1
    assert is_id_card(elsewhere, TODAY)


MOBILE_CASES = [
    ("手机：13812345678", [("138****5678", "13812345678")]),
    ("电话 138-1234-5678。", [("138****5678", "138-1234-5678")]),
    ("联系人王五 199 8765 4321", [("199****4321", "199 8765 4321")]),
    ("+8615912345678", [("159****5678", "+8615912345678")]),
    ("13812345678、13912345678", [("138****5678", "13812345678"), ("139****5678", "13912345678")]),
    (
        "张三 13812345678 13912345678",
        [("138****5678", "13812345678"), ("139****5678", "13912345678")],
    ),
    # decoys
    ("联系电话：0571-87654321", []),
    ("12345678901 及 10012345678", []),  # no 1[3-9] prefix
    ("订单138123456789", []),  # 12 digits
    ("编号：13812345678", []),
    ("统一社会信用代码 13812345678", []),
    ("版本 v13812345678", []),
    ("金额13812345678.50元", []),
    ("日期20261103，时间 2026-11-03 13:12", []),
    ("浙政办发〔2026〕12号", []),
    ("浙公网安备33010602000001号 网站标识码3300000001 浙ICP备13012345号-1", []),
    (f"卡号 {card_number(16, prefix='6222')}", []),
    ("卡号 6222 1381 2345 6789", []),
]


@pytest.mark.parametrize(("text", "expected"), MOBILE_CASES)
def test_mobile_numbers_are_found_and_their_decoys_are_not(text, expected):
    assert [(m, raw) for _, m, raw in found(MobileCheck(), text)] == expected


BANK_CASES = [
    (f"开户银行：工商银行 账号：{CARD16}", [CARD16]),
    (f"银行卡号 {CARD19}", [CARD19]),
    (f"卡号：{' '.join(CARD16[i : i + 4] for i in range(0, 16, 4))}", ["grouped"]),
    (f"{CARD16}（工商银行借记卡）", [CARD16]),
    # decoys
    (f"账号：{luhn_broken(CARD16)}", []),  # fails Luhn
    (f"订单 {CARD16}", []),  # no card word near
    (f"账号 编号{CARD16}", []),  # labelled as a serial
    (f"开户人身份证 {id_number(region='622101', born='19900101')}", []),
    (f"账号：{CARD16}9999", []),  # 20 digits
]


@pytest.mark.parametrize(("text", "expected"), BANK_CASES)
def test_bank_cards_need_luhn_and_a_card_word(text, expected):
    leaks = found(BankCardCheck(TODAY), text)
    assert len(leaks) == len(expected)
    for (kind, masked, raw), want in zip(leaks, expected, strict=True):
        digits = raw.replace(" ", "")
        assert kind == "bank_card"
        assert masked == mask_bank_card(digits)
        assert digits not in masked
        if want != "grouped":
            assert raw == want


def test_a_column_of_card_numbers_under_one_header_is_found_row_by_row():
    rows = [
        f"{n}\t张{n}\t{id_number(serial=f'{n:03d}')}\t{card_number(19, rnd=random.Random(n))}\t500元"
        for n in range(1, 6)
    ]
    text = "序号\t姓名\t身份证号码\t银行卡号\t补贴金额\n" + "\n".join(rows)
    assert [leak.type for leak in BankCardCheck(TODAY).scan(text)] == ["bank_card"] * 5


def test_a_few_luhn_valid_serials_far_from_a_card_word_are_not_cards():
    serials = "\n".join(f"项目{n}：{card_number(16, rnd=random.Random(n))}" for n in range(2))
    text = "开户银行：某银行。" + "正文" * 30 + "\n" + serials
    assert BankCardCheck(TODAY).scan(text) == []


def test_an_id_number_that_is_also_luhn_valid_is_only_an_id_card():
    both = next(
        number
        for serial in range(1000)
        if luhn_valid(number := id_number(region="622101", born="19900101", serial=f"{serial:03d}"))
    )
    text = f"开户银行账号 {both}"
    assert found(BankCardCheck(TODAY), text) == []
    assert len(IdCardCheck(TODAY).scan(text)) == 1


def test_luhn():
    assert luhn_valid("4111111111111111")
    assert not luhn_valid("4111111111111112")
