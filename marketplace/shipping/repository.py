"""Shipping for a basket with several PES: one combined method built from each seller's choice."""

from __future__ import annotations

from oscar.apps.shipping import repository

from marketplace.checkout.splitting import seller_choices, split_basket

from .methods import PerSellerDelivery


class Repository(repository.Repository):
    def get_available_shipping_methods(self, basket, shipping_addr=None, **kwargs):
        # Never empty: the basket page asks for a default method and fails without one.
        parts = split_basket(basket, seller_choices(kwargs.get("request")))
        return [PerSellerDelivery(parts)]
