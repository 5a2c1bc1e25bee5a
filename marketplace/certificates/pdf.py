"""The printable certificate (PDF, A4) with its QR code, drawn with reportlab.

Polish letters need a font that has them: reportlab's built-in Helvetica does not (ł, ś, ż…).
DejaVu Sans from Debian's fonts-dejavu-core is embedded when present; without it we fall back to
Helvetica and the text is transliterated to ASCII, so the PDF is still readable, never broken.
"""

from __future__ import annotations

import io
from pathlib import Path

from anyascii import anyascii
from django.utils import formats
from django.utils.translation import gettext as _
from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from .models import Certificate, CertificateState
from .qr import make_qr

FONT_DIRS = [Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu")]
GREEN = HexColor("#1b5e20")


def _fonts() -> tuple[str, str, bool]:
    """(regular, bold, has Polish letters), registering DejaVu Sans once when it exists."""
    for folder in FONT_DIRS:
        regular, bold = folder / "DejaVuSans.ttf", folder / "DejaVuSans-Bold.ttf"
        if regular.exists() and bold.exists():
            if "DejaVuSans" not in pdfmetrics.getRegisteredFontNames():
                pdfmetrics.registerFont(TTFont("DejaVuSans", str(regular)))
                pdfmetrics.registerFont(TTFont("DejaVuSans-Bold", str(bold)))
            return "DejaVuSans", "DejaVuSans-Bold", True
    return "Helvetica", "Helvetica-Bold", False


def certificate_pdf(certificate: Certificate, verify_url: str) -> bytes:
    """A4 certificate: number, holder, scope, dates, state today and the QR to verify it."""
    regular, bold, polish = _fonts()

    def text(value: object) -> str:
        value = str(value)
        return value if polish else anyascii(value)

    def day(value) -> str:
        return formats.date_format(value, "j E Y")

    def centred(y: float, value: object, font: str, size: float) -> None:
        """One centred line, its font shrunk (down to 7 pt) so long names stay on the page."""
        line = text(value)
        room = width - 40 * mm
        while size > 7 and pdfmetrics.stringWidth(line, font, size) > room:
            size -= 0.5
        pdf.setFont(font, size)
        pdf.drawCentredString(width / 2, y, line)

    buffer = io.BytesIO()
    width, height = A4
    pdf = canvas.Canvas(buffer, pagesize=A4)
    pdf.setTitle(
        text(_("Zakup Prospołeczny certificate %(number)s") % {"number": certificate.number})
    )
    pdf.setSubject(certificate.number)  # plain ASCII in the document info: searchable
    pdf.setAuthor(text(_("Regional Social Policy Centre")))
    pdf.setStrokeColor(GREEN)
    pdf.setLineWidth(3)
    pdf.rect(15 * mm, 15 * mm, width - 30 * mm, height - 30 * mm)

    y = height - 45 * mm
    pdf.setFillColor(GREEN)
    pdf.setFont(bold, 30)
    pdf.drawCentredString(width / 2, y, text("Zakup Prospołeczny"))
    y -= 12 * mm
    pdf.setFillColorRGB(0, 0, 0)
    pdf.setFont(regular, 14)
    pdf.drawCentredString(
        width / 2, y, text(_("Certificate no. %(number)s") % {"number": certificate.number})
    )
    y -= 18 * mm
    pdf.setFont(regular, 12)
    pdf.drawCentredString(width / 2, y, text(_("is held by")))
    y -= 10 * mm
    centred(y, certificate.holder.name, bold, 18)
    y -= 14 * mm
    pdf.setFont(regular, 12)
    pdf.drawCentredString(width / 2, y, text(_("for these products and services:")))
    y -= 8 * mm
    for product in certificate.products.all()[:18]:
        centred(y, f"• {product.get_title()}", regular, 11)
        y -= 6 * mm
    y -= 6 * mm
    pdf.setFont(regular, 12)
    pdf.drawCentredString(
        width / 2,
        y,
        text(
            _("Issued on %(issued)s, valid until %(until)s inclusive.")
            % {"issued": day(certificate.issued_on), "until": day(certificate.valid_until)}
        ),
    )
    state = certificate.state()
    if state == CertificateState.REVOKED:
        y -= 8 * mm
        pdf.setFillColor(HexColor("#b71c1c"))
        pdf.setFont(bold, 12)
        pdf.drawCentredString(
            width / 2,
            y,
            text(_("Revoked on %(day)s.") % {"day": day(certificate.revoked_on)}),
        )
        pdf.setFillColorRGB(0, 0, 0)

    _draw_qr(pdf, verify_url, x=width / 2 - 22 * mm, y=35 * mm, size=44 * mm)
    pdf.setFont(regular, 9)
    pdf.drawCentredString(width / 2, 28 * mm, text(_("Check whether it is valid today:")))
    pdf.drawCentredString(width / 2, 23 * mm, verify_url)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def _draw_qr(pdf: canvas.Canvas, url: str, *, x: float, y: float, size: float) -> None:
    """The same segno code as the SVG, drawn module by module (vector, sharp when printed)."""
    matrix = [list(row) for row in make_qr(url).matrix]
    border = 4
    count = len(matrix) + 2 * border
    module = size / count
    pdf.setFillColorRGB(0, 0, 0)
    for row_index, row in enumerate(matrix):
        for col_index, dark in enumerate(row):
            if dark:
                pdf.rect(
                    x + (col_index + border) * module,
                    y + size - (row_index + border + 1) * module,
                    module,
                    module,
                    stroke=0,
                    fill=1,
                )
