"""Placing a basket as one Oscar order per PES, all or nothing (used by checkout and the demo)."""

from __future__ import annotations

import copy

from django.db import transaction
from oscar.core.loading import get_class, get_model

from marketplace.order.utils import OrderCreator, lock_stock_records
from marketplace.shipping.methods import SellerDelivery

from .payment import PaymentMethod
from .splitting import SellerBasket, partner_address, split_basket

OrderTotalCalculator = get_class("checkout.calculators", "OrderTotalCalculator")
Source = get_model("payment", "Source")
SourceType = get_model("payment", "SourceType")


def source_type(code: str):
    kind, _created = SourceType.objects.get_or_create(
        code=code, defaults={"name": PaymentMethod(code).source_name}
    )
    return kind


def place_orders(
    *,
    basket,
    user,
    choices: dict,
    group_reference: str,
    shipping_address=None,
    request=None,
    **order_fields,
) -> list:
    """One order per PES in one transaction: stock is locked up front, in pk order, and
    allocated only if free, so a failure anywhere leaves no order and no allocation behind."""
    parts = split_basket(basket, choices)
    orders = []
    with transaction.atomic():
        lock_stock_records(basket.all_lines())
        for index, part in enumerate(parts, start=1):
            number = f"{group_reference}-{index}"
            seller_basket = SellerBasket(basket, part)
            method = SellerDelivery(part.delivery)
            charge = method.calculate(seller_basket)
            total = OrderTotalCalculator(request).calculate(seller_basket, charge)
            address = None
            if shipping_address is not None:
                # A row per order: sharing one would tie every PES's order to the same address.
                address = copy.copy(shipping_address)
                address.pk = None
                address.save()
            order = OrderCreator().place_order(
                basket=seller_basket,
                total=total,
                shipping_method=method,
                shipping_charge=charge,
                user=user,
                shipping_address=address,
                order_number=number,
                request=request,
                group_reference=group_reference,
                payment_method=part.payment,
                delivery_kind=part.delivery.kind,
                delivery_details=part.delivery.details or partner_address(part.partner),
                **order_fields,
            )
            Source.objects.create(
                order=order,
                source_type=source_type(part.payment),
                amount_allocated=total.incl_tax,
                reference=number,
            )
            orders.append(order)
        # Vouchers count once per checkout, not once per PES order.
        for voucher in basket.vouchers.select_for_update():
            OrderCreator().record_voucher_usage(orders[0], voucher, user)
        basket.submit()
    return orders
