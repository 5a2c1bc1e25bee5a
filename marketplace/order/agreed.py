"""Orders written without a basket: one line at a price agreed outside the shop.

An accepted quote and an awarded notice become ordinary Oscar orders of one PES this way, so
the PES follows them in its dashboard's order pages like a basket order (status, notes,
payment). Oscar's `OrderCreator` needs a basket and these have none, so the rows are written
here: the gross price as agreed, no tax, no shipping, a guest order to the buyer's e-mail (the
address was typed, not verified, so it must not put an order into someone's account; Oscar's
tracking page shows guest orders only).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.conf import settings
from django.contrib.sites.models import Site
from oscar.core.loading import get_model

Order = get_model("order", "Order")
Line = get_model("order", "Line")
OrderNote = get_model("order", "OrderNote")

ZERO = Decimal("0.00")


def order_number(reference: str) -> str:
    """ZO/2026/0007 → ZO-2026-0007-1 (no slashes: order numbers appear in URLs)."""
    return f"{reference.replace('/', '-')}-1"


def agreed_order(
    *,
    reference: str,
    partner: Any,
    price: Decimal,
    title: str,
    email: str,
    shipping_method: str,
    shipping_code: str,
    delivery_details: str,
    note: str,
    line_notes: str = "",
    product: Any = None,
    stockrecord: Any = None,
    invoice: dict | None = None,
) -> Order:
    """One order of `partner` with one line at `price`, numbered and grouped by `reference`.

    `invoice` holds the buyer's invoice details (the order's `invoice_*` fields), if asked.
    """
    order = Order.objects.create(
        number=order_number(reference),
        site=Site.objects.filter(pk=getattr(settings, "SITE_ID", None)).first(),
        user=None,
        currency=getattr(settings, "OSCAR_DEFAULT_CURRENCY", "PLN"),
        total_incl_tax=price,
        total_excl_tax=price,
        shipping_incl_tax=ZERO,
        shipping_excl_tax=ZERO,
        shipping_method=shipping_method,
        shipping_code=shipping_code,
        status=settings.OSCAR_INITIAL_ORDER_STATUS,
        guest_email=email,
        group_reference=reference,
        delivery_details=delivery_details,
        **(invoice or {}),
    )
    Line.objects.create(
        order=order,
        partner=partner,
        partner_name=partner.name,
        partner_sku=stockrecord.partner_sku if stockrecord else reference,
        partner_line_notes=line_notes,
        stockrecord=stockrecord,
        product=product,
        title=title[:255],
        upc=product.upc if product else None,
        quantity=1,
        line_price_incl_tax=price,
        line_price_excl_tax=price,
        line_price_before_discounts_incl_tax=price,
        line_price_before_discounts_excl_tax=price,
        unit_price_incl_tax=price,
        unit_price_excl_tax=price,
        status=settings.OSCAR_INITIAL_ORDER_STATUS,
        num_allocated=0,
    )
    OrderNote.objects.create(order=order, note_type="Info", message=note)
    return order
