"""Add a column to a site, edit a column."""

from django.urls import reverse
from django.utils.translation import gettext as _

from govsite.core import access as core_access

from .. import access, services
from ..forms import ColumnForm
from .common import bound, crumbs, form_page, submit


def _site_url(site) -> str:
    return reverse("sites:detail", args=[site.pk])


def create(request, site_pk: int):
    site = access.get_site_for_user(request.user, site_pk)
    core_access.require(request.user, "column.change", site)
    form = ColumnForm(bound(request), site=site, user=request.user)
    done = submit(
        request,
        form,
        lambda: services.create_column(site, actor=request.user, **form.cleaned_data),
        success=lambda column: _site_url(site),
        message=_("The column was added."),
    )
    title = _("Add a column")
    return done or form_page(
        request,
        form,
        title=title,
        breadcrumbs=crumbs((site.name, _site_url(site)), (title, None)),
        submit_label=_("Add"),
    )


def edit(request, pk: int):
    column = access.get_column_for_user(request.user, pk)
    core_access.require(request.user, "column.change", column)
    site = column.site
    form = ColumnForm(
        bound(request),
        site=site,
        user=request.user,
        column=column,
        initial=ColumnForm.initial_for(column),
    )

    def write():
        return services.update_column(column, actor=request.user, **form.changes(column))

    done = submit(
        request,
        form,
        write,
        success=lambda column: _site_url(site),
        message=_("The column was saved."),
    )
    return done or form_page(
        request,
        form,
        title=_("Edit column"),
        breadcrumbs=crumbs((site.name, _site_url(site)), (column.name, None)),
        submit_label=_("Save"),
    )
