from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProcurementConfig(AppConfig):
    """Social procurement: buyers, notices, sealed offers, awards and the social-value statement."""

    name = "marketplace.procurement"
    label = "procurement"
    verbose_name = _("Social procurement")

    def ready(self) -> None:
        # Connects the alerts to `notice_published` (imported for its @receiver side effect).
        from . import receivers  # noqa: F401
