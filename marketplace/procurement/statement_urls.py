"""The social-value statement and the public ranking, under /zamowienia/wartosc-spoleczna/."""

from django.urls import path

from . import statement_views

app_name = "procurement-statement"
urlpatterns = [
    path("", statement_views.statement_page, name="statement"),
    path("eksport.csv", statement_views.statement_csv, name="csv"),
    path("eksport.pdf", statement_views.statement_pdf_view, name="pdf"),
    path("ranking/", statement_views.ranking_page, name="ranking"),
]
