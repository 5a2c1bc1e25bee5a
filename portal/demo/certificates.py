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
from dataclasses import dataclass
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


@dataclass(frozen=True)
class DemoCertificate:
    """A certificate, numbered ZP/<year of issue>/<sequence>, issued `age` days ago."""

    sequence: int
    pes: str  # the holder's code
    age: int | str  # days since issue, or "expiring": its last day EXPIRING_IN_DAYS from today
    revoked_ago: int | None = None  # revoked that many days ago
    reason: str = ""  # of the revocation


@dataclass(frozen=True)
class DemoApplication:
    """A PES's application for the certificate."""

    pes: str  # the applicant's code
    status: str
    ticked: bool  # every item of the committee's checklist
    refusal: str  # the refusal's reason


CERTIFICATES: list[DemoCertificate] = [
    DemoCertificate(sequence=1, pes="kielecka-spizarnia", age=200),
    DemoCertificate(sequence=2, pes="wtz-pracownia-nadziei", age=90),
    DemoCertificate(sequence=3, pes="lysogorskie-ziola", age=300),
    DemoCertificate(sequence=4, pes="smaki-ponidzia", age=30),
    DemoCertificate(sequence=5, pes="bajkowa-pracownia", age=150),
    DemoCertificate(sequence=6, pes="nadwislanskie-ogrody", age="expiring"),
    DemoCertificate(sequence=7, pes="nitka", age=60),
    DemoCertificate(sequence=8, pes="jablkowy-sad", age=250),
    DemoCertificate(sequence=9, pes="starachowicka-poligrafia", age=400),  # expired 35 days ago
    DemoCertificate(
        sequence=10,
        pes="pszczela-dolina",
        age=120,
        revoked_ago=14,
        reason="Kontrola wykazała, że udział przychodów własnych spadł poniżej 30%.",
    ),
]
EXPIRING_IN_DAYS = 20

APPLICATIONS: list[DemoApplication] = [
    DemoApplication(
        pes="kis-krok-dalej", status=ApplicationStatus.SUBMITTED, ticked=False, refusal=""
    ),
    DemoApplication(
        pes="zamkowe-wzgorze", status=ApplicationStatus.UNDER_REVIEW, ticked=True, refusal=""
    ),
    DemoApplication(
        pes="zaz-sloneczny-zegar",
        status=ApplicationStatus.REFUSED,
        ticked=False,
        refusal="Brak sprawozdania finansowego potwierdzającego przychody własne.",
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
    partners = {p.code: p for p in Partner.objects.filter(code__in=[c.pes for c in CERTIFICATES])}
    for item in CERTIFICATES:
        sequence, revoked_ago = item.sequence, item.revoked_ago
        partner = partners[item.pes]
        if item.age == "expiring":
            issued = _issue_date_expiring_in(EXPIRING_IN_DAYS)
        else:
            issued = today - timedelta(days=item.age)
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
        certificate.revocation_reason = item.reason
        certificate.scope = ", ".join(product.title for product in products)
        certificate.save()
        certificate.products.set(products)
    say(
        f"certificates: {len(CERTIFICATES)} Zakup Prospołeczny certificates "
        "(one expired, one revoked, one expiring soon)"
    )

    for item in APPLICATIONS:
        partner = Partner.objects.get(code=item.pes)
        application = Application.objects.filter(partner=partner).first() or Application(
            partner=partner
        )
        application.legal_form_confirmed = True
        application.operating_six_months = True
        application.social_goals = partner.social_mission or partner.description
        application.own_revenue_share = 42
        application.status = item.status
        for name in Application.CHECKLIST:
            setattr(application, name, item.ticked)
        application.refusal_reason = item.refusal
        application.decided_on = today - timedelta(days=3) if item.refusal else None
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
