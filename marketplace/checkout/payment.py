"""How a buyer pays a PES: the codes stored on orders, their labels and payment source names."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class PaymentMethod(models.TextChoices):
    """A payment method a PES may accept; the value is what `Order.payment_method` stores."""

    TRANSFER = "transfer", _("bank transfer")
    CASH = "cash", _("cash on pickup")

    @property
    def source_name(self) -> str:
        """The name of Oscar's payment SourceType row: stored once, in Polish, whatever the
        language of the checkout that created it."""
        return SOURCE_NAMES[self]


SOURCE_NAMES: dict[PaymentMethod, str] = {
    PaymentMethod.TRANSFER: "Przelew bankowy",
    PaymentMethod.CASH: "Gotówka przy odbiorze",
}
