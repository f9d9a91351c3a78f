"""REST adapters of core: regions and organisations, plus what every router shares.

Reads only; organisations are filtered by ``access.organizations_visible_to``. Mounted under
/api/v1/ by config/api.py.
"""

import re

from django.db.models import F, OuterRef, Q, Subquery
from django.db.models.functions import Length, Substr
from django.http import Http404
from ninja import Field, Router, Schema
from ninja.pagination import LimitOffsetPagination, paginate

from . import access
from .errors import GovsiteValidationError
from .models import Organization, Region

MAX_PAGE = 200
DIVISION_CODE_RE = re.compile(r"^\d{6}$")


class Pagination(LimitOffsetPagination):
    """limit/offset paging with a default of 20 and a ceiling of 200; ``{"count", "items"}``."""

    class Input(Schema):
        limit: int = Field(20, ge=1, le=MAX_PAGE, description="page size (1–200)")
        offset: int = Field(0, ge=0)


class RegionOut(Schema):
    code: str
    name: str
    level: str
    parent_code: str | None = None

    @staticmethod
    def resolve_parent_code(obj: Region) -> str | None:
        return obj.parent.code if obj.parent_id else None


class RegionDetailOut(RegionOut):
    full_name: str


class OrgRef(Schema):
    id: int
    name: str


class OrganizationOut(Schema):
    id: int
    name: str
    short_name: str
    kind: str
    region_code: str
    parent_id: int | None = None
    credit_code: str
    contact_phone: str
    address: str

    @staticmethod
    def resolve_region_code(obj: Organization) -> str:
        return obj.region.code


router = Router(tags=["core"])


def region_by_code(code: str) -> Region:
    """The region with this 6-digit division code; 404 for anything else."""
    if not DIVISION_CODE_RE.match(code or ""):
        raise Http404
    region = Region.objects.select_related("parent__parent").filter(code=code).first()
    if region is None:
        raise Http404
    return region


def region_or_invalid(code: str, field: str = "region_code") -> Region:
    """For input: the region with this code, or a bilingual validation error."""
    try:
        return region_by_code(code)
    except Http404:
        raise GovsiteValidationError(
            f"行政区划代码“{code}”不存在", f"Unknown division code {code!r}", field=field
        ) from None


@router.get("/regions/", response=list[RegionOut], summary="行政区划列表 / List regions")
@paginate(Pagination)
def list_regions(
    request, level: Region.Level | None = None, parent: str | None = None, q: str | None = None
):
    regions = Region.objects.select_related("parent").order_by("code")
    if level:
        regions = regions.filter(level=level)
    if parent:
        regions = regions.filter(parent__code=parent)
    if q:
        regions = regions.filter(Q(name__contains=q.strip()) | Q(code__startswith=q.strip()))
    return regions


@router.get("/regions/{code}/", response=RegionDetailOut, summary="行政区划 / Region")
def get_region(request, code: str):
    return region_by_code(code)


def with_parent_id(organizations):
    """Annotate each organisation with its parent's id in the same query (treebeard paths)."""
    steplen = Organization.steplen
    parent = Organization.objects.filter(
        path=Substr(OuterRef("path"), 1, Length(OuterRef("path")) - steplen)
    ).values("pk")[:1]
    return organizations.annotate(parent_id=Subquery(parent))


@router.get("/organizations/", response=list[OrganizationOut], summary="单位列表 / Organisations")
@paginate(Pagination)
def list_organizations(
    request,
    kind: Organization.Kind | None = None,
    region: str | None = None,
    q: str | None = None,
):
    orgs = access.organizations_visible_to(request.user).select_related("region")
    if kind:
        orgs = orgs.filter(kind=kind)
    if region:
        orgs = orgs.filter(region__code=region)
    if q:
        orgs = orgs.filter(Q(name__contains=q.strip()) | Q(short_name__contains=q.strip()))
    return with_parent_id(orgs).order_by(F("path"))


@router.get("/organizations/{int:org_id}/", response=OrganizationOut, summary="单位 / Organisation")
def get_organization(request, org_id: int):
    orgs = access.organizations_visible_to(request.user).select_related("region")
    org = with_parent_id(orgs).filter(pk=org_id).first()
    if org is None:
        raise Http404
    return org
