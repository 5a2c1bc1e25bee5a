from django.apps import AppConfig, apps
from django.core.management import call_command
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _
from oscar.apps.catalogue.signals import product_viewed
from oscar.apps.search.signals import user_search


def create_cache_tables(sender, using: str = "default", **kwargs) -> None:
    """Every `migrate` also creates the database cache tables (the rate-limit counters' table
    when there is no Redis), so no deployment step can forget them. Idempotent."""
    call_command("createcachetable", database=using, verbosity=0)


class PortalConfig(AppConfig):
    """The project package: base templates, page cache, demo loader."""

    name = "portal"
    verbose_name = _("Portal")

    def ready(self) -> None:
        # These import models, which the registry holds only once every app is loaded.
        from oscar.apps.analytics import receivers as analytics

        from . import cache  # noqa: F401  (connects invalidation signals)
        from .exports import guard_wagtail_csv

        guard_wagtail_csv()  # Wagtail's admin CSV exports defuse formula-looking cells

        # post_migrate is sent only for apps with models: hook it on the portal's users app.
        post_migrate.connect(
            create_cache_tables,
            sender=apps.get_app_config("users"),
            dispatch_uid="portal.create_cache_tables",
        )

        # A GET never writes: Oscar counts product views and searches in the database on every
        # page view, which also serialises readers on SQLite. Not needed by the portal.
        product_viewed.disconnect(analytics.receive_product_view)
        user_search.disconnect(analytics.receive_product_search)
