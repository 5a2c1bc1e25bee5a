"""The invoice as a printable A4 PDF (reportlab), with the fonts the certificate uses."""

from __future__ import annotations

import io
from decimal import Decimal

from anyascii import anyascii
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen import canvas

from marketplace.certificates.pdf import _fonts

from .models import Invoice


def money(value: Decimal) -> str:
    return formats.number_format(value, 2, use_l10n=True, force_grouping=True)


def invoice_pdf(invoice: Invoice) -> bytes:
    """Seller, buyer, dates, one row per line (net, VAT, gross), totals, the exemption basis."""
    regular, bold, polish = _fonts()

    def text(value: object) -> str:
        value = str(value)
        return value if polish else anyascii(value)

    buffer = io.BytesIO()
    width, height = A4
    pdf = canvas.Canvas(buffer, pagesize=A4)
    pdf.setTitle(text(_("Invoice %(number)s") % {"number": invoice.number}))
    pdf.setSubject(invoice.number)
    pdf.setAuthor(text(invoice.seller_name))
    left, right = 18 * mm, width - 18 * mm
    y = height - 22 * mm

    def line(value: object, font: str = regular, size: float = 10, x: float = left) -> None:
        nonlocal y
        value = text(value)
        while size > 6 and pdfmetrics.stringWidth(value, font, size) > right - x:
            size -= 0.5
        pdf.setFont(font, size)
        pdf.drawString(x, y, value)
        y -= size + 4

    line(_("Invoice no. %(number)s") % {"number": invoice.number}, bold, 16)
    line(_("Issue date: %(date)s") % {"date": invoice.issue_date.isoformat()})
    line(_("Sale date: %(date)s") % {"date": invoice.sale_date.isoformat()})
    line(_("Order: %(number)s") % {"number": invoice.order.number})
    y -= 6
    top = y
    line(pgettext("invoice", "Seller"), bold, 11)
    line(invoice.seller_name)
    line(_("NIP: %(nip)s") % {"nip": invoice.seller_nip})
    for part in invoice.seller_address.splitlines():
        line(part)
    if invoice.seller_iban:
        line(_("Bank account: %(iban)s") % {"iban": invoice.seller_iban})
    seller_bottom = y
    y = top
    middle = width / 2 + 5 * mm
    line(pgettext("invoice", "Buyer"), bold, 11, middle)
    line(invoice.buyer_name, x=middle)
    line(_("NIP: %(nip)s") % {"nip": invoice.buyer_nip}, x=middle)
    for part in invoice.buyer_address.splitlines():
        line(part, x=middle)
    y = min(y, seller_bottom) - 8

    columns = [
        (left, pgettext("invoice", "Item")),
        (left + 78 * mm, _("Qty")),
        (left + 92 * mm, _("Unit net")),
        (left + 115 * mm, _("VAT")),
        (left + 128 * mm, _("Net")),
        (left + 152 * mm, _("Gross")),
    ]
    pdf.setFont(bold, 9)
    for x, title in columns:
        pdf.drawString(x, y, text(title))
    y -= 4
    pdf.line(left, y, right, y)
    y -= 11
    rate = invoice.vat_rate_display
    for item in invoice.line_items():
        if y < 40 * mm:
            pdf.showPage()
            y = height - 22 * mm
        name = text(item["name"])
        size = 9
        while size > 6 and pdfmetrics.stringWidth(name, regular, size) > 76 * mm:
            size -= 0.5
        pdf.setFont(regular, size)
        pdf.drawString(left, y, name)
        pdf.setFont(regular, 9)
        values = [
            formats.number_format(item["quantity"], use_l10n=True),
            money(item["unit_net"]),
            rate,
            money(item["net"]),
            money(item["gross"]),
        ]
        for (x, _title), value in zip(columns[1:], values, strict=True):
            pdf.drawString(x, y, text(value))
        y -= 14
    pdf.line(left, y + 6, right, y + 6)
    y -= 6
    line(
        _("Net total: %(amount)s %(currency)s")
        % {"amount": money(invoice.total_net), "currency": invoice.currency}
    )
    line(
        _("VAT total: %(amount)s %(currency)s")
        % {"amount": money(invoice.total_vat), "currency": invoice.currency}
    )
    line(
        _("To pay: %(amount)s %(currency)s")
        % {"amount": money(invoice.total_gross), "currency": invoice.currency},
        bold,
        12,
    )
    if invoice.is_exempt:
        y -= 4
        line(_("VAT exempt: %(basis)s") % {"basis": invoice.exemption_basis}, size=9)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()
