"""Site list, site detail, and the forms that register, edit, move and alias a site."""

from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.admin.widgets.button import HeaderButton

from govsite.core import access as core_access

from .. import access, services
from ..forms import DomainForm, SiteCreateForm, SiteEditForm, SiteFilterForm, TransitionForm
from ..models import Site
from .common import bound, crumbs, form_page, submit

PER_PAGE = 50


def _detail_url(site) -> str:
    return reverse("sites:detail", args=[site.pk])


def index(request):
    visible = access.sites_visible_to(request.user)
    form = SiteFilterForm(request.GET or None, sites=visible)
    sites = form.filter(visible) if form.is_valid() else visible
    sites = sites.select_related("sponsor", "region").order_by("site_code")
    page = Paginator(sites, PER_PAGE).get_page(request.GET.get("p"))
    buttons = []
    if core_access.can(request.user, "site.create"):
        buttons.append(
            HeaderButton(_("Register a site"), reverse("sites:create"), icon_name="plus")
        )
    query = request.GET.copy()
    query.pop("p", None)
    return TemplateResponse(
        request,
        "sites/site_index.html",
        {
            "header_title": _("Site management"),
            "breadcrumbs_items": crumbs(),
            "header_buttons": buttons,
            "filter_form": form,
            "page": page,
            "query": query.urlencode(),
        },
    )


def detail(request, pk: int):
    site = access.get_site_for_user(request.user, pk)
    user = request.user
    columns = access.columns_visible_to(user).filter(site=site)
    chain = site.scope_chain()
    return TemplateResponse(
        request,
        "sites/site_detail.html",
        {
            "header_title": site.name,
            "breadcrumbs_items": crumbs((site.name, None)),
            "site": site,
            "domains": site.domains.order_by("-is_main", "domain"),
            "history": site.status_changes.select_related("successor", "recorded_by").order_by(
                "effective_date", "pk"
            ),
            "columns": columns.select_related("responsible_org", "parent").order_by(
                "sort_order", "pk"
            ),
            "can_change": core_access.can(user, "site.change", chain=chain),
            "can_lifecycle": core_access.can(user, "site.lifecycle", chain=chain),
            "can_change_columns": core_access.can(user, "column.change", chain=chain),
        },
    )


def create(request):
    core_access.require(request.user, "site.create")
    form = SiteCreateForm(bound(request), user=request.user)
    done = submit(
        request,
        form,
        lambda: services.register_site(actor=request.user, **form.service_kwargs()),
        success=_detail_url,
        message=_("The site was registered."),
        field_map={"sponsor_id": "sponsor"},
    )
    return done or form_page(
        request,
        form,
        title=_("Register a site"),
        breadcrumbs=crumbs((_("Register a site"), None)),
        submit_label=_("Register"),
    )


def _site_for(request, pk: int, capability: str) -> Site:
    """The site if the user sees it (else 404) and holds ``capability`` on it (else 403)."""
    site = access.get_site_for_user(request.user, pk)
    core_access.require(request.user, capability, site)
    return site


def edit(request, pk: int):
    site = _site_for(request, pk, "site.change")
    form = SiteEditForm(bound(request), initial=SiteEditForm.initial_for(site))
    done = submit(
        request,
        form,
        lambda: services.update_site(
            site, actor=request.user, **{k: form.cleaned_data[k] for k in form.changed_data}
        ),
        success=_detail_url,
        message=_("The site was saved."),
    )
    return done or form_page(
        request,
        form,
        title=_("Edit site"),
        breadcrumbs=crumbs((site.name, _detail_url(site)), (_("Edit"), None)),
        submit_label=_("Save"),
    )


def transition(request, pk: int):
    site = _site_for(request, pk, "site.lifecycle")
    form = TransitionForm(bound(request), site=site, user=request.user)
    done = submit(
        request,
        form,
        lambda: services.transition_site(site, actor=request.user, **form.cleaned_data),
        success=_detail_url,
        message=_("The site's status was changed."),
        field_map={"status": "to_status"},
    )
    title = _("Open, migrate or close")
    return done or form_page(
        request,
        form,
        title=title,
        breadcrumbs=crumbs((site.name, _detail_url(site)), (title, None)),
        submit_label=_("Change status"),
    )


def add_domain(request, pk: int):
    site = _site_for(request, pk, "site.change")
    form = DomainForm(bound(request))
    done = submit(
        request,
        form,
        lambda: services.add_site_domain(site, actor=request.user, **form.cleaned_data),
        success=lambda row: _detail_url(site),
        message=_("The domain was added."),
    )
    title = _("Add an alias domain")
    return done or form_page(
        request,
        form,
        title=title,
        breadcrumbs=crumbs((site.name, _detail_url(site)), (title, None)),
        submit_label=_("Add"),
    )
