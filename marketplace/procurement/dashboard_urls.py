"""PES dashboard pages for notices and offers, under /sklep/dashboard/zamowienia/."""

from django.urls import path  # noqa: F401

app_name = "procurement-dashboard"
urlpatterns: list = []
