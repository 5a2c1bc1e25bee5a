"""E-mails of a placed checkout: one to the buyer listing every PES's part, one to each PES."""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from portal.urls_absolute import absolute_url

logger = logging.getLogger("oscar.checkout")


def order_status_url(request, order) -> str:
    """The buyer's link to follow the order: the account page, or the hashed guest page."""
    if order.user_id:
        path = reverse("customer:order", kwargs={"order_number": order.number})
    else:
        path = reverse(
            "customer:anon-order",
            kwargs={"order_number": order.number, "hash": order.verification_hash()},
        )
    return absolute_url(path)


def _send(subject_template: str, body_template: str, context: dict, to: list[str]) -> None:
    """Send one message; a mail server that is down must not undo orders already placed."""
    subject = " ".join(render_to_string(subject_template, context).split())
    body = render_to_string(body_template, context)
    try:
        EmailMessage(subject, body, settings.OSCAR_FROM_EMAIL, to).send()
    except Exception:  # SMTP and socket errors of every kind: log them, keep the orders
        logger.exception("Could not send %r to %s", subject, ", ".join(to))


def send_checkout_emails(request, orders: list) -> None:
    """The buyer's confirmation in their language; each PES's notice in Polish, its order only."""
    if not orders:
        return
    parts = [{"order": order, "status_url": order_status_url(request, order)} for order in orders]
    context = {
        "parts": parts,
        "group_reference": orders[0].group_reference,
        "total": sum(order.total_incl_tax for order in orders),
        "currency": orders[0].currency,
    }
    _send(
        "marketplace/emails/checkout_confirmation_subject.txt",
        "marketplace/emails/checkout_confirmation_body.txt",
        context,
        [orders[0].email],
    )
    dashboard = absolute_url(reverse("dashboard:order-list"))
    with translation.override(settings.LANGUAGE_CODE):
        for order in orders:
            recipients = order.seller.contact_emails()
            if not recipients:
                logger.warning("Order %s: its PES has no e-mail address", order.number)
                continue
            _send(
                "marketplace/emails/seller_new_order_subject.txt",
                "marketplace/emails/seller_new_order_body.txt",
                {"order": order, "dashboard_url": dashboard},
                recipients,
            )
