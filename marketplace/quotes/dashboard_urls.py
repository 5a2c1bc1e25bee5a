"""PES dashboard pages for quote requests, under /sklep/dashboard/zapytania/."""

from django.urls import path

from . import dashboard_views

app_name = "quotes-dashboard"
urlpatterns = [
    path("", dashboard_views.QuoteListView.as_view(), name="list"),
    path("<int:pk>/", dashboard_views.QuoteDetailView.as_view(), name="detail"),
]
