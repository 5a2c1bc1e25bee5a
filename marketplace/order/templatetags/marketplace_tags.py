"""Template filters for the marketplace's order pages.

The library lives in the forked order app because `marketplace` itself is not an installed app,
and Django only finds `templatetags` packages inside installed apps.
"""

from __future__ import annotations

from django import template

from marketplace.checkout.payment import PaymentMethod
from marketplace.order import statuses
from marketplace.shipping.models import DeliveryKind

register = template.Library()


@register.filter
def status_label(code: str | None) -> str:
    """An order status for people: Oscar stores and shows the bare code ("ready_for_pickup")."""
    if not code:
        return ""
    return statuses.label(code)


@register.filter
def delivery_kind_label(code: str | None) -> str:
    """The delivery kind an order was placed with, in the active language."""
    if not code:
        return ""
    try:
        return str(DeliveryKind(code).label)
    except ValueError:
        return code


@register.filter
def payment_method_label(code: str | None) -> str:
    """The payment method an order was placed with, in the active language."""
    if not code:
        return ""
    try:
        return str(PaymentMethod(code).label)
    except ValueError:
        return code
