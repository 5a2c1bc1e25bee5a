"""The buyer's pages, under /zamowienia/panel/: registration, staff, notices, offers, award."""

from django.urls import path  # noqa: F401

app_name = "procurement-buyer"
urlpatterns: list = []
