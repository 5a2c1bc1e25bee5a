from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MailConfig(AppConfig):
    """Outgoing e-mail: stored in the request, sent by the worker, retried, never lost."""

    name = "portal.mail"
    label = "mail"
    verbose_name = _("Outgoing e-mail")
    default_auto_field = "django.db.models.BigAutoField"
