from django.urls import path

from .views import account, audit, security

app_name = "core"
urlpatterns = [
    path("account/2fa/", account.two_factor, name="2fa"),
    path("account/password/", account.password_change, name="password_change"),
    path("audit/", audit.audit_list, name="audit_list"),
    path("audit/export/", audit.audit_export, name="audit_export"),
    path("audit/<int:seq>/", audit.audit_detail, name="audit_detail"),
    path("security/users/", security.user_list, name="user_list"),
    path("security/users/<int:pk>/", security.user_grants, name="user_grants"),
    path("security/users/<int:pk>/unlock/", security.unlock, name="unlock"),
    path("security/users/<int:pk>/reset-2fa/", security.reset_second_factor, name="reset_2fa"),
    path("security/grants/<int:pk>/revoke/", security.revoke_grant, name="revoke_grant"),
]
