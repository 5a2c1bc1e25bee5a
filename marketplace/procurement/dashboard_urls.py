"""PES dashboard pages for notices and offers, under /sklep/dashboard/zamowienia/."""

from django.urls import path

from . import dashboard_views

app_name = "procurement-dashboard"
urlpatterns = [
    path("", dashboard_views.NoticeListView.as_view(), name="list"),
    path("<int:pk>/", dashboard_views.NoticeView.as_view(), name="notice"),
    path("alerty/", dashboard_views.AlertSettingsView.as_view(), name="alerts"),
]
