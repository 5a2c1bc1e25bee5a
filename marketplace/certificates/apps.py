"""The "Zakup Prospołeczny" certificate: applications, the committee's decisions, verification."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CertificatesConfig(AppConfig):
    name = "marketplace.certificates"
    label = "certificates"
    verbose_name = _("Zakup Prospołeczny certificates")

    def ready(self) -> None:
        from . import signals  # imports models: only once the app registry is ready

        signals.connect()
