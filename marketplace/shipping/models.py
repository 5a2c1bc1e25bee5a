"""Each PES's own delivery options; Oscar's shipping models have no partner."""

from __future__ import annotations

from decimal import Decimal

from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


class DeliveryKind(models.TextChoices):
    PICKUP = "pickup", _("pickup in person")
    COURIER = "courier", _("courier")
    FAIR = "fair", _("collection at a fair")


class DeliveryOption(models.Model):
    """One way a PES hands over its goods: pickup, its own flat-rate courier or a fair."""

    partner = models.ForeignKey(
        "partner.Partner",
        verbose_name=_("PES"),
        on_delete=models.CASCADE,
        related_name="delivery_options",
    )
    kind = models.CharField(_("kind"), max_length=12, choices=DeliveryKind.choices)
    name = models.CharField(_("name"), max_length=120)
    details = models.TextField(
        _("details"),
        blank=True,
        max_length=1000,
        help_text=_("Where and when: the pickup address and hours, or the fair's place and date."),
    )
    charge = models.DecimalField(
        _("charge (PLN)"),
        max_digits=8,
        decimal_places=2,
        default=Decimal("0.00"),
        validators=[MinValueValidator(Decimal("0.00"))],
    )
    is_active = models.BooleanField(_("offered"), default=True)
    display_order = models.PositiveSmallIntegerField(_("position in the list"), default=0)

    class Meta:
        app_label = "shipping"
        ordering = ["partner_id", "display_order", "pk"]
        verbose_name = _("delivery option")
        verbose_name_plural = _("delivery options")

    def __str__(self) -> str:
        return self.name

    @property
    def allows_cash(self) -> bool:
        """Cash changes hands only when the buyer meets the PES."""
        return self.kind in {DeliveryKind.PICKUP, DeliveryKind.FAIR}


from oscar.apps.shipping.models import *  # noqa: E402, F403  (Oscar's documented fork pattern)
