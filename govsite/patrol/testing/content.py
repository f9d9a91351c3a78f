"""Plain Chinese text for the generated site: titles, paragraphs, numbers that are and are not
personal data. Deterministic for a given random generator."""

from __future__ import annotations

import random

SUBJECTS = (
    "全市",
    "我区",
    "市政府",
    "市发展改革委",
    "市教育局",
    "市财政局",
    "市生态环境局",
    "市交通运输局",
    "市卫生健康委",
    "市市场监管局",
    "市应急管理局",
    "市自然资源局",
)
ACTIONS = ("召开", "部署", "推进", "开展", "印发", "组织", "启动", "完成")
TOPICS = (
    "安全生产工作会议",
    "优化营商环境专项行动",
    "乡村振兴重点任务",
    "城市更新试点",
    "防汛防台工作",
    "民生实事项目",
    "数字政府建设",
    "义务教育优质均衡发展",
    "基层治理创新",
    "生态环境保护督察整改",
    "消费券发放活动",
    "就业创业服务月",
    "文明城市创建",
    "政务服务“一网通办”",
    "老旧小区改造",
    "重点项目集中开工",
)
SENTENCES = (
    "会议强调，要坚持以人民为中心的发展思想，把各项工作抓实抓细抓到位。",
    "各地各部门要进一步提高思想认识，压实工作责任，确保各项任务落地见效。",
    "下一步，将持续完善工作机制，加强督促检查，推动政策措施早落地、早见效。",
    "据统计，今年以来全市累计完成投资同比增长百分之八点六，主要指标保持稳中有进。",
    "相关负责同志介绍了工作进展情况，并就下一阶段重点任务作了具体安排。",
    "欢迎社会各界通过政府网站“我为政府网站找错”平台提出意见建议。",
    "本通知自印发之日起施行，由市政府办公室负责解释。",
    "请各单位于规定时间内报送材料，逾期不予受理。",
    "活动期间，工作人员现场解答群众咨询，发放宣传资料两千余份。",
    "该项目总投资约十二亿元，建成后将有效改善周边居民出行条件。",
)
SOURCES = ("市政府办公室", "市融媒体中心", "市发展改革委", "市教育局", "市财政局", "区政府")


def title(rng: random.Random, kind: str) -> str:
    topic = rng.choice(TOPICS)
    if kind == "notice":
        return f"关于做好{topic}有关事项的通知"
    if kind == "policy":
        return f"{rng.choice(SUBJECTS)}关于印发{topic}实施方案的通知"
    if kind == "interpretation":
        return f"一图读懂{topic}实施方案"
    if kind == "personnel":
        return f"{rng.choice(SUBJECTS)}公开招聘工作人员公告"
    if kind == "planning":
        return f"{rng.choice(SUBJECTS)}{topic}三年行动计划"
    return f"{rng.choice(SUBJECTS)}{rng.choice(ACTIONS)}{topic}"


def paragraphs(rng: random.Random, n: int = 3) -> list[str]:
    return ["".join(rng.sample(SENTENCES, 2)) for _ in range(n)]


def id_check(first17: str) -> str:
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    return "10X98765432"[sum(int(c) * w for c, w in zip(first17, weights, strict=True)) % 11]


def id_number(rng: random.Random, valid: bool = True) -> str:
    region = rng.choice(("330203", "330106", "110105", "440305", "510107"))
    first17 = f"{region}{rng.randint(1960, 2000)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
    first17 += f"{rng.randint(0, 999):03d}"
    check = id_check(first17)
    if not valid:
        check = next(c for c in "0123456789X" if c != check)
    return first17 + check


def mobile(rng: random.Random) -> str:
    return (
        rng.choice(("138", "139", "150", "186", "137", "177")) + f"{rng.randint(0, 99999999):08d}"
    )


def luhn_complete(prefix: str) -> str:
    total = 0
    for i, c in enumerate(reversed(prefix)):
        d = int(c)
        if i % 2 == 0:
            d *= 2
            d -= 9 if d > 9 else 0
        total += d
    return prefix + str((10 - total % 10) % 10)


def bank_card(rng: random.Random) -> str:
    return luhn_complete("622202" + "".join(str(rng.randint(0, 9)) for _ in range(12)))
