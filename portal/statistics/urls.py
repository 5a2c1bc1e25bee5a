"""The public statistics, under /statystyki/ (Polish) and /en/statistics/."""

from django.urls import path

from . import views

app_name = "statistics"
urlpatterns = [path("", views.statistics_view, name="index")]
