"""What happens when a PES moves an order on: stock comes back on cancel, the buyer is told."""

from __future__ import annotations

from django.db import transaction
from django.utils import translation

from . import statuses
from .emails import send_status_email


def release_stock(order) -> None:
    """Give back what the order still holds (Oscar's core never cancels allocations).

    `Line.cancel_allocation` locks the line and marks it cancelled, so a second call is a no-op:
    the stock comes back exactly once however often this runs.
    """
    for line in order.lines.select_related("stockrecord"):
        if line.stockrecord is None or line.allocation_cancelled or not line.num_allocated:
            continue
        line.cancel_allocation(line.num_allocated)


def on_order_status_changed(sender, order, old_status: str, new_status: str, **kwargs) -> None:
    """Receiver of Oscar's `order_status_changed` (sent by `Order.set_status`)."""
    if new_status == statuses.CANCELLED:
        release_stock(order)
    # The e-mail leaves once the change is committed, in the language of the person acting.
    language = translation.get_language()
    transaction.on_commit(
        lambda: send_status_email(order, old_status, new_status, language), robust=True
    )
