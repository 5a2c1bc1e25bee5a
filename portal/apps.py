from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    """The project package: base templates, page cache, demo loader."""

    name = "portal"
    verbose_name = _("Portal")

    def ready(self) -> None:
        from . import cache  # noqa: F401  (connects invalidation signals)
