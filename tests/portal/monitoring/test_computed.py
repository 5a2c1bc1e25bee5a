"""The portal's figures for a quarter equal an independent count of the rows the test makes."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from portal.events.models import EventPage, Registration
from portal.monitoring import computed
from tests.factories.certificates import certificate
from tests.factories.organisations import OrganisationFactory, PowiatFactory
from tests.factories.pages import live_event
from tests.factories.partners import PartnerFactory

pytestmark = pytest.mark.django_db
WARSAW = ZoneInfo("Europe/Warsaw")
Q1 = (date(2025, 1, 1), date(2025, 3, 31))


@pytest.fixture
def owes():
    mine, theirs = PowiatFactory(), PowiatFactory()
    owes = OrganisationFactory()
    owes.powiats.add(mine)
    owes.save()
    return owes, mine, theirs


def test_quarter_dates() -> None:
    assert computed.quarter_dates(2025, 1) == Q1
    assert computed.quarter_dates(2024, 4) == (date(2024, 10, 1), date(2024, 12, 31))
    assert computed.quarter_dates(2024, 1)[1] == date(2024, 3, 31)
    with pytest.raises(ValueError):
        computed.quarter_dates(2025, 5)


def test_new_pes(owes) -> None:
    owes, mine, theirs = owes
    made = [
        PartnerFactory(powiat=mine, operating_since=day)
        for day in (date(2025, 1, 1), date(2025, 2, 14), date(2025, 3, 31), date(2024, 12, 31))
    ]
    PartnerFactory(powiat=mine, operating_since=date(2025, 4, 1))
    PartnerFactory(powiat=theirs, operating_since=date(2025, 2, 1))
    PartnerFactory(powiat=mine, operating_since=None)
    expected = sum(1 for p in made if Q1[0] <= p.operating_since <= Q1[1])
    assert computed.new_pes(owes, *Q1) == Decimal(expected) == 3


def test_certificates(owes) -> None:
    owes, mine, theirs = owes
    holder, elsewhere = PartnerFactory(powiat=mine), PartnerFactory(powiat=theirs)
    days = [date(2025, 1, 10), date(2025, 3, 31), date(2025, 4, 1), date(2024, 12, 31)]
    for n, day in enumerate(days):
        certificate(holder, [], number=f"ZP/T/{n}", issued_on=day, revoked_on=None)
    certificate(
        holder, [], number="ZP/T/R", issued_on=date(2025, 2, 2), revoked_on=date(2025, 3, 1)
    )
    certificate(elsewhere, [], number="ZP/T/E", issued_on=date(2025, 2, 2))
    expected = sum(1 for d in [*days, date(2025, 2, 2)] if Q1[0] <= d <= Q1[1])
    assert computed.certificates(owes, *Q1) == Decimal(expected) == 3


def test_event_registrations_count_confirmed_in_warsaw_quarter(owes) -> None:
    owes, _mine, _theirs = owes
    other = OrganisationFactory()
    event_in, _made = live_event("W kwartale", "w-kwartale-mon", 50)
    late_evening = datetime(2025, 3, 31, 23, 30, tzinfo=WARSAW)  # 21:30 UTC, still Q1
    EventPage.objects.filter(pk=event_in.pk).update(
        organiser=owes, start=late_evening, end=late_evening + timedelta(hours=1)
    )
    event_out, _more = live_event("Po kwartale", "po-kwartale-mon", 50)
    just_after = datetime(2025, 4, 1, 0, 30, tzinfo=WARSAW)  # 2025-03-31 22:30 UTC, but Q2
    EventPage.objects.filter(pk=event_out.pk).update(
        organiser=owes, start=just_after, end=just_after + timedelta(hours=1)
    )
    event_other, _others = live_event("Cudze", "cudze-mon", 50)
    EventPage.objects.filter(pk=event_other.pk).update(
        organiser=other, start=late_evening, end=late_evening + timedelta(hours=1)
    )
    S = Registration.Status
    rows = [
        (event_in, S.CONFIRMED),
        (event_in, S.CONFIRMED),
        (event_in, S.WAITLIST),
        (event_in, S.CANCELLED),
        (event_out, S.CONFIRMED),
        (event_other, S.CONFIRMED),
    ]
    for n, (event, status) in enumerate(rows):
        Registration.objects.create(
            event=event,
            name=f"Osoba {n}",
            email=f"osoba{n}@example.org",
            status=status,
            consent=True,
        )
    expected = sum(1 for event, status in rows if event == event_in and status == S.CONFIRMED)
    assert computed.event_registrations(owes, *Q1) == Decimal(expected) == 2
    assert computed.event_registrations(owes, date(2025, 4, 1), date(2025, 6, 30)) == 1


def test_advice_hours_not_recorded(owes) -> None:
    assert computed.advice_hours(owes[0], *Q1) is None


def test_each_figure_is_one_query(owes, django_assert_num_queries) -> None:
    for function in (computed.new_pes, computed.certificates, computed.event_registrations):
        with django_assert_num_queries(1):
            function(owes[0], *Q1)
