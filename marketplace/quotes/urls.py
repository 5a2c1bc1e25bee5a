"""Public quote pages, under /sklep/zapytania/ (Polish) and /en/sklep/zapytania/."""

from django.urls import path

from . import views

app_name = "quotes"
urlpatterns = [
    path("", views.RequestView.as_view(), name="request"),
    path("wyslano/", views.sent, name="sent"),
    path("<str:token>/", views.detail, name="detail"),
    path("<str:token>/akceptuj/", views.accept, name="accept"),
]
