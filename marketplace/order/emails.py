"""The buyer's e-mail when a PES moves an order to a new status.

Sent through Oscar's OrderDispatcher, so the message goes to the account's address or the guest's
and is recorded as a CommunicationEvent on the order (the event type comes from a migration of
marketplace.dashboard.orders).
"""

from __future__ import annotations

import logging

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from oscar.core.loading import get_class

from portal.urls_absolute import absolute_url

from . import statuses

logger = logging.getLogger("oscar.order")

EVENT_CODE = "ORDER_STATUS_CHANGED"


def order_status_url(order) -> str:
    """The buyer's page for the order: in the account, or the hashed page for a guest."""
    if order.user_id:
        path = reverse("customer:order", kwargs={"order_number": order.number})
    else:
        path = reverse(
            "customer:anon-order",
            kwargs={"order_number": order.number, "hash": order.verification_hash()},
        )
    return absolute_url(path)


def status_messages(order, old_status: str, new_status: str) -> dict[str, str]:
    """Subject and body in the active language, in the shape Oscar's dispatcher expects."""
    lines = list(order.lines.all())
    sellers = list(dict.fromkeys(line.partner_name for line in lines if line.partner_name))
    context = {
        "order": order,
        "lines": lines,
        "seller": ", ".join(sellers),
        "old_status": old_status,
        "new_status": new_status,
        "old_label": statuses.label(old_status),
        "status_label": statuses.label(new_status),
        "status_url": order_status_url(order),
        "is_ready": new_status == statuses.READY,
        "is_cancelled": new_status == statuses.CANCELLED,
    }
    subject = render_to_string("marketplace/emails/order_status_subject.txt", context)
    return {
        "subject": " ".join(subject.split()),
        "body": render_to_string("marketplace/emails/order_status_body.txt", context),
        "html": "",
        "sms": "",
    }


def send_status_email(order, old_status: str, new_status: str, language: str) -> None:
    """E-mail the buyer about the new status; an order without an address is only logged."""
    if not order.email:
        logger.warning("Order %s: no buyer e-mail address for the status change", order.number)
        return
    with translation.override(language):
        messages = status_messages(order, old_status, new_status)
    dispatcher = get_class("order.utils", "OrderDispatcher")(logger=logger)
    dispatcher.dispatch_order_messages(order, messages, EVENT_CODE)
