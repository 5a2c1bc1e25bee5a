from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    """Events with registration: networking meetings, fairs, the gala, workshops…"""

    name = "portal.events"
    label = "events"
    verbose_name = _("Events")
