"""What every registry screen shares: breadcrumbs, the form page, the submit-to-service step."""

from collections.abc import Callable

from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin import messages

from govsite.core.errors import GovsiteValidationError

from ..forms import add_service_error


def crumbs(*items: tuple[str, str | None]) -> list[dict]:
    """Home › 网站管理 › items, each (label, url or None)."""
    base = [
        (_("Home"), reverse("wagtailadmin_home")),
        (_("Site management"), reverse("sites:index")),
    ]
    return [{"label": label, "url": url} for label, url in [*base, *items]]


def bound(request):
    return request.POST if request.method == "POST" else None


def submit(
    request,
    form,
    write: Callable[[], object],
    *,
    success: Callable[[object], str],
    message: str,
    field_map: dict | None = None,
):
    """On a valid POST call ``write`` (a service); redirect on success, else None.

    A service's validation error is shown on the field it names, so nothing is half-written
    and the user sees Chinese and English.
    """
    if request.method != "POST" or not form.is_valid():
        return None
    try:
        result = write()
    except GovsiteValidationError as exc:
        add_service_error(form, exc, field_map)
        return None
    messages.success(request, message)
    return redirect(success(result))


def form_page(request, form, *, title: str, breadcrumbs: list[dict], submit_label: str):
    return TemplateResponse(
        request,
        "sites/form.html",
        {
            "form": form,
            "header_title": title,
            "page_title": title,
            "page_subtitle": "",
            "breadcrumbs_items": breadcrumbs,
            "submit_button_label": submit_label,
            "submit_button_active_label": submit_label,
            "action_url": request.get_full_path(),
            "media": form.media,
        },
    )
