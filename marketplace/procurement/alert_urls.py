"""Public alert links (one-click unsubscribe), under /zamowienia/alerty/."""

from django.urls import path

from . import alert_views

app_name = "procurement-alerts"
urlpatterns = [
    path("wypisz/<str:token>/", alert_views.unsubscribe, name="unsubscribe"),
]
