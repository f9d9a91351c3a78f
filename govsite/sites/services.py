"""Every state change of the site registry. Each writes an audit record."""

import datetime

from django.db import transaction
from django.utils import timezone

from govsite.core import access, audit
from govsite.core.errors import GovsiteValidationError
from govsite.core.models import Organization, Region, User

from .models import (
    DEFAULT_UPDATE_LIMIT_DAYS,
    Column,
    ColumnKind,
    Site,
    SiteDomain,
    SiteStatusChange,
)
from .signals import column_saved, site_saved
from .validators import normalize_domain, validate_icp, validate_police_record, validate_site_code

S = Site.Status
TRANSITIONS = {
    S.PLANNED: {S.OPEN, S.CLOSED},
    S.OPEN: {S.MIGRATING, S.CLOSED},
    S.MIGRATING: {S.OPEN, S.CLOSED},
    S.CLOSED: set(),
}


def _check_domain_free(domain: str, site: Site | None = None) -> None:
    taken = SiteDomain.objects.filter(domain=domain)
    if site is not None:
        taken = taken.exclude(site=site)
    other = taken.select_related("site").first()
    if other is not None:
        raise GovsiteValidationError(
            f"域名“{domain}”已被网站“{other.site.name}”使用",
            f"Domain {domain!r} is already used by site {other.site.name!r}",
            field="domain",
        )


def _division_codes() -> set[str]:
    return set(Region.objects.values_list("code", flat=True))


@transaction.atomic
def register_site(
    *,
    actor: User | None,
    name: str,
    domain: str,
    site_code: str,
    sponsor: Organization,
    kind: str,
    region: Region | None = None,
    aliases: list[str] = (),
    icp_number: str = "",
    police_record_number: str = "",
    on_platform: bool = False,
    home_url: str = "",
    status: str = S.PLANNED,
) -> Site:
    """Add a site to the registry with its main domain and aliases; records sites.site.create.

    Validates the site code, ICP and police numbers and that no domain is taken; writes nothing
    when any check fails. Sends ``site_saved`` after commit.
    """
    if actor is not None:
        access.require(actor, "site.create")
    name = (name or "").strip()
    if not name:
        raise GovsiteValidationError("网站名称不能为空", "Site name is required", field="name")
    if kind not in Site.Kind.values:
        raise GovsiteValidationError("网站类型无效", f"Unknown site kind {kind!r}", field="kind")
    if status not in S.values:
        raise GovsiteValidationError(
            "网站状态无效", f"Unknown site status {status!r}", field="status"
        )
    code = validate_site_code(site_code, _division_codes())
    if Site.objects.filter(site_code=code).exists():
        raise GovsiteValidationError(
            f"网站标识码“{code}”已被登记",
            f"Site code {code!r} is already registered",
            field="site_code",
        )
    main = normalize_domain(domain)
    names = [main, *(normalize_domain(a) for a in aliases if a and a.strip())]
    if len(set(names)) != len(names):
        raise GovsiteValidationError("域名重复", "The same domain is given twice", field="domain")
    for d in names:
        _check_domain_free(d)
    site = Site.objects.create(
        name=name,
        domain=main,
        site_code=code,
        sponsor=sponsor,
        kind=kind,
        region=region or sponsor.region,
        icp_number=validate_icp(icp_number),
        police_record_number=validate_police_record(police_record_number),
        on_platform=on_platform,
        home_url=home_url,
        status=status,
    )
    SiteDomain.objects.bulk_create(
        [SiteDomain(site=site, domain=d, is_main=(d == main)) for d in names]
    )
    SiteStatusChange.objects.create(
        site=site,
        to_status=status,
        effective_date=timezone.localdate(),
        recorded_by=actor,
        reason="登记",
    )
    audit.record("sites.site.create", site, actor=actor, changes={"after": _summary(site)})
    transaction.on_commit(lambda: site_saved.send(sender=Site, site=site, created=True))
    return site


def _summary(site: Site) -> dict:
    return {
        "name": site.name,
        "domain": site.domain,
        "site_code": site.site_code,
        "sponsor": site.sponsor.name,
        "kind": site.kind,
        "status": site.status,
        "icp_number": site.icp_number,
        "police_record_number": site.police_record_number,
    }


EDITABLE_SITE_FIELDS = ("name", "icp_number", "police_record_number", "home_url", "kind")


@transaction.atomic
def update_site(site: Site, *, actor: User | None, **fields) -> Site:
    """Change a site's descriptive fields; records the before/after of what changed."""
    if actor is not None:
        access.require(actor, "site.change", site)
    unknown = set(fields) - set(EDITABLE_SITE_FIELDS)
    if unknown:
        raise GovsiteValidationError(
            "不可修改的字段", f"Fields not editable here: {sorted(unknown)}"
        )
    if "name" in fields and not (fields["name"] or "").strip():
        raise GovsiteValidationError("网站名称不能为空", "Site name is required", field="name")
    if "kind" in fields and fields["kind"] not in Site.Kind.values:
        raise GovsiteValidationError(
            "网站类型无效", f"Unknown site kind {fields['kind']!r}", field="kind"
        )
    if "icp_number" in fields:
        fields["icp_number"] = validate_icp(fields["icp_number"])
    if "police_record_number" in fields:
        fields["police_record_number"] = validate_police_record(fields["police_record_number"])
    before = {k: getattr(site, k) for k in fields}
    for key, value in fields.items():
        setattr(site, key, value)
    site.save(update_fields=list(fields))
    audit.record(
        "sites.site.update", site, actor=actor, changes={"before": before, "after": fields}
    )
    transaction.on_commit(lambda: site_saved.send(sender=Site, site=site, created=False))
    return site


@transaction.atomic
def add_site_domain(site: Site, *, actor: User | None, domain: str) -> SiteDomain:
    """Add an alias domain; records sites.site_domain.create."""
    if actor is not None:
        access.require(actor, "site.change", site)
    domain = normalize_domain(domain)
    _check_domain_free(domain)
    row = SiteDomain.objects.create(site=site, domain=domain)
    audit.record(
        "sites.site_domain.create", site, actor=actor, changes={"after": {"domain": domain}}
    )
    return row


@transaction.atomic
def transition_site(
    site: Site,
    *,
    actor: User | None,
    to_status: str,
    effective_date: datetime.date | None = None,
    reason: str = "",
    successor: Site | None = None,
) -> Site:
    """Move a site through its lifecycle (planned → open → migrating → closed), dated.

    Records sites.site.transition and a SiteStatusChange row.
    """
    if actor is not None:
        access.require(actor, "site.lifecycle", site)
    site = Site.objects.select_for_update().get(pk=site.pk)
    if to_status not in TRANSITIONS.get(site.status, set()):
        raise GovsiteValidationError(
            f"网站状态不能从“{Site.Status(site.status).label}”变为“{Site.Status(to_status).label if to_status in S.values else to_status}”",
            f"A site cannot go from {site.status} to {to_status}",
            field="status",
        )
    change = SiteStatusChange.objects.create(
        site=site,
        from_status=site.status,
        to_status=to_status,
        effective_date=effective_date or timezone.localdate(),
        reason=reason[:300],
        successor=successor,
        recorded_by=actor,
    )
    before = site.status
    site.status = to_status
    site.save(update_fields=["status"])
    audit.record(
        "sites.site.transition",
        site,
        actor=actor,
        changes={
            "before": {"status": before},
            "after": {
                "status": to_status,
                "date": str(change.effective_date),
                "reason": reason,
                "successor": successor.pk if successor else None,
            },
        },
    )
    transaction.on_commit(lambda: site_saved.send(sender=Site, site=site, created=False))
    return site


@transaction.atomic
def create_column(
    site: Site,
    *,
    actor: User | None,
    name: str,
    kind: str,
    url: str = "",
    parent: Column | None = None,
    update_limit_days: int | None = None,
    responsible_org: Organization | None = None,
    page=None,
    sort_order: int = 0,
) -> Column:
    """Add a column to a site; its update limit defaults by kind. Records sites.column.create.

    Refused on a closed site. Sends ``column_saved`` after commit (cms then creates the
    column page of an on-platform site unless ``page`` is given).
    """
    if actor is not None:
        access.require(actor, "column.change", parent or site)
    if site.status == Site.Status.CLOSED:
        raise GovsiteValidationError(
            f"网站“{site.name}”已下线，不能新增栏目",
            f"Site {site.name!r} is closed; no new columns",
            field="site",
        )
    name = (name or "").strip()
    if not name:
        raise GovsiteValidationError("栏目名称不能为空", "Column name is required", field="name")
    if kind not in ColumnKind.values:
        raise GovsiteValidationError("栏目类型无效", f"Unknown column kind {kind!r}", field="kind")
    if parent is not None and parent.site_id != site.pk:
        raise GovsiteValidationError("上级栏目不属于该网站", "Parent column is on another site")
    if update_limit_days is not None and update_limit_days < 1:
        raise GovsiteValidationError(
            "更新时限须为正整数天", "Update limit must be a positive number of days"
        )
    url = (
        url.strip()
        or f"{site.url.rstrip('/')}/column-{Column.objects.filter(site=site).count() + 1}/"
    )
    if Column.objects.filter(site=site, url=url).exists():
        raise GovsiteValidationError(
            f"栏目地址“{url}”已存在", f"A column with URL {url!r} exists", field="url"
        )
    column = Column.objects.create(
        site=site,
        parent=parent,
        name=name,
        kind=kind,
        url=url,
        page=page,
        sort_order=sort_order,
        update_limit_days=update_limit_days or DEFAULT_UPDATE_LIMIT_DAYS.get(kind),
        responsible_org=responsible_org,
    )
    audit.record(
        "sites.column.create",
        column,
        actor=actor,
        changes={
            "after": {
                "name": name,
                "kind": kind,
                "url": url,
                "limit": column.update_limit_days,
                "responsible": str(responsible_org or ""),
            }
        },
    )
    transaction.on_commit(lambda: column_saved.send(sender=Column, column=column, created=True))
    return column


EDITABLE_COLUMN_FIELDS = (
    "name",
    "kind",
    "update_limit_days",
    "responsible_org",
    "url",
    "page",
    "sort_order",
)


@transaction.atomic
def update_column(column: Column, *, actor: User | None, **fields) -> Column:
    """Change a column; records the before/after. Sends ``column_saved`` after commit."""
    if actor is not None:
        access.require(actor, "column.change", column)
    unknown = set(fields) - set(EDITABLE_COLUMN_FIELDS)
    if unknown:
        raise GovsiteValidationError(
            "不可修改的字段", f"Fields not editable here: {sorted(unknown)}"
        )
    if column.site.status == Site.Status.CLOSED:
        raise GovsiteValidationError(
            f"网站“{column.site.name}”已下线，栏目不能修改",
            f"Site {column.site.name!r} is closed; its columns cannot change",
            field="site",
        )
    _check_column_fields(column, fields)
    before = {k: str(getattr(column, k)) for k in fields}
    for key, value in fields.items():
        setattr(column, key, value)
    column.save(update_fields=list(fields))
    audit.record(
        "sites.column.update",
        column,
        actor=actor,
        changes={"before": before, "after": {k: str(v) for k, v in fields.items()}},
    )
    transaction.on_commit(lambda: column_saved.send(sender=Column, column=column, created=False))
    return column


def _check_column_fields(column: Column, fields: dict) -> None:
    if "name" in fields and not (fields["name"] or "").strip():
        raise GovsiteValidationError("栏目名称不能为空", "Column name is required", field="name")
    if "kind" in fields and fields["kind"] not in ColumnKind.values:
        raise GovsiteValidationError(
            "栏目类型无效", f"Unknown column kind {fields['kind']!r}", field="kind"
        )
    limit = fields.get("update_limit_days")
    if limit is not None and limit < 1:
        raise GovsiteValidationError(
            "更新时限须为正整数天",
            "Update limit must be a positive number of days",
            field="update_limit_days",
        )
    if "url" in fields:
        fields["url"] = url = (fields["url"] or "").strip()
        if not url:
            raise GovsiteValidationError("栏目地址不能为空", "Column URL is required", field="url")
        if Column.objects.filter(site=column.site_id, url=url).exclude(pk=column.pk).exists():
            raise GovsiteValidationError(
                f"栏目地址“{url}”已存在", f"A column with URL {url!r} exists", field="url"
            )
