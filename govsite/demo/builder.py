"""Build the demo province through the services, idempotently: a second run changes nothing."""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field

from django.utils import timezone

from govsite.cms import services as cms_services
from govsite.core import services as core_services
from govsite.core.models import Organization, Region, RoleGrant, User
from govsite.core.regions import load_regions
from govsite.sites import services as site_services
from govsite.sites.models import Column, Site

from . import defects
from .content import Writer
from .plan import (
    COLUMNS,
    DEMO_PASSWORD,
    LEADERS,
    PROVINCE,
    USERS,
    VENDOR,
    OrgPlan,
    local_alias,
    site_key,
    walk,
)


@dataclass
class Summary:
    organizations: int = 0
    sites_on_platform: int = 0
    sites_external: int = 0
    columns: int = 0
    articles: int = 0
    users: list[tuple[str, str, str]] = field(default_factory=list)
    created: int = 0


class DemoBuilder:
    def __init__(
        self,
        *,
        today: datetime.date,
        scale: float = 1.0,
        progress: Callable[[str], None] = lambda _msg: None,
    ):
        self.today, self.scale, self.progress = today, scale, progress
        self.orgs: dict[str, Organization] = {}
        self.sites: dict[str, Site] = {}
        self.summary = Summary()

    def build(self) -> Summary:
        load_regions(Region)  # a no-op unless the table was emptied (e.g. by a test flush)
        for plan, parent in walk(PROVINCE):
            self._organization(plan, parent)
        self._organization(VENDOR, None)
        for plan, parent in walk(PROVINCE):
            if plan.site is not None:
                self._site(plan, parent)
        self._users()
        s = self.summary
        s.organizations = Organization.objects.count()
        s.sites_on_platform = Site.objects.filter(on_platform=True).count()
        s.sites_external = Site.objects.filter(on_platform=False).count()
        s.columns = Column.objects.count()
        return s

    # organisations -------------------------------------------------------------------------
    def _organization(self, plan: OrgPlan, parent: OrgPlan | None) -> None:
        region = Region.objects.get(code=plan.region)
        org = Organization.objects.filter(name=plan.name, region=region).first()
        if org is None:
            org = core_services.create_organization(
                actor=None,
                name=plan.name,
                kind=plan.kind,
                region=region,
                parent=self.orgs[parent.name] if parent else None,
            )
            self.summary.created += 1
        self.orgs[plan.name] = org

    # sites and columns ---------------------------------------------------------------------
    def _site(self, plan: OrgPlan, parent: OrgPlan | None) -> None:
        sp = plan.site
        key = site_key(sp.domain)
        site = Site.objects.filter(domain=sp.domain).first()
        if site is None:
            external = sp.external_port is not None
            site = site_services.register_site(
                actor=None,
                name=sp.name,
                domain=sp.domain,
                site_code=self._site_code(plan),
                sponsor=self.orgs[plan.name],
                kind="department" if plan.kind == "department" else "portal",
                aliases=[] if external else [local_alias(sp.domain)],
                icp_number=f"浙ICP备{10000000 + len(self.sites) * 7919:08d}号",
                police_record_number=f"浙公网安备{plan.region}{len(self.sites) + 2000000:08d}号",
                on_platform=not external,
                status=Site.Status.OPEN,
                home_url=f"http://127.0.0.1:{sp.external_port}/" if external else "",
            )
            self.summary.created += 1
        self.sites[key] = site
        if site.on_platform:
            self.progress(f"{site.name}")
            self._identity(site, plan)
            self._columns(site, key, plan, parent)

    def _identity(self, site: Site, plan: OrgPlan) -> None:
        site.refresh_from_db()
        area = {"3300": "0571", "3301": "0571", "3302": "0574", "3303": "0577"}[plan.region[:4]]
        cms_services.update_site_identity(
            site,
            actor=None,
            undertaker=f"{plan.name}办公室",
            contact_phone=f"{area}-8{int(site.site_code[-6:]) % 10_000_000:07d}",
            contact_email=f"webmaster@{site.domain.removeprefix('www.')}",
            contact_address=f"{Region.objects.get(code=plan.region).full_name}人民路{len(plan.name) * 7}号",
            postcode=f"{plan.region[:4]}00"[:6],
            party_gov_badge_url=f"https://bszs.conac.cn/sitename?method=show&id={site.site_code}",
        )

    def _site_code(self, plan: OrgPlan) -> str:
        taken = Site.objects.filter(site_code__startswith=plan.region).count()
        return f"{plan.region}{taken + 1:04d}"

    def _columns(self, site: Site, key: str, plan: OrgPlan, parent: OrgPlan | None) -> None:
        columns = list(COLUMNS)
        if key == "zj":
            columns.insert(3, ("jiaoyu", "教育公开", "policy", 4))
        for order, (slug, name, kind, count) in enumerate(columns):
            url = f"{site.url}{slug}/"
            column = Column.objects.filter(site=site, url=url).first()
            if column is None:
                responsible = self.orgs.get("浙江省教育厅") if slug == "jiaoyu" else None
                column = site_services.create_column(
                    site,
                    actor=None,
                    name=name,
                    kind=kind,
                    url=url,
                    sort_order=order,
                    responsible_org=responsible,
                )
                self.summary.created += 1
            column.refresh_from_db()
            if not defects.is_blank(key, slug):
                self._articles(column, key, slug, kind, plan, max(1, round(count * self.scale)))

    # articles ------------------------------------------------------------------------------
    def _articles(self, column: Column, key: str, slug: str, kind: str, plan: OrgPlan, count: int):
        existing = cms_services.article_count(column)
        if existing >= count:
            self.summary.articles += existing
            return
        region_code = plan.region[:4] + "00" if plan.region[4:] != "00" else plan.region
        leader = LEADERS.get(region_code, LEADERS["330000"])
        writer = Writer(
            f"{key}/{slug}",
            place=plan.name.removesuffix("人民政府"),
            dept=plan.name,
            topics_key=plan.site.topics,
            leader=leader,
        )
        spacing = {"dynamic": 3, "notice": 20, "policy": 30}.get(kind, 45)
        offset = defects.stale_offset_days(key, slug)
        for index in range(count):
            draft = writer.draft(kind, self.today.year)
            extra, date_override = defects.article_extra(key, slug, index, self.today)
            day = date_override or self.today - datetime.timedelta(
                days=1 + offset + index * spacing
            )
            if index < existing:
                continue
            cms_services.create_article(
                column,
                actor=None,
                title=draft.title,
                body_paragraphs=[*draft.paragraphs, *(extra or [])],
                publish_date=timezone.make_aware(
                    datetime.datetime.combine(day, datetime.time(9, 30))
                ),
                source=draft.source,
                author=draft.author,
                links=defects.article_links(key, slug, index),
            )
            self.summary.created += 1
        self.summary.articles += count

    # users -----------------------------------------------------------------------------------
    def _users(self) -> None:
        for username, display, role, scope_type, scope_key in USERS:
            user = User.objects.filter(username=username).first()
            org = (
                self.orgs[VENDOR.name]
                if role == "vendor_engineer"
                else self._user_org(scope_type, scope_key)
            )
            if user is None:
                person = display.split("·")[1]  # Chinese names read surname first, as one string
                user = core_services.create_user(
                    actor=None,
                    username=username,
                    password=DEMO_PASSWORD,
                    organization=org,
                    must_change_password=False,
                    first_name=person,
                    email=f"{username}@zj.example.cn",
                )
                self.summary.created += 1
            scope_id = self._scope_id(scope_type, scope_key)
            if not RoleGrant.objects.filter(user=user, role=role).exists():
                core_services.grant_role(
                    user, actor=None, role=role, scope_type=scope_type, scope_id=scope_id
                )
                self.summary.created += 1
            self.summary.users.append((username, display, role))

    def _user_org(self, scope_type: str, scope_key) -> Organization:
        if scope_type == "organization":
            return self.orgs[scope_key]
        if scope_type == "site":
            return self.sites[scope_key].sponsor
        if scope_type == "column":
            return self.orgs["浙江省教育厅"]
        return self.orgs["浙江省人民政府"]

    def _scope_id(self, scope_type: str, scope_key) -> int | None:
        if scope_type == "organization":
            return self.orgs[scope_key].pk
        if scope_type == "site":
            return self.sites[scope_key].pk
        if scope_type == "column":
            site = self.sites[scope_key[0]]
            return Column.objects.get(site=site, url=f"{site.url}{scope_key[1]}/").pk
        return None


def build_demo(*, today: datetime.date | None = None, scale: float = 1.0, progress=None) -> Summary:
    return DemoBuilder(
        today=today or timezone.localdate(), scale=scale, progress=progress or (lambda _m: None)
    ).build()
