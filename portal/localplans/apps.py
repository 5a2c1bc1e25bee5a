from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LocalPlansConfig(AppConfig):
    name = "portal.localplans"
    label = "localplans"
    verbose_name = _("Local social economy plans")

    def ready(self) -> None:
        from . import receivers

        receivers.connect()
