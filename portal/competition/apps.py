from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CompetitionConfig(AppConfig):
    """The "Lider Ekonomii Społecznej" competition: editions, nominations, jury, vote, results."""

    name = "portal.competition"
    label = "competition"
    verbose_name = _("Lider ES competition")

    def ready(self) -> None:
        # The views import the models, so only now; they register on EditionPage.views.
        from .views import nominations, results, votes  # noqa: F401
