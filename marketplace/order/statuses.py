"""The order statuses a PES moves its orders through, with labels for people."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

NEW = "new"
PAID = "paid"
READY = "ready_for_pickup"
SENT = "sent"
COMPLETED = "completed"
CANCELLED = "cancelled"

LABELS = {
    NEW: _("new"),
    PAID: _("paid"),
    READY: _("ready for pickup"),
    SENT: _("sent"),
    COMPLETED: _("completed"),
    CANCELLED: _("cancelled"),
}

# Oscar's OSCAR_ORDER_STATUS_PIPELINE: from each status, where an order may go next.
PIPELINE = {
    NEW: [PAID, READY, SENT, COMPLETED, CANCELLED],
    PAID: [READY, SENT, COMPLETED, CANCELLED],
    READY: [COMPLETED, CANCELLED],
    SENT: [COMPLETED],
    COMPLETED: [],
    CANCELLED: [],
}


def label(status: str) -> str:
    """The status in the active language (unknown codes are shown as they are)."""
    return str(LABELS.get(status, status))
