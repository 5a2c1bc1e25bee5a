"""The public notice board, under /zamowienia/ (Polish) and /en/procurement/."""

from django.urls import path  # noqa: F401

app_name = "procurement"
urlpatterns: list = []
