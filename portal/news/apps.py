from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    """News published on request of the ROPS and the OWES."""

    name = "portal.news"
    label = "news"
    verbose_name = _("News")
