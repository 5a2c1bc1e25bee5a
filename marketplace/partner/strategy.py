"""Oscar's pricing strategy, except that services are asked for a quote, never put in a basket."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from oscar.apps.partner import strategy
from oscar.apps.partner.availability import Unavailable
from oscar.apps.partner.strategy import *  # noqa: F403  (Oscar's documented fork pattern)


class QuoteOnly(Unavailable):
    code = "quote-only"
    message = _("Service: ask for a quote")


class ServicesByQuote:
    """A product class without shipping and without stock is a service: it has no
    price to buy at once and no basket button; its action is asking for a quote."""

    def availability_policy(self, product, stockrecord):
        product_class = product.get_product_class()
        if stockrecord and not product_class.requires_shipping and not product_class.track_stock:
            return QuoteOnly()
        return super().availability_policy(product, stockrecord)


class Default(ServicesByQuote, strategy.Default):
    """Oscar's default: first stock record, stock required, no tax (prices are gross)."""


class Selector(strategy.Selector):
    def strategy(self, request=None, user=None, **kwargs):
        return Default(request)
