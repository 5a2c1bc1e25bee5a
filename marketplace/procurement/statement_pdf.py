"""The social-value statement as an A4 PDF (reportlab), with the certificate's fonts."""

from __future__ import annotations

import io

from anyascii import anyascii
from django.utils import formats
from django.utils.translation import gettext as _
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen import canvas

from marketplace.certificates.pdf import _fonts

from .statement import Statement


def statement_pdf(result: Statement) -> bytes:
    regular, bold, polish = _fonts()

    def text(value: object) -> str:
        value = str(value)
        return value if polish else anyascii(value)

    def money(value) -> str:
        return formats.number_format(value, 2, use_l10n=True, force_grouping=True) + " zł"

    buffer = io.BytesIO()
    width, height = A4
    pdf = canvas.Canvas(buffer, pagesize=A4)
    pdf.setTitle(text(_("Social-value statement: %(buyer)s") % {"buyer": result.buyer.name}))
    pdf.setAuthor(text(_("Regional Social Policy Centre")))
    left, right = 18 * mm, width - 18 * mm
    y = height - 22 * mm

    def line(value: object, font: str = regular, size: float = 10, x: float = left) -> None:
        nonlocal y
        if y < 20 * mm:
            pdf.showPage()
            y = height - 22 * mm
        value = text(value)
        while size > 6 and pdfmetrics.stringWidth(value, font, size) > right - x:
            size -= 0.5
        pdf.setFont(font, size)
        pdf.drawString(x, y, value)
        y -= size + 5

    def table(title: str, shares: list) -> None:
        nonlocal y
        y -= 4
        line(title, bold, 11)
        for share in shares:
            line(
                f"{share.label}: {money(share.value)} ({formats.number_format(share.percent, 1)}%)",
                size=9,
                x=left + 4 * mm,
            )

    line(_("Social-value statement"), bold, 16)
    line(f"{result.buyer.name} · NIP {result.buyer.nip}", bold, 11)
    line(
        _("Period: %(start)s – %(end)s")
        % {"start": result.period.start.isoformat(), "end": result.period.end.isoformat()}
    )
    y -= 4
    line(_("Total spend with PES (gross): %(total)s") % {"total": money(result.total)}, bold, 12)
    line(_("Number of PES: %(count)s") % {"count": result.partner_count})
    table(_("By source"), result.by_source)
    table(_("Social value"), [result.certified, result.social_enterprise, result.art_94])
    table(_("By powiat"), result.by_powiat)
    table(_("By field of activity"), result.by_field)
    line(_("A PES with several fields of activity counts in each of them."), size=8)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()
