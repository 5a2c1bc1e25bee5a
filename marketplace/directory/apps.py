"""The public database of PES: listing with facets, profiles, shortlist, exports and open data."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DirectoryConfig(AppConfig):
    name = "marketplace.directory"
    label = "directory"
    verbose_name = _("PES database")

    def ready(self) -> None:
        from . import signals  # imports models: only once the app registry is ready

        signals.connect()
