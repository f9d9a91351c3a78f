"""The demo province as data: 浙江省, three cities, nine counties, their departments and sites."""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class SitePlan:
    slug: str  # pinyin, used for domains and for the *.localhost alias
    name: str
    domain: str
    topics: str  # key into content.TOPICS
    external_port: int | None = None  # external sites are served by the demo on 127.0.0.1


@dataclass(frozen=True)
class OrgPlan:
    name: str
    kind: str
    region: str
    site: SitePlan | None = None
    children: list["OrgPlan"] = field(default_factory=list)


def _dept(name, slug, parent_domain, topics, region, port=None):
    return OrgPlan(
        name,
        "department",
        region,
        SitePlan(slug, f"{name}网站", f"{slug}.{parent_domain}", topics, port),
    )


def _county(region, name, slug, domain):
    return OrgPlan(
        f"{name}人民政府",
        "government",
        region,
        SitePlan(slug, f"{name}人民政府门户网站", domain, "portal"),
    )


def _city(region, name, slug, counties, dept_port):
    domain = f"www.{slug}.gov.cn"
    return OrgPlan(
        f"{name}人民政府",
        "government",
        region,
        SitePlan(slug, f"{name}人民政府门户网站", domain, "portal"),
        [
            _dept(f"{name}教育局", "jyj", f"{slug}.gov.cn", "jyj", region),
            _dept(
                f"{name}统计局" if dept_port % 2 else f"{name}交通运输局",
                "tjj" if dept_port % 2 else "jtj",
                f"{slug}.gov.cn",
                "portal",
                region,
                dept_port,
            ),
            *counties,
        ],
    )


PROVINCE = OrgPlan(
    "浙江省人民政府",
    "government",
    "330000",
    SitePlan("zj", "浙江省人民政府门户网站", "www.zj.gov.cn", "portal"),
    [
        _dept("浙江省发展和改革委员会", "fzggw", "zj.gov.cn", "fzggw", "330000"),
        _dept("浙江省教育厅", "jyt", "zj.gov.cn", "jyt", "330000"),
        _dept("浙江省财政厅", "czt", "zj.gov.cn", "czt", "330000"),
        _dept("浙江省卫生健康委员会", "wsjkw", "zj.gov.cn", "wjw", "330000"),
        _dept("浙江省生态环境厅", "sthjt", "zj.gov.cn", "sthjt", "330000"),
        _dept("浙江省市场监督管理局", "zjamr", "zj.gov.cn", "scjg", "330000"),
        _dept("浙江省统计局", "tjj", "zj.gov.cn", "portal", "330000", 8101),
        _dept("浙江省交通运输厅", "jtyst", "zj.gov.cn", "portal", "330000", 8102),
        _city(
            "330100",
            "杭州市",
            "hangzhou",
            [
                _county("330102", "上城区", "shangcheng", "www.hzsc.gov.cn"),
                _county("330106", "西湖区", "xihu", "www.hzxh.gov.cn"),
                _county("330122", "桐庐县", "tonglu", "www.tonglu.gov.cn"),
            ],
            8103,
        ),
        _city(
            "330200",
            "宁波市",
            "ningbo",
            [
                _county("330203", "海曙区", "haishu", "www.haishu.gov.cn"),
                _county("330225", "象山县", "xiangshan", "www.xiangshan.gov.cn"),
                _county("330281", "余姚市", "yuyao", "www.yy.gov.cn"),
            ],
            8104,
        ),
        _city(
            "330300",
            "温州市",
            "wenzhou",
            [
                _county("330302", "鹿城区", "lucheng", "www.lucheng.gov.cn"),
                _county("330324", "永嘉县", "yongjia", "www.yj.gov.cn"),
                _county("330381", "瑞安市", "ruian", "www.ruian.gov.cn"),
            ],
            8105,
        ),
    ],
)

VENDOR = OrgPlan("浙江数智政务运维有限公司", "vendor", "330100")

# column slug, name, kind, articles at scale 1
COLUMNS = [
    ("news", "要闻动态", "dynamic", 10),
    ("notice", "通知公告", "notice", 6),
    ("policy", "政策文件", "policy", 5),
    ("jiedu", "政策解读", "interpretation", 3),
    ("renshi", "人事信息", "personnel", 2),
    ("guihua", "规划计划", "planning", 2),
    ("bsfw", "办事服务", "service", 1),
]

# Leaders by region, "name+title"; written to the officials file the patrol checks names with.
LEADERS = {
    "330000": "陈国华省长",
    "330100": "王建国市长",
    "330200": "李振华市长",
    "330300": "周立新市长",
}

DEMO_PASSWORD = "Govsite#2026"

# username, display name, role, scope kind, scope key (org name, site slug or site/column)
USERS = [
    ("pingtai", "平台管理员·孙丽", "platform_admin", "platform", None),
    ("anquan", "安全管理员·赵强", "security_admin", "platform", None),
    ("shenji", "审计管理员·钱敏", "auditor", "platform", None),
    ("jiancha", "检查人员·吴涛", "inspector", "platform", None),
    ("zj_admin", "省门户网站管理员·郑雪", "site_admin", "site", "zj"),
    ("zj_editor", "省门户编辑·何静", "editor", "site", "zj"),
    ("zj_reviewer", "省门户审核·许峰", "reviewer", "site", "zj"),
    ("jyt_editor", "教育厅编辑·林芳", "editor", "site", "jyt-zj"),
    ("jyt_contrib", "教育厅责任栏目供稿·高远", "contributor", "column", ("zj", "jiaoyu")),
    ("hz_admin", "杭州市网站管理员·马骏", "site_admin", "organization", "杭州市人民政府"),
    ("hz_editor", "杭州门户编辑·罗兰", "editor", "site", "hangzhou"),
    ("vendor", "运维工程师·胡斌", "vendor_engineer", "organization", "浙江省人民政府"),
]


def site_key(domain: str) -> str:
    """A short key of a demo site: its domain without www. and .gov.cn, dots as dashes."""
    return domain.removeprefix("www.").removesuffix(".gov.cn").replace(".", "-")


def local_alias(domain: str) -> str:
    """The *.localhost name a browser on this machine resolves to 127.0.0.1."""
    return f"{site_key(domain)}.localhost"


def walk(org: OrgPlan, parent: OrgPlan | None = None):
    yield org, parent
    for child in org.children:
        yield from walk(child, org)


def officials_tsv() -> str:
    """The demo's officials as the patrol's ``--names`` file: ``name<TAB>title`` a line."""
    return "".join(f"{v[:3]}\t{v[3:]}\n" for v in LEADERS.values())
