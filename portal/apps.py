from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    """The project package: base templates, page cache, demo loader."""

    name = "portal"
    verbose_name = _("Portal")

    def ready(self) -> None:
        from oscar.apps.analytics import receivers as analytics
        from oscar.apps.catalogue.signals import product_viewed
        from oscar.apps.search.signals import user_search

        from . import cache  # noqa: F401  (connects invalidation signals)
        from .exports import guard_wagtail_csv

        guard_wagtail_csv()  # Wagtail's admin CSV exports defuse formula-looking cells

        # A GET never writes: Oscar counts product views and searches in the database on every
        # page view, which also serialises readers on SQLite. Not needed by the portal.
        product_viewed.disconnect(analytics.receive_product_view)
        user_search.disconnect(analytics.receive_product_search)
