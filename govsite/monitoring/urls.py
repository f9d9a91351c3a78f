"""Monitoring screens, included under /admin/monitoring/ by wagtail_hooks (namespace
``monitoring``)."""

from django.urls import path

from .views import alerts, findings, sites

app_name = "monitoring"
urlpatterns = [
    path("", sites.overview, name="overview"),
    path("findings/", findings.index, name="findings"),
    path("findings/<int:pk>/", findings.detail, name="finding"),
    path("findings/<int:pk>/confirm/", findings.confirm, name="confirm"),
    path("findings/<int:pk>/dismiss/", findings.dismiss, name="dismiss"),
    path("snapshots/<int:pk>/", findings.snapshot, name="snapshot"),
    path("sites/<int:pk>/", sites.site_page, name="site"),
    path("sites/<int:pk>/probes/", sites.probes, name="probes"),
    path("sites/<int:pk>/patrol/", sites.request_patrol, name="request_patrol"),
    path("alerts/", alerts.index, name="alerts"),
]
