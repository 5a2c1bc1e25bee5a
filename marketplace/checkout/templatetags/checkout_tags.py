"""Template helpers for pages that list a buyer's orders grouped by checkout."""

from __future__ import annotations

from django import template
from django.db.models import prefetch_related_objects

register = template.Library()


@register.simple_tag
def with_sellers(orders) -> list:
    """The orders with their lines and PES loaded in two queries (no query per order)."""
    orders = list(orders)
    prefetch_related_objects(orders, "lines__partner")
    return orders
