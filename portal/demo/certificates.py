"""Demo "Zakup Prospołeczny" certificates and applications.

About a third of the demo PES hold a certificate; all of them sell products, so badges show on
product cards. Dates are relative to today so the states stay true whenever the demo is loaded:
one certificate expired, one revoked, one expiring within 30 days, the rest valid. Keyed on the
number's sequence (ZP/<year of issue>/00xx), so loading again updates instead of adding. No
e-mails are sent.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import timedelta

from django.core.files.base import ContentFile
from oscar.core.loading import get_model
from reportlab.pdfgen import canvas

from marketplace.certificates.models import (
    Application,
    ApplicationAttachment,
    ApplicationStatus,
    Certificate,
    today_in_poland,
)

Partner = get_model("partner", "Partner")
Product = get_model("catalogue", "Product")

# (sequence, PES code, days since issue, revoked days ago or None, reason)
CERTIFICATES = [
    (1, "kielecka-spizarnia", 200, None, ""),
    (2, "wtz-pracownia-nadziei", 90, None, ""),
    (3, "lysogorskie-ziola", 300, None, ""),
    (4, "smaki-ponidzia", 30, None, ""),
    (5, "bajkowa-pracownia", 150, None, ""),
    (6, "nadwislanskie-ogrody", "expiring", None, ""),
    (7, "nitka", 60, None, ""),
    (8, "jablkowy-sad", 250, None, ""),
    (9, "starachowicka-poligrafia", 400, None, ""),  # expired 35 days ago
    (
        10,
        "pszczela-dolina",
        120,
        14,
        "Kontrola wykazała, że udział przychodów własnych spadł poniżej 30%.",
    ),
]
EXPIRING_IN_DAYS = 20

# (PES code, status, checklist ticked, refusal reason)
APPLICATIONS = [
    ("kis-krok-dalej", ApplicationStatus.SUBMITTED, False, ""),
    ("zamkowe-wzgorze", ApplicationStatus.UNDER_REVIEW, True, ""),
    (
        "zaz-sloneczny-zegar",
        ApplicationStatus.REFUSED,
        False,
        "Brak sprawozdania finansowego potwierdzającego przychody własne.",
    ),
]


def _issue_date_expiring_in(days: int):
    """The issue date whose last valid day is `days` from today."""
    end = today_in_poland() + timedelta(days=days + 1)
    try:
        return end.replace(year=end.year - 1)
    except ValueError:  # 29 February
        return end.replace(year=end.year - 1, day=28)


def _products_of(partner) -> list:
    return list(Product.objects.filter(stockrecords__partner=partner).distinct().order_by("pk"))


def load_certificates(say: Callable[[str], None]) -> None:
    today = today_in_poland()
    partners = {p.code: p for p in Partner.objects.filter(code__in=[c[1] for c in CERTIFICATES])}
    for sequence, code, age, revoked_ago, reason in CERTIFICATES:
        partner = partners[code]
        if age == "expiring":
            issued = _issue_date_expiring_in(EXPIRING_IN_DAYS)
        else:
            issued = today - timedelta(days=age)
        number = f"ZP/{issued.year}/{sequence:04d}"
        certificate = (
            Certificate.objects.filter(holder=partner, number__startswith="ZP/")
            .filter(number__endswith=f"/{sequence:04d}")
            .first()
        ) or Certificate.objects.filter(number=number).first()
        if certificate is None:
            certificate = Certificate(holder=partner)
        products = _products_of(partner)
        certificate.number = number
        certificate.holder = partner
        certificate.issued_on = issued
        certificate.valid_until = Certificate.last_valid_day(issued)
        certificate.revoked_on = today - timedelta(days=revoked_ago) if revoked_ago else None
        certificate.revocation_reason = reason
        certificate.scope = ", ".join(product.title for product in products)
        certificate.save()
        certificate.products.set(products)
    say(
        f"certificates: {len(CERTIFICATES)} Zakup Prospołeczny certificates "
        "(one expired, one revoked, one expiring soon)"
    )

    for code, status, ticked, refusal in APPLICATIONS:
        partner = Partner.objects.get(code=code)
        application = Application.objects.filter(partner=partner).first() or Application(
            partner=partner
        )
        application.legal_form_confirmed = True
        application.operating_six_months = True
        application.social_goals = partner.social_mission or partner.description
        application.own_revenue_share = 42
        application.status = status
        for name in Application.CHECKLIST:
            setattr(application, name, ticked)
        application.refusal_reason = refusal
        application.decided_on = today - timedelta(days=3) if refusal else None
        application.save()
        application.products.set(_products_of(partner)[:2])
        # The field's storage is the private one: the file never lands under /media/.
        attachment = application.attachments.first()
        if attachment is None:
            ApplicationAttachment.objects.create(
                application=application,
                file=ContentFile(_demo_pdf(), name="sprawozdanie.pdf"),
                original_name="sprawozdanie-finansowe.pdf",
            )
        elif not attachment.file or not attachment.file.storage.exists(attachment.file.name):
            # A row whose file is gone (a new private folder): write the file again.
            attachment.file.save("sprawozdanie.pdf", ContentFile(_demo_pdf()))
    say(f"certificate applications: {len(APPLICATIONS)} (submitted, under review, refused)")


def _demo_pdf() -> bytes:
    """A one-page PDF standing in for a financial statement."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer)
    pdf.drawString(72, 760, "Sprawozdanie finansowe (demo)")
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()
