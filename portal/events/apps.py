from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    """Events with registration: networking meetings, fairs, the gala, workshops…"""

    name = "portal.events"
    label = "events"
    verbose_name = _("Events")

    def ready(self) -> None:
        # The views import the models, so only now; they register on EventPage.views.
        from wagtail.signals import page_published

        from . import views  # noqa: F401
        from .models import EventPage
        from .registration import fill_places_on_publish

        # A published event may have more places: the waiting list moves up to them.
        page_published.connect(
            fill_places_on_publish, sender=EventPage, dispatch_uid="events-fill-places"
        )
