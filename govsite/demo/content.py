"""Plausible Chinese government content from our own templates, deterministic for a seed."""

import random
from dataclasses import dataclass

TOPICS = {
    "portal": [
        "营商环境优化",
        "数字政府建设",
        "乡村振兴",
        "共同富裕示范区建设",
        "民生实事项目",
        "重大项目建设",
        "安全生产",
        "生态文明建设",
    ],
    "fzggw": ["重大项目建设", "营商环境优化", "节能降碳", "物价监测", "区域协调发展"],
    "jyt": ["义务教育优质均衡", "职业教育改革", "高校毕业生就业", "校园安全", "教师队伍建设"],
    "czt": ["预算绩效管理", "政府债务管理", "政府采购", "惠企资金直达", "财政收支"],
    "wjw": ["基层医疗卫生服务", "公共卫生应急", "家庭医生签约", "健康浙江行动", "医疗服务价格"],
    "sthjt": ["大气污染防治", "水环境治理", "固体废物管理", "生态环境执法", "碳达峰行动"],
    "scjg": ["食品安全监管", "特种设备安全", "知识产权保护", "市场主体登记", "产品质量抽查"],
    "jyj": ["中小学招生", "课后服务", "教育质量监测", "学前教育普及", "校外培训治理"],
}

NEWS_TITLES = [
    "{place}召开{topic}工作推进会",
    "{place}部署{topic}重点工作",
    "{place}{topic}取得阶段性成效",
    "{leader}赴基层调研{topic}工作",
    "{place}举办{topic}专题培训班",
    "{place}{topic}工作经验获全省推广",
]
NOTICE_TITLES = [
    "关于开展{year}年{topic}专项检查的通知",
    "关于做好{year}年{topic}相关工作的通知",
    "关于公布{year}年度{topic}名单的公告",
    "关于征求《{place}{topic}管理办法（征求意见稿）》意见的公告",
]
POLICY_TITLES = [
    "{place}关于印发《{topic}实施方案》的通知",
    "{place}关于进一步加强{topic}工作的意见",
    "{place}{topic}三年行动计划（{year}—{year2}年）",
]
INTERPRETATION_TITLES = ["《{place}{topic}实施方案》政策解读", "一图读懂：{place}{topic}新举措"]
PERSONNEL_TITLES = ["{place}{year}年公开招聘工作人员拟聘用人员公示", "{place}干部任前公示"]
PLANNING_TITLES = ["{place}{year}年{topic}工作要点", "{place}“十五五”{topic}专项规划"]
SERVICE_TITLES = ["{topic}办事指南", "{topic}常见问题解答"]

PARAGRAPHS = [
    "为深入贯彻落实党中央、国务院决策部署和省委、省政府工作要求，{place}坚持以人民为中心，"
    "扎实推进{topic}各项工作，取得积极成效。",
    "会议指出，{topic}是推动高质量发展的重要抓手。各地各部门要提高政治站位，压紧压实责任，"
    "确保各项任务落地见效。",
    "今年以来，{place}围绕{topic}目标任务，聚焦重点领域和关键环节，累计完成重点任务{n}项，"
    "惠及群众{m}万人次。",
    "下一步，{place}将持续深化改革创新，完善工作机制，强化督促检查，推动{topic}工作再上新台阶。",
    "各有关单位要加强统筹协调，建立健全工作台账，于每月{d}日前报送工作进展情况。",
    "联系人及电话详见附件。对执行中遇到的问题，请及时向{dept}反映。",
]

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高"
GIVEN = [
    "建国",
    "志强",
    "海燕",
    "晓明",
    "丽华",
    "国栋",
    "文静",
    "振华",
    "慧敏",
    "永强",
    "春梅",
    "立新",
]


@dataclass(frozen=True)
class Draft:
    title: str
    paragraphs: list[str]
    source: str
    author: str


class Writer:
    """Writes drafts for one column; the same seed always gives the same drafts."""

    def __init__(self, seed: str, *, place: str, dept: str, topics_key: str, leader: str):
        self.rng = random.Random(seed)
        self.place, self.dept, self.leader = place, dept, leader
        self.topics = TOPICS.get(topics_key, TOPICS["portal"])

    def draft(self, kind: str, year: int) -> Draft:
        rng = self.rng
        topic = rng.choice(self.topics)
        titles = {
            "dynamic": NEWS_TITLES,
            "notice": NOTICE_TITLES,
            "policy": POLICY_TITLES,
            "interpretation": INTERPRETATION_TITLES,
            "personnel": PERSONNEL_TITLES,
            "planning": PLANNING_TITLES,
            "service": SERVICE_TITLES,
        }.get(kind, NEWS_TITLES)
        fill = {
            "place": self.place,
            "topic": topic,
            "year": year,
            "year2": year + 2,
            "leader": self.leader,
            "dept": self.dept,
            "n": rng.randint(12, 96),
            "m": rng.randint(3, 80),
            "d": rng.randint(5, 25),
        }
        title = rng.choice(titles).format(**fill)
        count = rng.randint(3, 5)
        chosen = sorted(rng.sample(range(len(PARAGRAPHS)), count))  # keep the text's own order
        paragraphs = [PARAGRAPHS[i].format(**fill) for i in chosen]
        return Draft(
            title=title, paragraphs=paragraphs, source=self.dept or self.place, author=self.person()
        )

    def person(self) -> str:
        return self.rng.choice(SURNAMES) + self.rng.choice(GIVEN)
