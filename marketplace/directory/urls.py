"""Public PES database pages, under /baza-pes/ (Polish) and /en/baza-pes/."""

from django.urls import path

from . import views

app_name = "directory"
urlpatterns = [
    path("", views.index, name="index"),
    path("eksport.csv", views.export_csv, name="export-csv"),
    path("lista/", views.shortlist_page, name="shortlist"),
    path("lista/dodaj/", views.shortlist_add, name="shortlist-add"),
    path("lista/usun/", views.shortlist_remove, name="shortlist-remove"),
    path("lista/token/", views.shortlist_token, name="shortlist-token"),
    path("lista/lista-pes.csv", views.shortlist_export, {"fmt": "csv"}, name="shortlist-csv"),
    path("lista/lista-pes.xlsx", views.shortlist_export, {"fmt": "xlsx"}, name="shortlist-xlsx"),
    path("<str:code>/", views.detail, name="detail"),
]
