"""A PES's own dashboard pages: its profile, delivery and payment options."""

from django.urls import path

from .dashboard_views import PesProfileView

app_name = "pes-dashboard"
urlpatterns = [
    path("profil/", PesProfileView.as_view(), name="profile"),
]
