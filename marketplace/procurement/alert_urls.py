"""Public alert links (one-click unsubscribe), under /zamowienia/alerty/."""

from django.urls import path  # noqa: F401

app_name = "procurement-alerts"
urlpatterns: list = []
