"""Buyers, their staff, notices and offers (offers are written through `Offer.submissions`,
the only manager that sees sealed ones)."""

from __future__ import annotations

from datetime import timedelta

import factory
from django.utils import timezone

from marketplace.procurement.models import (
    BuyerKind,
    BuyerMembership,
    BuyerOrganisation,
    Notice,
    NoticeKind,
    NoticeStatus,
    Offer,
)

from .organisations import PowiatFactory
from .partners import ActivityFieldFactory, PartnerFactory
from .users import UserFactory

NIP_WEIGHTS = (6, 5, 7, 2, 3, 4, 5, 6, 7)


def valid_nip(n: int) -> str:
    """The n-th valid NIP (a checksum digit that is never 10), from 521-000-00-0x."""
    base = 521_000_000 + n * 7
    while True:
        digits = [int(d) for d in f"{base:09d}"]
        check = sum(w * d for w, d in zip(NIP_WEIGHTS, digits, strict=True)) % 11
        if check != 10:
            return f"{base:09d}{check}"
        base += 1


class BuyerFactory(factory.django.DjangoModelFactory):
    """A verified buyer (a gmina unless told otherwise)."""

    class Meta:
        model = BuyerOrganisation

    name = factory.Sequence(lambda n: f"Gmina Testowa {n}")
    slug = factory.Sequence(lambda n: f"gmina-testowa-{n}")
    kind = BuyerKind.GMINA
    nip = factory.Sequence(valid_nip)
    address = "ul. Rynek 1, 25-001 Kielce"
    email = factory.Sequence(lambda n: f"zamowienia{n}@gmina.example.org")
    verified_at = factory.LazyFunction(timezone.now)

    class Params:
        unverified = factory.Trait(verified_at=None)


class BuyerUserFactory(UserFactory):
    """A buyer's staff member: `BuyerUserFactory(buyer=b)` (a new buyer when not given);
    `admin=True` makes them the buyer's administrator."""

    class Params:
        admin = False

    @factory.post_generation
    def buyer(self, create: bool, extracted, **kwargs) -> None:
        if not create:
            return
        buyer = extracted or BuyerFactory()
        BuyerMembership.objects.create(
            buyer=buyer, user=self, is_admin=bool(kwargs.get("admin", False))
        )


class NoticeFactory(factory.django.DjangoModelFactory):
    """A published notice open for a week, offers opened an hour after the deadline.

    `activity_fields=[...]` and `powiats=[...]` set what it matches."""

    class Meta:
        model = Notice
        skip_postgeneration_save = True

    buyer = factory.SubFactory(BuyerFactory)
    kind = NoticeKind.QUOTATION
    subject = factory.Sequence(lambda n: f"Catering na spotkanie {n}")
    description = "Obiad dla 40 osób, dowóz do urzędu."
    deadline = factory.LazyFunction(lambda: timezone.now() + timedelta(days=7))
    opening_at = factory.LazyAttribute(lambda o: o.deadline + timedelta(hours=1))
    contact_name = "Anna Nowak"
    contact_email = "anna.nowak@gmina.example.org"
    status = NoticeStatus.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def activity_fields(self, create: bool, extracted, **kwargs) -> None:
        if create and extracted:
            self.activity_fields.set(extracted)

    @factory.post_generation
    def powiats(self, create: bool, extracted, **kwargs) -> None:
        if create and extracted:
            self.powiats.set(extracted)


class OfferFactory(factory.django.DjangoModelFactory):
    """A submitted offer, sealed or not as its notice's opening time says."""

    class Meta:
        model = Offer

    notice = factory.SubFactory(NoticeFactory)
    partner = factory.SubFactory(PartnerFactory)
    price = "4800.00"
    terms = "Dowóz, zastawa, obsługa kelnerska."

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return model_class.submissions.create(*args, **kwargs)


def matching_pes(notice: Notice, *, email: str | None = None, **fields):
    """A listed PES that matches `notice` (its first field of activity, its first powiat), with
    a contact address; `art_94=True` gives it 3 of 10 employees at risk (eligible under
    art. 94 Pzp). Other keyword arguments go to PartnerFactory."""
    if fields.pop("art_94", False):
        fields.setdefault("employees_total", 10)
        fields.setdefault("employees_at_risk", 3)
    partner = PartnerFactory(powiat=notice.powiats.order_by("pk").first(), **fields)
    partner.email = f"pes{partner.pk}@example.org" if email is None else email
    partner.save(update_fields=["email"])
    partner.activity_fields.add(notice.activity_fields.order_by("pk").first())
    return partner


def notice_with_match(**kwargs) -> Notice:
    """A published, open notice with one new field of activity and one new powiat."""
    kwargs.setdefault("activity_fields", [ActivityFieldFactory()])
    kwargs.setdefault("powiats", [PowiatFactory()])
    return NoticeFactory(**kwargs)
