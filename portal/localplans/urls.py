"""The public progress page: /plany-lokalne/ in Polish, /en/local-plans/ in English."""

from django.urls import path

from . import views

app_name = "localplans"
urlpatterns = [path("", views.index, name="index")]
