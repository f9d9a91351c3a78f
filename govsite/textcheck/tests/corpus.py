"""A small generated corpus of page texts with injected defects, decoys and ground truth.

Every planted item sits in its own paragraph between filler sentences longer than the label
windows, so a decoy never borrows a card or phone word from its neighbour.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from govsite.textcheck import Official
from govsite.textcheck.masking import mask_bank_card, mask_id_card, mask_mobile
from govsite.textcheck.tests.factories import card_number, id_number, luhn_broken, wrong_check

OFFICIALS = [
    Official("张建国", "市长"),
    Official("李明华", "副市长"),
    Official("王伟", "副市长"),
    Official("陈思远", "秘书长"),
]
FILLER = [
    "为深入贯彻落实党的二十大精神，进一步优化营商环境，推动经济社会高质量发展，现将有关事项通知如下。",
    "各县（市、区）人民政府，市政府各部门、各直属单位要高度重视，切实加强组织领导，确保各项工作落到实处。",
    "本次活动坚持以人民为中心的发展思想，围绕群众急难愁盼问题，扎实推进民生实事项目建设，取得明显成效。",
    "会议听取了上半年重点工作推进情况汇报，研究部署下一阶段工作任务，要求各单位压实责任、形成合力。",
    "全市上下要统筹发展和安全，守牢安全生产底线，扎实做好防汛防台、森林防火和城市运行保障各项工作。",
]
REGIONS = ["110101", "310104", "330102", "330106", "440305", "510107", "620102", "820000"]
TERMS = ["国家工商行政管理总局", "国土资源部", "环境保护部", "中华人民共合国",
         "浙江省质量技术监督局", "国家卫生和计划生育委员会", "西湖区农业局"]  # fmt: skip
TERM_KEYS = {"浙江省质量技术监督局": "质量技术监督局", "西湖区农业局": "农业局"}


@dataclass
class Document:
    text: str
    truth: list[tuple] = field(default_factory=list)
    raw_values: list[str] = field(default_factory=list)


def _id(rnd: random.Random) -> str:
    born = f"{rnd.randint(1950, 2005)}{rnd.randint(1, 12):02d}{rnd.randint(1, 28):02d}"
    return id_number(rnd.choice(REGIONS), born, f"{rnd.randint(0, 999):03d}")


def _mobile(rnd: random.Random) -> str:
    return f"1{rnd.choice('3456789')}{rnd.randint(0, 999_999_999):09d}"


def positives(rnd: random.Random) -> list[tuple[str, list[tuple], str | None]]:
    """(sentence, truth keys, raw value) for each kind of planted defect."""
    person, phone, card = _id(rnd), _mobile(rnd), card_number(rnd.choice((16, 19)), rnd=rnd)
    term = rnd.choice(TERMS)
    grouped = " ".join(card[i : i + 4] for i in range(0, len(card), 4))
    return [
        (f"申请人身份证号：{person}，特此公示。",
         [("privacy_leak", "id_card", mask_id_card(person))], person),
        (f"联系人手机：{phone}。", [("privacy_leak", "mobile", mask_mobile(phone))], phone),
        (f"补贴发放至开户银行账号 {grouped}。",
         [("privacy_leak", "bank_card", mask_bank_card(card))], card),
        (f"根据{term}有关规定执行。", [("sensitive_word", TERM_KEYS.get(term, term))], None),
        ("张建图市长出席会议并讲话。", [("wrong_name", "张建图", "张建国")], None),
        ("市长章建国在会上强调。", [("wrong_name", "章建国", "张建国")], None),
        ("副市长王玮主持会议。", [("wrong_name", "王玮", "王伟")], None),
        (f"陈斯远同志联系电话{phone}。",
         [("wrong_name", "陈斯远", "陈思远"), ("privacy_leak", "mobile", mask_mobile(phone))],
         phone),
    ]  # fmt: skip


def decoys(rnd: random.Random) -> list[str]:
    person = _id(rnd)
    card = card_number(16, rnd=rnd)
    return [
        f"身份证号：{wrong_check(person)}。",
        f"身份证号：{id_number(born='20301231')}。",
        f"浙政办发〔{rnd.randint(2015, 2026)}〕{rnd.randint(1, 99)}号",
        f"网站标识码{rnd.randint(3300000001, 3399999999)}",
        f"浙公网安备{rnd.randint(33010000000000, 33019999999999)}号",
        f"浙ICP备{rnd.randint(10000000, 99999999)}号-1",
        f"联系电话：0571-{rnd.randint(80000000, 89999999)}",
        f"编号：{_mobile(rnd)}",
        f"发布日期：{rnd.randint(2020, 2026)}{rnd.randint(1, 12):02d}{rnd.randint(10, 28)}",
        f"开户银行账号：{luhn_broken(card)}",
        f"订单流水{card}",
        "市长张建国、副市长李明华、王伟，秘书长陈思远出席。",
        "原国土资源部、原农业部的职责已调整，农业部门和文化部门要做好衔接。",
        "国家市场监督管理总局、自然资源部、生态环境部、中华人民共和国。",
        "企业实力强大，市场前景广阔。",
    ]


def generate(count: int = 60, seed: int = 3) -> list[Document]:
    rnd = random.Random(seed)
    documents = []
    for _ in range(count):
        document = Document("")
        paragraphs = []
        items = rnd.sample(positives(rnd), 4) + [(d, [], None) for d in rnd.sample(decoys(rnd), 6)]
        rnd.shuffle(items)
        for sentence, truth, raw in items:
            paragraphs += [rnd.choice(FILLER), sentence]
            document.truth += truth
            if raw:
                document.raw_values.append(raw)
        paragraphs.append(rnd.choice(FILLER))
        document.text = "\n".join(paragraphs)
        documents.append(document)
    return documents
