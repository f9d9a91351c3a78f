"""The shared cast of every test: a small province, its sites and one user per role.

Built through the services, so audit records and side effects are exercised too.
"""

import pytest
from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import APIToken

from govsite.core import services as core_services
from govsite.core.models import Organization, Region
from govsite.core.regions import load_regions
from govsite.core.roles import Role, ScopeType
from govsite.sites import services as site_services
from govsite.sites.models import ColumnKind, Site

PASSWORD = "Cast#2026pass"


@pytest.fixture
def province(db):
    """浙江省: the provincial government, two departments, Hangzhou and one of its bureaus."""
    load_regions(
        Region
    )  # regions come from a data migration; a transactional test's flush empties them
    zj, hz = Region.objects.get(code="330000"), Region.objects.get(code="330100")
    gov = core_services.create_organization(
        actor=None, name="浙江省人民政府", kind=Organization.Kind.GOVERNMENT, region=zj
    )
    make = core_services.create_organization
    edu = make(actor=None, name="浙江省教育厅", kind="department", region=zj, parent=gov)
    fin = make(actor=None, name="浙江省财政厅", kind="department", region=zj, parent=gov)
    hz_gov = make(actor=None, name="杭州市人民政府", kind="government", region=hz, parent=gov)
    hz_edu = make(actor=None, name="杭州市教育局", kind="department", region=hz, parent=hz_gov)
    vendor = make(actor=None, name="浙江数智运维有限公司", kind="vendor", region=zj)
    return {
        "gov": gov,
        "edu": edu,
        "fin": fin,
        "hz_gov": hz_gov,
        "hz_edu": hz_edu,
        "vendor": vendor,
    }


def _site(name, domain, code, sponsor, kind, **kw):
    return site_services.register_site(
        actor=None,
        name=name,
        domain=domain,
        site_code=code,
        sponsor=sponsor,
        kind=kind,
        status=Site.Status.OPEN,
        icp_number="浙ICP备05070218号",
        police_record_number="浙公网安备33010602000001号",
        **kw,
    )


@pytest.fixture
def sites(province):
    """The portal (with a column the education department is responsible for), the education
    department's site, the finance department's site and an external Hangzhou site."""
    portal = _site(
        "浙江省人民政府门户网站", "www.zj.gov.cn", "3300000001", province["gov"], "portal"
    )
    edu = _site("浙江省教育厅网站", "jyt.zj.gov.cn", "3300000002", province["edu"], "department")
    fin = _site("浙江省财政厅网站", "czt.zj.gov.cn", "3300000003", province["fin"], "department")
    hz_edu = _site(
        "杭州市教育局网站",
        "edu.hangzhou.gov.cn",
        "3301000005",
        province["hz_edu"],
        "department",
        home_url="http://127.0.0.1:9/",
    )
    col = site_services.create_column
    cols = {
        "portal_news": col(
            portal,
            actor=None,
            name="要闻动态",
            kind=ColumnKind.DYNAMIC,
            url="http://www.zj.gov.cn/news/",
        ),
        "portal_edu": col(
            portal,
            actor=None,
            name="教育公开",
            kind=ColumnKind.POLICY,
            url="http://www.zj.gov.cn/edu/",
            responsible_org=province["edu"],
        ),
        "edu_notice": col(
            edu,
            actor=None,
            name="通知公告",
            kind=ColumnKind.NOTICE,
            url="http://jyt.zj.gov.cn/notice/",
        ),
        "fin_policy": col(
            fin,
            actor=None,
            name="政策文件",
            kind=ColumnKind.POLICY,
            url="http://czt.zj.gov.cn/policy/",
        ),
    }
    return {"portal": portal, "edu": edu, "fin": fin, "hz_edu": hz_edu, "columns": cols}


def _user(username, org, role, scope_type, scope_id=None):
    user = core_services.create_user(
        actor=None,
        username=username,
        password=PASSWORD,
        organization=org,
        must_change_password=False,
    )
    if role:
        core_services.grant_role(
            user, actor=None, role=role, scope_type=scope_type, scope_id=scope_id
        )
    return user


@pytest.fixture
def cast(province, sites):
    """One user per role, each on a realistic scope."""
    p, s = province, sites
    return {
        "platform_admin": _user(
            "platform_admin", p["gov"], Role.PLATFORM_ADMIN, ScopeType.PLATFORM
        ),
        "security_admin": _user(
            "security_admin", p["gov"], Role.SECURITY_ADMIN, ScopeType.PLATFORM
        ),
        "auditor": _user("auditor", p["gov"], Role.AUDITOR, ScopeType.PLATFORM),
        "sponsor_admin": _user(
            "sponsor_admin", p["edu"], Role.SITE_ADMIN, ScopeType.SITE, s["edu"].pk
        ),
        "sponsor_editor": _user(
            "sponsor_editor", p["edu"], Role.EDITOR, ScopeType.SITE, s["edu"].pk
        ),
        "sponsor_reviewer": _user(
            "sponsor_reviewer", p["edu"], Role.REVIEWER, ScopeType.SITE, s["edu"].pk
        ),
        "department_editor": _user(
            "department_editor",
            p["edu"],
            Role.CONTRIBUTOR,
            ScopeType.COLUMN,
            s["columns"]["portal_edu"].pk,
        ),
        "fin_editor": _user("fin_editor", p["fin"], Role.EDITOR, ScopeType.SITE, s["fin"].pk),
        "vendor_engineer": _user(
            "vendor_engineer",
            p["vendor"],
            Role.VENDOR_ENGINEER,
            ScopeType.ORGANIZATION,
            p["edu"].pk,
        ),
        "inspector": _user("inspector", p["gov"], Role.INSPECTOR, ScopeType.PLATFORM),
        "citizen": _user("citizen", None, None, None),
    }


@pytest.fixture
def api_as():
    """``api_as(user)``: a client sending that user's Wagtail API token (None: no token)."""

    def make(user):
        if user is None:
            return Client()
        _, plaintext = APIToken.create_token(user=user, name="tests")
        return Client(headers={"authorization": f"Bearer {plaintext}"})

    return make


@pytest.fixture
def admin_as():
    """``admin_as(user)``: a logged-in browser that passed TOTP, as after the real sign-in."""

    def make(user):
        client = Client()
        client.force_login(user)
        device = TOTPDevice.objects.create(user=user, name="tests", confirmed=True)
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
        return client

    return make
