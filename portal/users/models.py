"""The portal's user: logs in with an e-mail address and may belong to an organisation."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from oscar.apps.customer.abstract_models import AbstractUser


class User(AbstractUser):
    """Oscar's e-mail user, with the organisation (ROPS or an OWES) the person works for."""

    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="members",
        help_text=_("ROPS or OWES the person works for; decides what they may edit."),
    )

    class Meta(AbstractUser.Meta):
        swappable = "AUTH_USER_MODEL"
        verbose_name = _("user")
        verbose_name_plural = _("users")
