"""REST adapters of the site registry: sites, their lifecycle and their columns.

Reads go through ``access`` (an invisible object is a 404); writes go through ``services``,
which check capabilities and write the audit record. Mounted under /api/v1/ by config/api.py.
"""

import datetime

from django.db.models import Prefetch
from ninja import Field, Router, Schema, Status
from ninja.pagination import paginate

from govsite.core import access as core_access
from govsite.core.api import OrgRef, Pagination, region_or_invalid
from govsite.core.errors import GovsiteValidationError

from . import access, services
from .filters import filter_sites
from .models import Column, Site, SiteDomain, SiteStatusChange

router = Router(tags=["sites"])
HTTP_URL = r"^(https?://[^\s/$.?#][^\s]*)?$"


class StatusChangeOut(Schema):
    from_status: str
    to_status: str
    effective_date: datetime.date
    reason: str
    successor_id: int | None = None
    recorded_at: datetime.datetime


class SiteOut(Schema):
    id: int
    name: str
    domain: str
    aliases: list[str]
    site_code: str
    kind: str
    status: str
    on_platform: bool
    home_url: str
    url: str
    region_code: str
    sponsor: OrgRef
    icp_number: str
    police_record_number: str
    created_at: datetime.datetime

    @staticmethod
    def resolve_aliases(obj: Site) -> list[str]:
        return [d.domain for d in obj.domains.all() if not d.is_main]

    @staticmethod
    def resolve_region_code(obj: Site) -> str:
        return obj.region.code


class SiteDetailOut(SiteOut):
    status_history: list[StatusChangeOut]

    @staticmethod
    def resolve_status_history(obj: Site) -> list[SiteStatusChange]:
        return list(obj.status_changes.order_by("effective_date", "pk"))


class SiteCreateIn(Schema):
    name: str = Field(max_length=128)
    domain: str = Field(max_length=255)
    aliases: list[str] = Field(default_factory=list, max_length=20)
    site_code: str = Field(max_length=32)
    sponsor_id: int
    kind: str = Field(max_length=16)
    region_code: str | None = Field(None, description="默认取主办单位所在行政区划")
    icp_number: str = Field("", max_length=40)
    police_record_number: str = Field("", max_length=40)
    on_platform: bool = False
    home_url: str = Field("", max_length=500, pattern=HTTP_URL)
    status: str = Field(Site.Status.PLANNED, description="planned 或 open")


class SiteUpdateIn(Schema):
    name: str | None = Field(None, max_length=128)
    kind: str | None = Field(None, max_length=16)
    icp_number: str | None = Field(None, max_length=40)
    police_record_number: str | None = Field(None, max_length=40)
    home_url: str | None = Field(None, max_length=500, pattern=HTTP_URL)


class TransitionIn(Schema):
    to_status: str = Field(max_length=16)
    effective_date: datetime.date | None = None
    reason: str = Field("", max_length=300)
    successor_id: int | None = None


class DomainIn(Schema):
    domain: str = Field(max_length=255)


class ColumnOut(Schema):
    id: int
    site_id: int
    parent_id: int | None = None
    name: str
    url: str
    kind: str
    update_limit_days: int | None = None
    responsible_org: OrgRef | None = None
    sort_order: int


class ColumnCreateIn(Schema):
    name: str = Field(max_length=64)
    kind: str = Field(max_length=16)
    url: str = Field("", max_length=500)
    parent_id: int | None = None
    update_limit_days: int | None = Field(None, ge=1, le=36500)
    responsible_org_id: int | None = None
    sort_order: int = Field(0, ge=0, le=1_000_000)


class ColumnUpdateIn(Schema):
    name: str | None = Field(None, max_length=64)
    kind: str | None = Field(None, max_length=16)
    url: str | None = Field(None, max_length=500)
    update_limit_days: int | None = Field(None, ge=1, le=36500)
    responsible_org_id: int | None = None
    sort_order: int | None = Field(None, ge=0, le=1_000_000)


def _site_rows(queryset):
    return queryset.select_related("sponsor", "region").prefetch_related(
        Prefetch("domains", queryset=SiteDomain.objects.order_by("pk"))
    )


def _visible_site(request, site_id: int) -> Site:
    site = access.get_site_for_user(request.user, site_id)
    return _site_rows(Site.objects.filter(pk=site.pk)).get()


def _organization(request, pk: int | None, field: str, zh: str):
    if pk is None:
        return None
    org = core_access.organizations_visible_to(request.user).filter(pk=pk).first()
    if org is None:
        raise GovsiteValidationError(f"{zh}不存在", f"No such organisation: {pk}", field=field)
    return org


@router.get("/sites/", response=list[SiteOut], summary="网站列表 / List sites")
@paginate(Pagination)
def list_sites(
    request,
    region: str | None = None,
    status: Site.Status | None = None,
    kind: Site.Kind | None = None,
    on_platform: bool | None = None,
    q: str | None = None,
):
    region_row = region_or_invalid(region, field="region") if region else None
    sites = filter_sites(
        access.sites_visible_to(request.user),
        region=region_row,
        status=status,
        kind=kind,
        on_platform=on_platform,
        q=q,
    )
    return _site_rows(sites).order_by("site_code")


@router.get("/sites/{int:site_id}/", response=SiteDetailOut, summary="网站 / Site")
def get_site(request, site_id: int):
    return _visible_site(request, site_id)


@router.post("/sites/", response={201: SiteDetailOut}, summary="登记网站 / Register a site")
def create_site(request, data: SiteCreateIn):
    core_access.require(request.user, "site.create")
    if data.status not in (Site.Status.PLANNED, Site.Status.OPEN):
        raise GovsiteValidationError(
            "新登记网站的状态只能是“筹建”或“运行”",
            "A new site is either planned or open",
            field="status",
        )
    fields = data.dict(exclude={"sponsor_id", "region_code"})
    fields["sponsor"] = _organization(request, data.sponsor_id, "sponsor_id", "主办单位")
    if data.region_code:
        fields["region"] = region_or_invalid(data.region_code)
    site = services.register_site(actor=request.user, **fields)
    return Status(201, _visible_site(request, site.pk))


@router.patch("/sites/{int:site_id}/", response=SiteDetailOut, summary="修改网站 / Update a site")
def update_site(request, site_id: int, data: SiteUpdateIn):
    site = access.get_site_for_user(request.user, site_id)
    services.update_site(
        site, actor=request.user, **data.dict(exclude_unset=True, exclude_none=True)
    )
    return _visible_site(request, site_id)


@router.post(
    "/sites/{int:site_id}/transition/",
    response=SiteDetailOut,
    summary="开设、迁移、下线 / Lifecycle transition",
)
def transition_site(request, site_id: int, data: TransitionIn):
    site = access.get_site_for_user(request.user, site_id)
    successor = None
    if data.successor_id is not None:
        successor = access.sites_visible_to(request.user).filter(pk=data.successor_id).first()
        if successor is None or successor.pk == site.pk:
            raise GovsiteValidationError(
                "承接网站不存在", "No such successor site", field="successor_id"
            )
    services.transition_site(
        site,
        actor=request.user,
        to_status=data.to_status,
        effective_date=data.effective_date,
        reason=data.reason,
        successor=successor,
    )
    return _visible_site(request, site_id)


@router.post(
    "/sites/{int:site_id}/domains/",
    response={201: SiteDetailOut},
    summary="增加别名域名 / Add an alias domain",
)
def add_domain(request, site_id: int, data: DomainIn):
    site = access.get_site_for_user(request.user, site_id)
    services.add_site_domain(site, actor=request.user, domain=data.domain)
    return Status(201, _visible_site(request, site_id))


def _column_rows(queryset):
    return queryset.select_related("responsible_org").order_by("sort_order", "pk")


@router.get(
    "/sites/{int:site_id}/columns/", response=list[ColumnOut], summary="栏目列表 / List columns"
)
@paginate(Pagination)
def list_columns(request, site_id: int, kind: str | None = None):
    site = access.get_site_for_user(request.user, site_id)
    columns = access.columns_visible_to(request.user).filter(site=site)
    if kind:
        columns = columns.filter(kind=kind)
    return _column_rows(columns)


@router.get("/columns/{int:column_id}/", response=ColumnOut, summary="栏目 / Column")
def get_column(request, column_id: int):
    return access.get_column_for_user(request.user, column_id)


def _column_fields(request, site: Site, data: dict) -> dict:
    if "responsible_org_id" in data:
        data["responsible_org"] = _organization(
            request, data.pop("responsible_org_id"), "responsible_org_id", "责任单位"
        )
    if data.get("parent_id") is not None:
        parent = access.columns_visible_to(request.user).filter(pk=data["parent_id"], site=site)
        data["parent"] = parent.first()
        if data["parent"] is None:
            raise GovsiteValidationError(
                "上级栏目不存在", "No such parent column", field="parent_id"
            )
    data.pop("parent_id", None)
    return data


@router.post(
    "/sites/{int:site_id}/columns/", response={201: ColumnOut}, summary="新增栏目 / Add a column"
)
def create_column(request, site_id: int, data: ColumnCreateIn):
    site = access.get_site_for_user(request.user, site_id)
    fields = _column_fields(request, site, data.dict())
    column = services.create_column(site, actor=request.user, **fields)
    return Status(201, _column_rows(Column.objects.filter(pk=column.pk)).get())


@router.patch("/columns/{int:column_id}/", response=ColumnOut, summary="修改栏目 / Update a column")
def update_column(request, column_id: int, data: ColumnUpdateIn):
    column = access.get_column_for_user(request.user, column_id)
    given = data.dict(exclude_unset=True)
    nullable = {"update_limit_days", "responsible_org_id"}
    given = {k: v for k, v in given.items() if v is not None or k in nullable}
    fields = _column_fields(request, column.site, given)
    services.update_column(column, actor=request.user, **fields)
    return _column_rows(Column.objects.filter(pk=column.pk)).get()
