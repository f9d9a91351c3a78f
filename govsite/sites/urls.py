"""Registry screens, included under /admin/registry/ by wagtail_hooks (namespace ``sites``)."""

from django.urls import path

from .views import columns, sites

app_name = "sites"
urlpatterns = [
    path("", sites.index, name="index"),
    path("new/", sites.create, name="create"),
    path("<int:pk>/", sites.detail, name="detail"),
    path("<int:pk>/edit/", sites.edit, name="edit"),
    path("<int:pk>/transition/", sites.transition, name="transition"),
    path("<int:pk>/domains/new/", sites.add_domain, name="add_domain"),
    path("<int:site_pk>/columns/new/", columns.create, name="column_create"),
    path("columns/<int:pk>/edit/", columns.edit, name="column_edit"),
]
