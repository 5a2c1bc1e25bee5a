from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    """News published on request of the ROPS and the OWES."""

    name = "portal.news"
    label = "news"
    verbose_name = _("News")

    def ready(self) -> None:
        # The feeds import the models, so only now; they register on NewsIndexPage.views.
        from . import feeds  # noqa: F401
