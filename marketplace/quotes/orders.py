"""An accepted quote becomes an ordinary Oscar order of that PES.

So the PES follows it in the dashboard's order pages like a basket order (status, notes,
payment), and the buyer's reference is the request's reference (the order's group reference).
Oscar's `OrderCreator` needs a basket; a quote has none, so the rows are written here.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from django.conf import settings
from django.contrib.sites.models import Site
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

if TYPE_CHECKING:
    from .models import Quote

Order = get_model("order", "Order")
Line = get_model("order", "Line")
OrderNote = get_model("order", "OrderNote")
StockRecord = get_model("partner", "StockRecord")

ZERO = Decimal("0.00")


def order_number(reference: str) -> str:
    """ZO/2026/0007 → ZO-2026-0007-1 (no slashes: order numbers appear in URLs)."""
    return f"{reference.replace('/', '-')}-1"


def order_from_quote(quote: Quote, invoice: dict | None = None) -> Order:
    """Create the PES's order for an accepted quote: one line, the quoted gross price, no tax.

    Call inside the transaction that accepts the quote; links the quote to the order.
    `invoice` holds the buyer's invoice details (the order's `invoice_*` fields), if asked.
    """
    quote_request = quote.request
    partner = quote.partner
    price = quote.price or ZERO
    product = quote_request.product
    stockrecord = None
    if product is not None:
        stockrecord = StockRecord.objects.filter(product=product, partner=partner).first()
    order = Order.objects.create(
        number=order_number(quote_request.reference),
        site=Site.objects.filter(pk=getattr(settings, "SITE_ID", None)).first(),
        # A guest order on purpose: the e-mail was typed, not verified, so it must not put an
        # order into someone's account; and Oscar's tracking page shows guest orders only.
        user=None,
        currency=getattr(settings, "OSCAR_DEFAULT_CURRENCY", "PLN"),
        total_incl_tax=price,
        total_excl_tax=price,
        shipping_incl_tax=ZERO,
        shipping_excl_tax=ZERO,
        shipping_method=_("Service, as agreed with the provider"),
        shipping_code="quote",
        status=settings.OSCAR_INITIAL_ORDER_STATUS,
        guest_email=quote_request.email,
        group_reference=quote_request.reference,
        # A service is done where the buyer said; the PES's order page shows it as delivery.
        delivery_details=_service_place(quote),
        **(invoice or {}),
    )
    Line.objects.create(
        order=order,
        partner=partner,
        partner_name=partner.name,
        partner_sku=stockrecord.partner_sku if stockrecord else quote_request.reference,
        partner_line_notes=quote.terms,
        stockrecord=stockrecord,
        product=product,
        title=(product.get_title() if product else quote_request.subject)[:255],
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
    OrderNote.objects.create(
        order=order,
        note_type="Info",
        message=_order_note(quote),
    )
    quote.order = order
    quote.save(update_fields=["order"])
    return order


def _service_place(quote: Quote) -> str:
    request = quote.request
    if request.needed_by:
        return _("%(location)s, on %(date)s") % {
            "location": request.location,
            "date": request.needed_by.isoformat(),
        }
    return request.location


def _order_note(quote: Quote) -> str:
    """What the PES needs beside the line: what was asked, where, when, and the agreed terms."""
    request = quote.request
    parts = [
        _("Accepted quote %(reference)s: %(subject)s")
        % {"reference": request.reference, "subject": request.subject},
        _("Where: %(location)s") % {"location": request.location},
    ]
    if request.needed_by:
        parts.append(_("When: %(date)s") % {"date": request.needed_by.isoformat()})
    if request.quantity:
        parts.append(_("Quantity: %(quantity)s") % {"quantity": request.quantity})
    contact = ", ".join(
        value
        for value in (request.contact_name, request.organisation, request.email, request.phone)
        if value
    )
    parts.append(_("Buyer: %(contact)s") % {"contact": contact})
    if request.nip:
        parts.append(_("Buyer's NIP: %(nip)s") % {"nip": request.nip})
    if quote.terms:
        parts.append(_("Terms: %(terms)s") % {"terms": quote.terms})
    return "\n".join(parts)
