"""Orders placed through Oscar's OrderCreator, bypassing the checkout views."""

from __future__ import annotations

from oscar.apps.partner.strategy import Default
from oscar.core.loading import get_model
from oscar.test.factories import create_order

from .catalogue import sell

Basket = get_model("basket", "Basket")
Order = get_model("order", "Order")


def create_pes_order(
    partners, *, user=None, guest_email: str = "", quantity: int = 1, **fields
) -> Order:
    """An order placed through Oscar's OrderCreator, with a line for each partner given.

    Each line is a fresh product ("Powidła <partner>", 12.50 zł) with 10 in stock, so the
    allocation can be checked afterwards. `fields` go onto the order (payment_method,
    delivery_kind, group_reference…).
    """
    basket = Basket.objects.create(owner=user)
    basket.strategy = Default()
    for partner in partners if isinstance(partners, list | tuple) else [partners]:
        product = sell(
            partner, f"Powidła {partner.name}", price="12.50", stock=10, product_class="Produkt"
        )
        basket.add_product(product, quantity)
    return create_order(basket=basket, user=user, guest_email=guest_email, **fields)
