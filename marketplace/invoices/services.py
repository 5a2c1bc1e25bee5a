"""Issuing an invoice for an order: who may, the snapshot, the number, the PDF and the XML.

Numbers are per PES per year. The PES's partner row is locked while the next number is read
and the invoice written (PostgreSQL: SELECT … FOR UPDATE; SQLite serialises writers anyway), and
the unique constraints (partner, number) and (order) are the last word: a lost race is retried
for the number, and refused for a second invoice of the same order.
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from marketplace.checkout.splitting import partner_address
from portal.organisations import roles

from . import fa3
from .models import NUMBER_PREFIX, Invoice, VatRate
from .pdf import invoice_pdf

Partner = get_model("partner", "Partner")
CENT = Decimal("0.01")
ATTEMPTS = 5


class InvoiceError(Exception):
    """A refusal the PES can act on; the message is shown as it is."""


def cents(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def is_rops(user: Any) -> bool:
    """ROPS staff: superusers and the ROPS moderators' group."""
    if not (user and user.is_authenticated and user.is_active):
        return False
    return user.is_superuser or user.groups.filter(name=roles.ROPS_MODERATORS).exists()


def can_manage(user: Any, order: Any) -> bool:
    """The order's PES staff, or the ROPS (staff, superusers, ROPS moderators)."""
    if not (user and user.is_authenticated and user.is_active):
        return False
    if user.is_staff or is_rops(user):
        return True
    seller = order.seller
    return seller is not None and seller.users.filter(pk=user.pk).exists()


def invoice_fields_for_buyer(buyer: Any) -> dict:
    """The order fields that ask for an invoice to a buyer organisation (awarded notices)."""
    return {
        "invoice_requested": True,
        "invoice_nip": buyer.nip,
        "invoice_name": buyer.name,
        "invoice_address": buyer.address,
    }


def split_gross(gross: Decimal, quantity: int, vat_rate: str) -> dict:
    """Net, VAT and unit net from a gross line (the shop stores gross prices).

    Exempt: net is the gross. Taxed: net = gross / (1 + rate), VAT the rest, so the invoice's
    gross is what the buyer was charged to the grosz.
    """
    gross = cents(gross)
    exempt = vat_rate == VatRate.EXEMPT
    net = gross if exempt else cents(gross * 100 / (100 + Decimal(vat_rate)))
    unit_net = cents(net / quantity) if quantity else net
    return {"unit_net": unit_net, "net": net, "vat": gross - net, "gross": gross}


def invoice_lines(order: Any, vat_rate: str) -> list[dict]:
    """One row per order line, and the delivery when it was charged."""
    rows = []
    for line in order.lines.all():
        amounts = split_gross(line.line_price_incl_tax, line.quantity, vat_rate)
        rows.append({"name": line.title, "quantity": line.quantity, **amounts})
    if order.shipping_incl_tax:
        amounts = split_gross(order.shipping_incl_tax, 1, vat_rate)
        rows.append(
            {
                "name": _("Delivery: %(method)s") % {"method": order.shipping_method},
                "quantity": 1,
                **amounts,
            }
        )
    for row in rows:
        row["vat_rate"] = vat_rate
    return rows


def next_sequence(partner_id: int, year: int) -> int:
    last = Invoice.objects.filter(partner_id=partner_id, year=year).aggregate(Max("sequence"))
    return (last["sequence__max"] or 0) + 1


def issue_invoice(
    order: Any,
    *,
    user: Any = None,
    vat_rate: str = VatRate.EXEMPT,
    exemption_basis: str = "",
    sale_date: date | None = None,
) -> Invoice:
    """Issue the one invoice of an order; refused when not asked for, or already issued."""
    if not order.invoice_requested:
        raise InvoiceError(_("The buyer did not ask for an invoice for this order."))
    partner = order.seller
    if partner is None:
        raise InvoiceError(_("This order has no lines to invoice."))
    if not partner.nip:
        raise InvoiceError(_("Add your NIP to the PES profile before issuing invoices."))
    seller_address = partner_address(partner)
    if not seller_address.strip():
        raise InvoiceError(_("Add your address to the PES profile before issuing invoices."))
    if Invoice.objects.filter(order=order).exists():
        raise InvoiceError(_("An invoice has already been issued for this order."))
    issue_date = timezone.localdate()
    sale_date = sale_date or timezone.localtime(order.date_placed).date()
    rows = invoice_lines(order, vat_rate)
    for attempt in range(ATTEMPTS):
        try:
            with transaction.atomic():
                Partner.objects.select_for_update().filter(pk=partner.pk).first()
                if Invoice.objects.filter(order=order).exists():
                    raise InvoiceError(_("An invoice has already been issued for this order."))
                sequence = next_sequence(partner.pk, issue_date.year)
                invoice = Invoice(
                    order=order,
                    partner=partner,
                    year=issue_date.year,
                    sequence=sequence,
                    number=f"{NUMBER_PREFIX}/{issue_date.year}/{sequence}",
                    issue_date=issue_date,
                    sale_date=sale_date,
                    currency=order.currency,
                    seller_name=partner.name,
                    seller_nip=partner.nip,
                    seller_address=seller_address,
                    seller_iban=partner.iban or "",
                    buyer_name=order.invoice_name,
                    buyer_nip=order.invoice_nip,
                    buyer_address=order.invoice_address,
                    vat_rate=vat_rate,
                    exemption_basis=exemption_basis if vat_rate == VatRate.EXEMPT else "",
                    lines=[{key: str(value) for key, value in row.items()} for row in rows],
                    total_net=sum((row["net"] for row in rows), Decimal("0.00")),
                    total_vat=sum((row["vat"] for row in rows), Decimal("0.00")),
                    total_gross=sum((row["gross"] for row in rows), Decimal("0.00")),
                    issued_by=user if user is not None and user.is_authenticated else None,
                )
                invoice.save()
                invoice.order = order
                slug = invoice.number.replace("/", "-")
                try:
                    xml = fa3.xml_for(invoice)
                except ValueError as error:  # the FA(3) builder's own checks, in Polish
                    raise InvoiceError(
                        _("The invoice cannot be written as FA(3): %(error)s") % {"error": error}
                    ) from None
                invoice.xml.save(f"{slug}.xml", ContentFile(xml), save=False)
                invoice.pdf.save(f"{slug}.pdf", ContentFile(invoice_pdf(invoice)), save=False)
                invoice.save(update_fields=["xml", "pdf"])
                return invoice
        except IntegrityError:
            if Invoice.objects.filter(order=order).exists():
                raise InvoiceError(
                    _("An invoice has already been issued for this order.")
                ) from None
            if attempt == ATTEMPTS - 1:
                raise
    raise InvoiceError(_("The invoice could not be numbered: try again."))  # pragma: no cover
