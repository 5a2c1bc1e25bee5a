from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GoodPracticesConfig(AppConfig):
    """The catalogue of good practices; its models arrive with the good-practice issue."""

    name = "goodpractices"
    verbose_name = _("Good practices")
