"""The govsite REST API, /api/v1/: one NinjaAPI mounting the routers of core and sites.

Authentication: a Wagtail API token (``Authorization: Bearer …``) or the browser's session
(with its CSRF check, and only after two-factor login where the role requires it).
Errors are JSON and bilingual: ``{"detail": "中文 / English", "zh": …, "en": …, "field": …}``.
"""

from functools import wraps

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError
from django.http import Http404, JsonResponse
from django.utils.cache import add_never_cache_headers
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError
from ninja.security import SessionAuth
from wagtail.api.v3.auth import BearerTokenAuth

from govsite.core import access
from govsite.core.api import router as core_router
from govsite.core.errors import GovsitePermissionDenied, GovsiteValidationError, bilingual
from govsite.core.roles import TWO_FACTOR_ROLES
from govsite.monitoring.api import router as monitoring_router
from govsite.sites.api import router as sites_router


class VerifiedSessionAuth(SessionAuth):
    """The Django session, refused for a role that needs two factors until TOTP was passed,
    and while the account must first change its password (as in the back office)."""

    def authenticate(self, request, key):
        user = request.user
        if not user.is_authenticated or user.must_change_password:
            return None
        needs_otp = settings.CORE_REQUIRE_TOTP and access.roles_of(user) & TWO_FACTOR_ROLES
        if needs_otp and not (hasattr(user, "is_verified") and user.is_verified()):
            return None
        return user


class GovsiteAPI(NinjaAPI):
    def create_response(self, request, data, *args, **kwargs):
        """Every answer depends on who asks: never stored by a cache (security.md item 70)."""
        response = super().create_response(request, data, *args, **kwargs)
        add_never_cache_headers(response)
        return response


def _signed_in(view):
    """The schema and the docs page only for a signed-in browser or a valid token (item 28)."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.user.is_authenticated or BearerTokenAuth()(request):
            return view(request, *args, **kwargs)
        zh, en = "请先登录或提供有效的接口令牌", "Log in or send a valid API token"
        body = {"detail": bilingual(zh, en), "zh": zh, "en": en}
        return JsonResponse(body, status=401, json_dumps_params={"ensure_ascii": False})

    return wrapper


api = GovsiteAPI(
    title="govsite API",
    version="v1",
    description="政府网站集约化平台接口：行政区划、单位、网站登记与栏目。",
    urls_namespace="api-v1",
    auth=[BearerTokenAuth(), VerifiedSessionAuth()],
    openapi_url="/openapi.json",
    docs_url="/docs/",
    docs_decorator=_signed_in,
)
api.add_router("/", core_router)
api.add_router("/", sites_router)
api.add_router("/", monitoring_router)


def _error(request, status: int, zh: str, en: str, **extra):
    body = {"detail": bilingual(zh, en), "zh": zh, "en": en, **extra}
    return api.create_response(request, body, status=status)


@api.exception_handler(GovsiteValidationError)
def _govsite_invalid(request, exc: GovsiteValidationError):
    return _error(request, 400, exc.zh, exc.en, field=exc.field)


@api.exception_handler(ValidationError)
def _django_invalid(request, exc: ValidationError):
    text = "；".join(exc.messages)
    return _error(request, 400, f"数据无效：{text}", f"Invalid data: {text}", field=None)


@api.exception_handler(NinjaValidationError)
def _schema_invalid(request, exc: NinjaValidationError):
    errors = [{k: v for k, v in e.items() if k in ("loc", "msg", "type")} for e in exc.errors]
    return _error(
        request, 422, "请求数据不符合接口格式", "Request does not match the schema", errors=errors
    )


@api.exception_handler(GovsitePermissionDenied)
def _govsite_denied(request, exc: GovsitePermissionDenied):
    return _error(request, 403, exc.zh, exc.en)


@api.exception_handler(PermissionDenied)
def _denied(request, exc: PermissionDenied):
    return _error(request, 403, "您没有权限执行此操作", "You do not have permission")


@api.exception_handler(Http404)
def _not_found(request, exc: Http404):
    return _error(request, 404, "未找到", "Not found")


@api.exception_handler(AuthenticationError)
def _unauthenticated(request, exc: AuthenticationError):
    return _error(request, 401, "请先登录或提供有效的接口令牌", "Log in or send a valid API token")


HTTP_ERRORS = {
    400: ("请求内容无法解析", "Cannot parse request body"),
    403: ("跨站请求校验失败", "CSRF check failed"),
}


@api.exception_handler(HttpError)
def _http_error(request, exc: HttpError):
    zh, en = HTTP_ERRORS.get(exc.status_code, ("请求无法处理", str(exc)))
    return _error(request, exc.status_code, zh, en)


@api.exception_handler(IntegrityError)
def _conflict(request, exc: IntegrityError):
    # Only a race between two writers gets here; the services check uniqueness first.
    return _error(
        request, 409, "数据已被他人同时修改，请重试", "Conflicting concurrent change; retry"
    )
