"""The social-value statement and the public ranking, under /zamowienia/wartosc-spoleczna/."""

from django.urls import path  # noqa: F401

app_name = "procurement-statement"
urlpatterns: list = []
