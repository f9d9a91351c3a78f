"""The auditor's screens: search, read and export the audit trail; nothing here writes to it
except the record of the query itself (security.md C.19, C.23)."""

import csv
import json

from django.core.paginator import Paginator
from django.http import HttpResponseBadRequest, StreamingHttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.http import require_GET

from .. import audit
from ..errors import bilingual
from ..forms import AuditFilterForm
from ..models import AuditRecord
from .guards import capability_required

PAGE_SIZE = 50
CSV_COLUMNS = [
    ("seq", "序号 seq"),
    ("time", "时间 time"),
    ("actor_name", "操作者 actor"),
    ("actor_roles", "角色 roles"),
    ("ip", "IP"),
    ("action", "事件 action"),
    ("outcome", "结果 outcome"),
    ("object_type", "对象类型 object type"),
    ("object_id", "对象ID object id"),
    ("object_repr", "对象 object"),
    ("changes", "内容 changes"),
    ("request_id", "请求ID request id"),
    ("hash", "SM3 hash"),
]


def _filtered(request):
    form = AuditFilterForm(request.GET)
    records = AuditRecord.objects.order_by("-seq")
    return form, (form.filter(records) if form.is_valid() else None)


@capability_required("audit.view")
@require_GET
def audit_list(request):
    form, records = _filtered(request)
    page = Paginator(records if records is not None else AuditRecord.objects.none(), PAGE_SIZE)
    page = page.get_page(request.GET.get("page"))
    audit.record(
        "core.audit.query",
        None,
        changes={
            "filters": form.described() if records is not None else {},
            "page": page.number,
            "count": page.paginator.count,
        },
    )
    return render(request, "core/audit_list.html", {"form": form, "page": page})


@capability_required("audit.view")
@require_GET
def audit_detail(request, seq: int):
    record = get_object_or_404(AuditRecord, seq=seq)
    audit.record("core.audit.query", record, changes={"seq": seq})
    return render(
        request,
        "core/audit_detail.html",
        {
            "record": record,
            "record_label": f"#{record.seq}",
            "intact": audit.compute_hash(record) == record.hash,
            "changes": json.dumps(record.changes, ensure_ascii=False, indent=2, sort_keys=True),
        },
    )


@capability_required("audit.export")
@require_GET
def audit_export(request):
    """CSV in UTF-8 with a byte-order mark, so that Excel shows the Chinese text."""
    form, records = _filtered(request)
    if records is None:
        return HttpResponseBadRequest(bilingual("筛选条件有误", "Invalid filters"))
    audit.record(
        "core.audit.export",
        None,
        changes={
            "filters": form.described(),
            "count": records.count(),
        },
    )
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
    response = StreamingHttpResponse(_csv_lines(records), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="audit-{stamp}.csv"'
    return response


class _Echo:
    def write(self, value: str) -> str:
        return value


def _csv_lines(records):
    writer = csv.writer(_Echo())
    yield "\ufeff" + writer.writerow([title for _, title in CSV_COLUMNS])
    for rec in records.iterator(chunk_size=2000):
        yield writer.writerow([_cell(rec, name) for name, _ in CSV_COLUMNS])


def _cell(rec: AuditRecord, name: str) -> str:
    value = getattr(rec, name)
    if name == "time":
        return timezone.localtime(value).isoformat(timespec="seconds")
    if name == "changes":
        value = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return _no_formula("" if value is None else str(value))


def _no_formula(text: str) -> str:
    """Text a spreadsheet would run as a formula gets a leading apostrophe (CSV injection)."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text
