"""A small, known PES world for the PES database tests, next to the demo: two test powiats
nobody else uses, so the demo's PES never change what the tests expect."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.utils import timezone
from oscar.core.loading import get_model

from marketplace.certificates.models import Certificate

from .catalogue import sell
from .organisations import OrganisationFactory, PowiatFactory
from .partners import ActivityFieldFactory, PartnerFactory

ProductClass = get_model("catalogue", "ProductClass")

# Every test limits itself to the world's powiats, so demo PES never change the expectations.
SCOPE = "powiat=dir-p1&powiat=dir-p2"


@dataclass
class World:
    a: Any  # Łąka: catering, PS, 40%, valid certificate, sells online, social reintegration
    b: Any  # Fundacja Smak: catering, 20%, expired certificate
    c: Any  # Stowarzyszenie Czysto: cleaning, exactly 30%, revoked certificate
    e: Any  # Zakład Brzegowy: 29.95%: just under 30%, so not eligible under art. 94
    hidden: Any  # unlisted: must never leave the site
    catering: Any
    cleaning: Any
    certificates: dict


def _certificate(number: str, holder: Any, *, days_ago: int, revoked: bool = False) -> Any:
    today = timezone.localdate()
    issued = today - timedelta(days=days_ago)
    return Certificate.objects.create(
        number=number,
        holder=holder,
        scope="Obiady",
        issued_on=issued,
        valid_until=issued + timedelta(days=364),
        revoked_on=today - timedelta(days=1) if revoked else None,
    )


def build_world() -> World:
    p1 = PowiatFactory(code="dir-p1", name="Testowo")
    p2 = PowiatFactory(code="dir-p2", name="Drugowo")
    owes = OrganisationFactory()
    catering = ActivityFieldFactory(slug="dir-catering", name="Gastronomia", name_en="Catering")
    cleaning = ActivityFieldFactory(slug="dir-sprzatanie", name="Sprzątanie", name_en="Cleaning")
    a = PartnerFactory(
        name="Spółdzielnia Socjalna Łąka",
        powiat=p1,
        city="Łódź",
        gmina="Łódź",
        description="Obiady dla szkół, czysto i smacznie.",
        social_mission="Praca dla osób z niepełnosprawnościami.",
        employees_total=10,
        employees_at_risk=4,
        ps_decision_number="PS/1/2025",
        ps_decision_date=timezone.localdate() - timedelta(days=100),
        reintegration="social",
        email="biuro@laka.example.org",
        phone="+48 41 123 45 67",
        website="https://laka.example.org",
        nip="6570001125",
        regon="123456785",
        krs="0000123456",
        iban="PL61109010140000071219812874",
        owes=owes,
        pickup_points="ul. Polna 1, Łódź\nRynek 2, Łódź",
        opening_hours="pn–pt 8–16",
    )
    b = PartnerFactory(
        name="Fundacja Smak",
        legal_form="foundation",
        powiat=p1,
        city="Testowo",
        employees_total=10,
        employees_at_risk=2,
        reintegration="vocational",
    )
    c = PartnerFactory(
        name="Stowarzyszenie Czysto",
        legal_form="association",
        powiat=p2,
        employees_total=1000,
        employees_at_risk=300,
    )
    e = PartnerFactory(
        name="Zakład Brzegowy",
        legal_form="zaz",
        powiat=p2,
        employees_total=10000,
        employees_at_risk=2995,
    )
    hidden = PartnerFactory(name="Ukryta Spółdzielnia", powiat=p1, listed_in_directory=False)
    a.activity_fields.add(catering)
    b.activity_fields.add(catering)
    c.activity_fields.add(cleaning)
    hidden.activity_fields.add(catering)
    goods = ProductClass.objects.get(slug="produkt")
    service = ProductClass.objects.get(slug="usluga")
    jam = sell(a, "Powidła z Łąki", price="10", stock=5, product_class=goods.name)
    sell(a, "Catering szkolny Łąka", price="10", stock=5, product_class=service.name)
    secret = sell(
        a, "Tajny produkt", price="10", stock=5, product_class=goods.name, is_public=False
    )
    certificates = {
        "valid": _certificate("ZP/2026/9901", a, days_ago=10),
        "expired": _certificate("ZP/2024/9902", b, days_ago=500),
        "revoked": _certificate("ZP/2026/9903", c, days_ago=10, revoked=True),
        "hidden": _certificate("ZP/2026/9904", hidden, days_ago=10),
    }
    certificates["valid"].products.add(jam, secret)
    return World(a, b, c, e, hidden, catering, cleaning, certificates)
