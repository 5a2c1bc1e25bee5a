from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    """Events with registration: networking meetings, fairs, the gala, workshops…"""

    name = "portal.events"
    label = "events"
    verbose_name = _("Events")

    def ready(self) -> None:
        # The views import the models, so only now; they register on EventPage.views.
        from . import views  # noqa: F401
