"""Shipping methods for a basket split by PES: one per seller, and their sum for the basket page."""

from __future__ import annotations

from decimal import Decimal

from django.utils.translation import gettext_lazy as _
from oscar.apps.shipping.methods import *  # noqa: F403  (Oscar's documented fork pattern)
from oscar.apps.shipping.methods import Base
from oscar.core import prices

PER_SELLER_CODE = "per-seller"


class SellerDelivery(Base):
    """One PES's chosen delivery option, used for that PES's order."""

    def __init__(self, option) -> None:
        self.option = option
        self.code = f"pes-{option.partner_id}-{option.pk or option.kind}"
        self.name = option.name
        self.description = option.details

    def calculate(self, basket) -> prices.Price:
        charge = self.option.charge if basket.is_shipping_required() else Decimal("0.00")
        return prices.Price(currency=basket.currency, excl_tax=charge, incl_tax=charge)


class PerSellerDelivery(Base):
    """The whole basket's delivery: each PES's chosen option, charged as the sum."""

    code = PER_SELLER_CODE
    name = _("Delivery arranged with each seller")

    def __init__(self, parts) -> None:
        self.parts = parts

    def calculate(self, basket) -> prices.Price:
        charge = sum((part.shipping for part in self.parts), Decimal("0.00"))
        return prices.Price(currency=basket.currency, excl_tax=charge, incl_tax=charge)
