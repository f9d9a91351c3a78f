"""The security administrator's screen: who holds which role where; grant and revoke.

Every rule (三员分立, allowed scopes, the granter's own scope) is the service's; this screen
only shows its bilingual refusals next to the form.
"""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from .. import lockout, scopes, services, twofactor
from ..errors import GovsitePermissionDenied, GovsiteValidationError, bilingual
from ..forms import GrantRoleForm, UserSearchForm
from ..models import RoleGrant, User
from .guards import capability_required

PAGE_SIZE = 50
SERVICE_FIELDS = {"role": "role", "scope_type": "scope", "scope_id": "scope"}


@capability_required("role.grant")
@require_GET
def user_list(request):
    form = UserSearchForm(request.GET)
    users = User.objects.select_related("organization").prefetch_related("role_grants")
    users = form.filter(users.order_by("username")) if form.is_valid() else users.none()
    page = Paginator(users, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "core/role_users.html", {"form": form, "page": page})


@capability_required("role.grant")
@require_http_methods(["GET", "POST"])
def user_grants(request, pk: int):
    user = get_object_or_404(User, pk=pk)
    form = GrantRoleForm(request.POST or None)
    if form.is_valid():
        scope_type, scope_id = form.cleaned_data["scope"]
        try:
            services.grant_role(
                user,
                actor=request.user,
                role=form.cleaned_data["role"],
                scope_type=scope_type,
                scope_id=scope_id,
            )
        except GovsiteValidationError as exc:
            form.add_error(SERVICE_FIELDS.get(exc.field or ""), exc.message)
        except GovsitePermissionDenied as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, bilingual("已授予角色", "Role granted"))
            return redirect("core:user_grants", pk=user.pk)
    grants = [(g, scopes.label_of(g.scope_type, g.scope_id)) for g in user.role_grants.all()]
    return render(
        request,
        "core/role_user.html",
        {
            "subject": user,
            "grants": grants,
            "form": form,
            "locked": lockout.is_locked(user),
            "has_device": twofactor.confirmed_device(user) is not None,
        },
    )


@capability_required("role.grant")
@require_POST
def revoke_grant(request, pk: int):
    grant = get_object_or_404(RoleGrant.objects.select_related("user"), pk=pk)
    try:
        services.revoke_role(grant, actor=request.user)
    except GovsitePermissionDenied as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, bilingual("已撤销角色", "Role revoked"))
    return redirect("core:user_grants", pk=grant.user_id)


@capability_required("user.manage")
@require_POST
def unlock(request, pk: int):
    user = get_object_or_404(User, pk=pk)
    lockout.unlock(user, actor=request.user)
    messages.success(request, bilingual("已解除登录锁定", "Sign-in lock lifted"))
    return redirect("core:user_grants", pk=user.pk)


@capability_required("user.manage")
@require_POST
def reset_second_factor(request, pk: int):
    user = get_object_or_404(User, pk=pk)
    lockout.reset_second_factor(user, actor=request.user)
    messages.success(
        request,
        bilingual(
            "已重置双因素认证，该用户下次登录时重新绑定",
            "Second factor reset; the user enrols again at the next sign-in",
        ),
    )
    return redirect("core:user_grants", pk=user.pk)
