"""An accepted quote becomes an ordinary Oscar order of that PES.

So the PES follows it in the dashboard's order pages like a basket order (status, notes,
payment), and the buyer's reference is the request's reference (the order's group reference).
The rows are written by `marketplace.order.agreed`, as for an awarded notice.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from marketplace.order.agreed import ZERO, Order, agreed_order

if TYPE_CHECKING:
    from .models import Quote

StockRecord = get_model("partner", "StockRecord")


def order_from_quote(quote: Quote, invoice: dict | None = None) -> Order:
    """Create the PES's order for an accepted quote: one line, the quoted gross price, no tax.

    Call inside the transaction that accepts the quote; links the quote to the order.
    `invoice` holds the buyer's invoice details (the order's `invoice_*` fields), if asked.
    """
    quote_request = quote.request
    partner = quote.partner
    product = quote_request.product
    stockrecord = None
    if product is not None:
        stockrecord = StockRecord.objects.filter(product=product, partner=partner).first()
    order = agreed_order(
        reference=quote_request.reference,
        partner=partner,
        price=quote.price or ZERO,
        title=product.get_title() if product else quote_request.subject,
        email=quote_request.email,
        shipping_method=_("Service, as agreed with the provider"),
        shipping_code="quote",
        # A service is done where the buyer said; the PES's order page shows it as delivery.
        delivery_details=_service_place(quote),
        note=_order_note(quote),
        line_notes=quote.terms,
        product=product,
        stockrecord=stockrecord,
        invoice=invoice,
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
