from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GoodPracticesConfig(AppConfig):
    """The catalogue of good practices: practices by area, powiat, year and who took part."""

    name = "goodpractices"
    verbose_name = _("Good practices")
