"""A closed site's registry stays as it was closed: no new columns, no column edits."""

import pytest

from govsite.core.errors import GovsiteValidationError
from govsite.core.models import AuditRecord
from govsite.sites import services
from govsite.sites.models import Column, Site


@pytest.mark.django_db
def test_columns_of_a_closed_site_cannot_change(sites, cast):
    site = services.transition_site(
        sites["fin"], actor=cast["platform_admin"], to_status=Site.Status.CLOSED, reason="并入门户"
    )
    column = Column.objects.get(pk=sites["columns"]["fin_policy"].pk)
    audits = AuditRecord.objects.count()
    with pytest.raises(GovsiteValidationError) as err:
        services.update_column(column, actor=cast["platform_admin"], name="新名称")
    assert "已下线" in err.value.zh and "closed" in err.value.en
    with pytest.raises(GovsiteValidationError):
        services.create_column(site, actor=cast["platform_admin"], name="新栏目", kind="notice")
    column.refresh_from_db()
    assert column.name == "政策文件"
    assert AuditRecord.objects.count() == audits
