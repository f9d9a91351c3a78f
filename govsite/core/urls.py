from django.urls import path

from . import views

app_name = "core"
urlpatterns = [
    path("account/2fa/", views.two_factor, name="2fa"),
]
