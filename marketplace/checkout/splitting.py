"""One basket, one order per PES: the lines grouped by seller, with each seller's choices."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext_lazy as _
from oscar.core import prices
from oscar.core.loading import get_model

from marketplace.shipping.models import DeliveryKind, DeliveryOption

from .payment import PaymentMethod

SESSION_KEY = "checkout_data"  # Oscar's CheckoutSessionData.SESSION_KEY
SELLERS_NAMESPACE = "sellers"


def fallback_option(partner) -> DeliveryOption:
    """A PES that has set up no delivery yet still hands goods over at its own address."""
    return DeliveryOption(
        pk=0,
        partner=partner,
        kind=DeliveryKind.PICKUP,
        name=str(_("Pickup at the seller's address")),
        details=partner_address(partner),
        charge=Decimal("0.00"),
    )


def partner_address(partner) -> str:
    address = partner.primary_address
    if address is None:
        return partner.city
    return ", ".join(filter(None, [address.line1, f"{address.postcode} {address.line4}".strip()]))


def delivery_options(partner) -> list[DeliveryOption]:
    """The PES's active options (prefetched as `active_delivery_options`), else the fallback."""
    options = getattr(partner, "active_delivery_options", None)
    if options is None:
        options = list(partner.delivery_options.filter(is_active=True))
    return list(options) or [fallback_option(partner)]


@dataclass
class SellerPart:
    """One PES's part of the basket: its lines, the buyer's delivery and payment choice, totals."""

    partner: object
    lines: list
    options: list[DeliveryOption]
    delivery: DeliveryOption
    payment: str
    requires_shipping: bool = field(init=False)

    def __post_init__(self) -> None:
        self.requires_shipping = any(line.product.is_shipping_required for line in self.lines)

    @property
    def currency(self) -> str:
        return self.lines[0].price_currency if self.lines else "PLN"

    @property
    def subtotal(self) -> Decimal:
        return sum(
            (line.line_price_incl_tax_incl_discounts or Decimal("0.00") for line in self.lines),
            Decimal("0.00"),
        )

    @property
    def subtotal_excl_tax(self) -> Decimal:
        return sum(
            (line.line_price_excl_tax_incl_discounts or Decimal("0.00") for line in self.lines),
            Decimal("0.00"),
        )

    @property
    def shipping(self) -> Decimal:
        return self.delivery.charge if self.requires_shipping else Decimal("0.00")

    @property
    def total(self) -> Decimal:
        return self.subtotal + self.shipping

    @property
    def payment_label(self) -> str:
        try:
            return str(PaymentMethod(self.payment).label)
        except ValueError:
            return self.payment

    def shipping_charge(self) -> prices.Price:
        return prices.Price(currency=self.currency, excl_tax=self.shipping, incl_tax=self.shipping)


def seller_choices(request) -> dict:
    """Read the buyer's per-PES choices from the checkout session without creating it."""
    data = request.session.get(SESSION_KEY, {}) if request is not None else {}
    return data.get(SELLERS_NAMESPACE, {}).get("choices", {})


def store_seller_choices(request, choices: dict) -> None:
    data = request.session.setdefault(SESSION_KEY, {})
    data.setdefault(SELLERS_NAMESPACE, {})["choices"] = choices
    request.session.modified = True


def split_basket(basket, choices: dict | None = None) -> list[SellerPart]:
    """The basket's lines grouped by PES (by name), each with a valid delivery and payment."""
    partner_model = get_model("partner", "Partner")
    choices = choices or {}
    grouped: dict[int, list] = {}
    for line in basket.all_lines():
        grouped.setdefault(line.stockrecord.partner_id, []).append(line)
    if not grouped:
        return []
    partners = partner_model.objects.filter(pk__in=grouped).prefetch_related("addresses")
    active = DeliveryOption.objects.filter(partner__in=grouped, is_active=True)
    options_by_partner: dict[int, list] = {}
    for option in active:
        options_by_partner.setdefault(option.partner_id, []).append(option)
    parts = []
    for partner in sorted(partners, key=lambda p: p.name):
        partner.active_delivery_options = options_by_partner.get(partner.pk, [])
        options = delivery_options(partner)
        chosen = choices.get(str(partner.pk), {})
        delivery = next((o for o in options if o.pk == chosen.get("delivery")), options[0])
        methods = partner.payment_methods
        payment = chosen.get("payment")
        cash = PaymentMethod.CASH
        if payment not in methods or (payment == cash and not delivery.allows_cash):
            payment = next((m for m in methods if m != cash or delivery.allows_cash), "")
        parts.append(SellerPart(partner, grouped[partner.pk], options, delivery, payment))
    return parts


def choices_are_complete(parts: list[SellerPart], choices: dict) -> bool:
    """Has the buyer confirmed a delivery and payment for every PES in the basket?"""
    for part in parts:
        chosen = choices.get(str(part.partner.pk))
        if not chosen or chosen.get("delivery") != part.delivery.pk:
            return False
        if not part.payment or chosen.get("payment") != part.payment:
            return False
    return True


class SellerBasket:
    """One PES's part of the basket for Oscar's OrderCreator: the same line objects, so their
    discounts survive; vouchers are recorded once for the whole checkout, not per part."""

    def __init__(self, basket, part: SellerPart) -> None:
        self.basket = basket
        self.part = part
        self.id = basket.id
        self.pk = basket.pk
        self.owner = basket.owner
        self.currency = basket.currency
        self.offer_applications: list = []
        self.has_shipping_discounts = False

    @property
    def vouchers(self):
        return get_model("voucher", "Voucher").objects.none()

    @property
    def is_empty(self) -> bool:
        return not self.part.lines

    def all_lines(self) -> list:
        return self.part.lines

    def is_shipping_required(self) -> bool:
        return self.part.requires_shipping

    @property
    def is_tax_known(self) -> bool:
        return all(line.is_tax_known for line in self.part.lines)

    @property
    def total_excl_tax(self) -> Decimal:
        return self.part.subtotal_excl_tax

    @property
    def total_incl_tax(self) -> Decimal:
        return self.part.subtotal


def request_parts(request, basket=None) -> list[SellerPart]:
    """`split_basket` for the request's basket and choices, worked out once per request (the
    shipping repository, the pre-conditions and the page all ask for it)."""
    basket = basket if basket is not None else request.basket
    choices = seller_choices(request)
    key = (basket.pk, repr(sorted(choices.items())))
    cached = getattr(request, "_seller_parts", None)
    if cached is None or cached[0] != key:
        cached = (key, split_basket(basket, choices))
        request._seller_parts = cached
    return cached[1]
