"""An isolated subregion for the statistics tests: an OWES serving three powiats of a made-up
voivodeship, with PES, certificates, shop orders and awarded notices only these tests create.

`World.expected_*` are NOT computed by `portal.statistics`: each is counted here, in Python,
from the rows `build_world` made, so a test compares the published figure with an independent
computation.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.utils import timezone
from oscar.core.loading import get_model

from marketplace.certificates.models import Certificate
from marketplace.procurement.models import NoticeKind, NoticeStatus
from portal.organisations.models import Organisation, Powiat
from tests.factories.orders import create_pes_order
from tests.factories.partners import ActivityFieldFactory, PartnerFactory
from tests.factories.procurement import BuyerFactory, NoticeFactory, OfferFactory

Order = get_model("order", "Order")
Notice = get_model("procurement", "Notice")

VOIVODESHIP = "test-stats"


@dataclass
class World:
    owes: Organisation
    powiats: list[Powiat]
    year: int
    pes: list[Any] = field(default_factory=list)  # listed PES, all operating by `year`
    unlisted: Any = None
    later: Any = None  # listed, but began after `year`
    orders: list[Any] = field(default_factory=list)
    notices: list[Any] = field(default_factory=list)

    def counted(self) -> list[Any]:
        return list(self.pes)


def _pes(powiat: Powiat, n: int, **fields: Any) -> Any:
    return PartnerFactory(name=f"PES statystyk {powiat.code} {n}", powiat=powiat, **fields)


def build_world() -> World:
    """16 listed PES (7, 3 and 6 in three powiats), one unlisted and one founded next year."""
    year = timezone.localdate().year
    powiats = [
        Powiat.objects.create(
            code=f"stat-{name}", name=f"Statystyczny {name}", voivodeship=VOIVODESHIP
        )
        for name in ("alfa", "beta", "gamma")
    ]
    owes = Organisation.objects.create(
        kind=Organisation.Kind.OWES, name="OWES Statystyczny", slug="owes-statystyczny"
    )
    owes.powiats.set(powiats)
    owes.save()  # a ParentalManyToManyField is written on save
    world = World(owes=owes, powiats=powiats, year=year)
    catering = ActivityFieldFactory(name="Statystyczna gastronomia", slug="stat-gastronomia")
    cleaning = ActivityFieldFactory(name="Statystyczne sprzątanie", slug="stat-sprzatanie")
    sizes = {powiats[0]: 7, powiats[1]: 3, powiats[2]: 6}
    number = 0
    for powiat, size in sizes.items():
        for i in range(size):
            number += 1
            partner = _pes(
                powiat,
                i,
                legal_form="social_cooperative" if number % 3 else "foundation",
                operating_since=datetime.date(year - (number % 12), 3, 1) if number % 5 else None,
                ps_decision_number=f"PS/{number}" if number % 2 else "",
                ps_decision_date=datetime.date(year - 1, 5, 5) if number % 2 else None,
                employees_total=10,
                employees_at_risk=3 if number % 4 == 0 else 1,
            )
            partner.activity_fields.set([catering, cleaning] if number <= 6 else [catering])
            world.pes.append(partner)
    world.unlisted = _pes(powiats[0], 99, listed_in_directory=False)
    world.later = _pes(powiats[0], 98, operating_since=datetime.date(year + 1, 1, 1))
    # certificates: six PES issued this year, two more at the end of last year
    today = timezone.localdate()
    for i, partner in enumerate(world.pes[:8]):
        issued = datetime.date(year, 1, 2) if i < 6 else datetime.date(year - 1, 12, 1)
        Certificate.objects.create(
            number=f"ZP/ST/{i}",
            holder=partner,
            issued_on=min(issued, today),
            valid_until=Certificate.last_valid_day(min(issued, today)),
        )
    Certificate.objects.create(
        number="ZP/ST/U",
        holder=world.unlisted,
        issued_on=today,
        valid_until=Certificate.last_valid_day(today),
    )
    # shop orders this year: 6 with five PES of the first powiat (5 buyers), 2 in the third,
    # one cancelled (not counted), one of the unlisted PES (not counted)
    placed = timezone.now()
    for i, partner in enumerate([*world.pes[:5], world.pes[0]]):
        world.orders.append(create_pes_order(partner, guest_email=f"kupiec{i % 5}@example.org"))
    for partner in world.pes[10:12]:
        world.orders.append(create_pes_order(partner, guest_email="jeden@example.org"))
    cancelled = create_pes_order(world.pes[1], guest_email="x@example.org")
    Order.objects.filter(pk=cancelled.pk).update(status="cancelled")
    create_pes_order(world.unlisted, guest_email="y@example.org")
    Order.objects.filter(pk__in=[o.pk for o in world.orders]).update(date_placed=placed)
    # awarded notices this year, buyers in the first powiat: 5 buyers, 5 PES
    for i, partner in enumerate(world.pes[:5]):
        buyer = BuyerFactory(powiat=powiats[0])
        notice = NoticeFactory(buyer=buyer, kind=NoticeKind.RESERVED)
        offer = OfferFactory(notice=notice, partner=partner, price="1000.00")
        Notice.objects.filter(pk=notice.pk).update(
            status=NoticeStatus.AWARDED,
            awarded_offer=offer,
            award_value=Decimal("1000.00") + i,
            awarded_at=placed,
        )
        world.notices.append(Notice.objects.get(pk=notice.pk))
    return world
