"""Shared helpers: a PES selling products, certificates on chosen dates, a clock set to a day."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from unittest import mock
from zoneinfo import ZoneInfo

from django.contrib.auth.models import Group
from oscar.core.loading import get_model
from oscar.test.factories import create_product

from marketplace.certificates.models import Certificate
from tests.factories import PesUserFactory, UserFactory

Partner = get_model("partner", "Partner")
WARSAW = ZoneInfo("Europe/Warsaw")
COMMITTEE = "Kapituła Zakup Prospołeczny"


def pes_with_products(name: str, count: int = 2) -> tuple[object, list]:
    """A PES selling `count` products, with an e-mail address for the committee's letters."""
    products = [
        create_product(
            title=f"{name} produkt {i}", partner_name=name, price=Decimal("10.00"), num_in_stock=5
        )
        for i in range(count)
    ]
    partner = Partner.objects.get(name=name)
    partner.email = f"{name.lower().replace(' ', '-')}@example.org"
    partner.accepts_transfer = False
    partner.save()
    return partner, products


def certificate(
    holder: object,
    products: list,
    *,
    number: str = "ZP/2026/0001",
    issued_on: date = date(2026, 1, 15),
    revoked_on: date | None = None,
    reason: str = "",
) -> Certificate:
    made = Certificate.objects.create(
        number=number,
        holder=holder,
        issued_on=issued_on,
        valid_until=Certificate.last_valid_day(issued_on),
        revoked_on=revoked_on,
        revocation_reason=reason,
    )
    made.products.set(products)
    return made


@contextmanager
def clock(day: date, at: time = time(12, 0)) -> Iterator[None]:
    """Pretend it is `at` o'clock on `day` in Warsaw (timezone.now patched; the ORM is real)."""
    moment = datetime.combine(day, at, tzinfo=WARSAW)
    with mock.patch("django.utils.timezone.now", return_value=moment):
        yield


def pes_user(partner: object) -> object:
    return PesUserFactory(partners=[partner])


def committee_member() -> object:
    user = UserFactory(is_staff=True)
    user.groups.add(Group.objects.get(name=COMMITTEE))
    return user


def day_after(day: date) -> date:
    return day + timedelta(days=1)
