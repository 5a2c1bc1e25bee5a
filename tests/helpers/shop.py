"""A guest checkout through the real views (the sellers come from tests.factories)."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse
from oscar.core.loading import get_model

Country = get_model("address", "Country")


def ensure_poland() -> None:
    """The shipping country every test address uses."""
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
    """The delivery step's fields choosing `partner`'s option of that kind and a payment."""
    option = partner.delivery_options.get(kind=delivery_kind)
    return {f"pes-{partner.pk}-delivery": option.pk, f"pes-{partner.pk}-payment": payment}
