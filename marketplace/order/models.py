"""Oscar's order with the checkout group it came from: one basket, one order per PES."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from oscar.apps.order.abstract_models import AbstractOrder

from marketplace.checkout.payment import PaymentMethod


class Order(AbstractOrder):
    group_reference = models.CharField(
        _("checkout reference"),
        max_length=32,
        blank=True,
        db_index=True,
        help_text=_("Shared by the orders placed together from one basket."),
    )
    payment_method = models.CharField(_("payment method"), max_length=16, blank=True)
    delivery_kind = models.CharField(_("delivery"), max_length=12, blank=True)
    delivery_details = models.TextField(_("delivery details"), blank=True)
    # The buyer's details for a VAT invoice (a company or a public body); copied to every
    # order of a checkout group. The NIP is validated by the forms and stored compact.
    invoice_requested = models.BooleanField(_("invoice requested"), default=False)
    invoice_nip = models.CharField(
        _("NIP for the invoice"), max_length=10, blank=True, db_index=True
    )
    invoice_name = models.CharField(_("name for the invoice"), max_length=200, blank=True)
    invoice_address = models.TextField(_("address for the invoice"), max_length=500, blank=True)

    class Meta(AbstractOrder.Meta):
        app_label = "order"

    @property
    def seller(self):
        """The PES this order belongs to (every line of a split order has the same partner)."""
        lines = list(self.lines.all())
        return lines[0].partner if lines else None

    @property
    def pays_by_transfer(self) -> bool:
        return self.payment_method == PaymentMethod.TRANSFER

    @property
    def pays_cash(self) -> bool:
        return self.payment_method == PaymentMethod.CASH


from oscar.apps.order.models import *  # noqa: E402, F403  (Oscar's documented fork pattern)
