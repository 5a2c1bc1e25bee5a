"""Order placement that cannot oversell, and that accepts one PES's part of a basket."""

from __future__ import annotations

from django.db.models import F, Q
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _
from oscar.apps.order import utils
from oscar.apps.order.exceptions import UnableToPlaceOrder
from oscar.apps.order.utils import *  # noqa: F403  (Oscar's documented fork pattern)
from oscar.core.loading import get_model


def lock_stock_records(lines) -> None:
    """Lock every stock record an order will touch, in pk order, so two checkouts never deadlock."""
    stockrecord_model = get_model("partner", "StockRecord")
    ids = sorted({line.stockrecord_id for line in lines if line.stockrecord_id})
    list(stockrecord_model.objects.select_for_update().filter(pk__in=ids).order_by("pk"))


class OrderCreator(utils.OrderCreator):
    def create_order_model(self, user, basket, *args, **kwargs):
        # A seller's part of the basket stands in for the basket; the order row keeps the real one.
        basket = getattr(basket, "basket", basket)
        return super().create_order_model(user, basket, *args, **kwargs)

    def update_stock_records(self, line) -> None:
        """Allocate only what is free, in one conditional UPDATE (Oscar's allocate never checks)."""
        if not line.product.get_product_class().track_stock:
            return
        stockrecord_model = get_model("partner", "StockRecord")
        allocated = Coalesce(F("num_allocated"), 0)
        updated = stockrecord_model.objects.filter(
            Q(num_in_stock__gte=allocated + line.quantity), pk=line.stockrecord_id
        ).update(num_allocated=allocated + line.quantity)
        if not updated:
            record = stockrecord_model.objects.get(pk=line.stockrecord_id)
            free = max((record.num_in_stock or 0) - (record.num_allocated or 0), 0)
            raise UnableToPlaceOrder(
                _(
                    "Sorry, only %(free)d of '%(title)s' left (you asked for %(wanted)d). "
                    "Change the quantity in your basket; the rest of it is kept."
                )
                % {"free": free, "title": line.product.get_title(), "wanted": line.quantity}
            )
