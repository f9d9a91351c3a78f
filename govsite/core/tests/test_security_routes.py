"""Deny by default: every back-office route, enumerated from the URL resolver, refuses an
anonymous visitor (security.md B.12). A route added later is checked without being listed."""

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve
from django.urls.exceptions import Resolver404
from django.utils.regex_helper import normalize

BACK_OFFICE = ("/admin/", "/audit/", "/account/", "/security/")

# The only back-office routes a stranger may open: signing in and out, resetting a password
# (which ends at the sign-in page), and static helpers that carry no data.
PUBLIC_ROUTES = {
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_password_reset",
    "wagtailadmin_password_reset_done",
    "wagtailadmin_password_reset_confirm",
    "wagtailadmin_password_reset_complete",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
}
SAMPLES = ["1", "x", "1/x"]


def _walk(patterns, prefix=""):
    for p in patterns:
        regex = prefix + p.pattern.regex.pattern.lstrip("^")
        if isinstance(p, URLResolver):
            yield from _walk(p.url_patterns, regex)
        elif isinstance(p, URLPattern):
            yield regex, p


def _sample_path(regex: str) -> str | None:
    """A concrete path that resolves through ``regex``, parameters filled with samples."""
    for fmt, params in normalize(regex.replace(r"\Z", "").rstrip("$")):
        for sample in SAMPLES:
            path = "/" + fmt % dict.fromkeys(params, sample)
            try:
                resolve(path)
            except Resolver404:
                continue
            return path
    return None


def back_office_routes():
    seen = {}
    for regex, pattern in _walk(get_resolver().url_patterns):
        path = _sample_path(regex)
        if path and path.startswith(BACK_OFFICE) and path not in seen:
            seen[path] = pattern.name
    return sorted(seen.items())


ROUTES = back_office_routes()


def test_the_enumeration_finds_the_routes():
    names = {name for _, name in ROUTES}
    paths = {path for path, _ in ROUTES}
    assert len(ROUTES) > 100
    assert {
        "wagtailadmin_home",
        "audit_list",
        "audit_detail",
        "audit_export",
        "2fa",
        "password_change",
        "user_list",
        "user_grants",
        "revoke_grant",
    } <= names
    assert {"/admin/pages/1/edit/", "/audit/1/", "/security/grants/1/revoke/"} <= paths


@pytest.mark.django_db
@pytest.mark.parametrize(("path", "name"), ROUTES, ids=[p for p, _ in ROUTES])
def test_anonymous_get_is_refused(path, name):
    response = Client(raise_request_exception=False).get(path)
    if name in PUBLIC_ROUTES:
        assert response.status_code < 500
        return
    assert response.status_code in (302, 401, 403), f"{path} answered {response.status_code}"
    if response.status_code == 302:
        assert response["Location"].startswith("/admin/login/"), response["Location"]
