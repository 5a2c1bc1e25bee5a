"""Helpers for shop tests: PES that sell, and a guest checkout through the real views."""

from __future__ import annotations

from decimal import Decimal

from django.test import Client
from django.urls import reverse
from oscar.core.loading import get_model
from oscar.test.factories import create_product

from marketplace.shipping.models import DeliveryKind, DeliveryOption

Partner = get_model("partner", "Partner")
Country = get_model("address", "Country")

VALID_IBANS = [
    "PL61109010140000071219812874",
    "PL27114020040000300201355387",
    "PL10105000997603123456789123",
]


def seller_with_product(
    index: int, price: str, stock: int = 10, courier: str | None = "15.00"
) -> tuple[object, object]:
    """A PES with a pickup and (optionally) a courier option, selling one product."""
    name = f"PES testowy {index}"
    product = create_product(
        title=f"Produkt {index}", partner_name=name, price=Decimal(price), num_in_stock=stock
    )
    partner = Partner.objects.get(name=name)
    partner.iban = VALID_IBANS[index % len(VALID_IBANS)]
    partner.email = f"pes{index}@example.org"
    partner.accepts_cash_on_pickup = True
    partner.save()
    DeliveryOption.objects.create(
        partner=partner, kind=DeliveryKind.PICKUP, name="Odbiór osobisty", details="ul. Testowa 1"
    )
    if courier is not None:
        DeliveryOption.objects.create(
            partner=partner,
            kind=DeliveryKind.COURIER,
            name="Kurier",
            charge=Decimal(courier),
            display_order=1,
        )
    return partner, product


def ensure_poland() -> None:
    Country.objects.get_or_create(
        iso_3166_1_a2="PL",
        defaults={"printable_name": "Polska", "name": "Polska", "is_shipping_country": True},
    )


ADDRESS = {
    "first_name": "Jan",
    "last_name": "Kowalski",
    "line1": "ul. Sienkiewicza 1",
    "line4": "Kielce",
    "postcode": "25-001",
    "country": "PL",
    "phone_number": "+48 600 100 200",
}


# Not a demo account's address: Oscar sends a guest with an existing account's e-mail to log in.
GUEST_EMAIL = "gosc-testowy@example.org"


def guest_to_delivery_step(client: Client, products: list, email: str = GUEST_EMAIL):
    """Fill the basket and the first checkout steps; returns the delivery step's response."""
    ensure_poland()
    for product in products:
        response = client.post(reverse("basket:add", kwargs={"pk": product.pk}), {"quantity": 1})
        assert response.status_code == 302, response
    client.post(reverse("checkout:index"), {"username": email, "options": "anonymous"})
    response = client.post(reverse("checkout:shipping-address"), ADDRESS)
    assert response.status_code == 302, response.content[:2000]
    return client.get(reverse("checkout:shipping-method"))


def choose(partner, delivery_kind: str, payment: str) -> dict:
    option = partner.delivery_options.get(kind=delivery_kind)
    return {f"pes-{partner.pk}-delivery": option.pk, f"pes-{partner.pk}-payment": payment}
