"""The site search: /szukaj/ (Polish) and /en/szukaj/ (English), and its autocomplete.

Namespaced `site_search`: the namespace `search` belongs to Oscar's search app (/sklep/search/)."""

from django.urls import path

from . import site_views

app_name = "site_search"

urlpatterns = [
    path("", site_views.site_search, name="site"),
    path("podpowiedzi/", site_views.autocomplete, name="autocomplete"),
]
