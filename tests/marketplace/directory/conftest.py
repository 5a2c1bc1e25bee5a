"""A small, known PES world next to the demo: two test powiats nobody else uses."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal
from typing import Any

import pytest
from django.utils import timezone
from oscar.core.loading import get_model
from oscar.test.factories import create_product

from tests.factories import ActivityFieldFactory, OrganisationFactory, PartnerFactory, PowiatFactory

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
    from marketplace.certificates.models import Certificate

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
    jam = create_product(title="Powidła z Łąki", product_class=goods.name)
    lunch = create_product(title="Catering szkolny Łąka", product_class=service.name)
    secret = create_product(title="Tajny produkt", product_class=goods.name, is_public=False)
    for product in (jam, lunch, secret):
        product.stockrecords.create(
            partner=a, partner_sku=f"DIR-{product.pk}", price=Decimal("10"), num_in_stock=5
        )
    certificates = {
        "valid": _certificate("ZP/2026/9901", a, days_ago=10),
        "expired": _certificate("ZP/2024/9902", b, days_ago=500),
        "revoked": _certificate("ZP/2026/9903", c, days_ago=10, revoked=True),
        "hidden": _certificate("ZP/2026/9904", hidden, days_ago=10),
    }
    certificates["valid"].products.add(jam, secret)
    return World(a, b, c, e, hidden, catering, cleaning, certificates)


@pytest.fixture
def world(demo) -> World:
    return build_world()


def names(partners) -> set[str]:
    return {partner.name for partner in partners}
