"""A known notice board next to the demo: two test powiats and two fields nobody else uses, a
notice in every phase and the non-public ones that must never show."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.utils import timezone

from marketplace.procurement.models import NoticeKind, NoticeQuestion, NoticeStatus

from .organisations import PowiatFactory
from .partners import ActivityFieldFactory, PartnerFactory
from .procurement import BuyerFactory, NoticeFactory, OfferFactory

# Every board test limits itself to the world's powiats, so demo notices never change it.
BOARD_SCOPE = "powiat=zp-p1&powiat=zp-p2"


@dataclass
class Board:
    p1: Any
    p2: Any
    catering: Any
    cleaning: Any
    soon: Any  # open, quotation, catering, p1, deadline in 2 days
    later: Any  # open, reserved (art. 94), cleaning, p1+p2, deadline in 10 days
    closed: Any  # closed awaiting the award, social clauses, catering, p2
    awarded: Any  # awarded to `winner`, catering, p1
    cancelled: Any  # cancelled with a reason, cleaning, p2
    hidden: list  # draft, pending and rejected: never public
    winner: Any


def build_board() -> Board:
    now = timezone.now()
    p1 = PowiatFactory(code="zp-p1", name="Pierwszowo")
    p2 = PowiatFactory(code="zp-p2", name="Drugowo Zamówień")
    catering = ActivityFieldFactory(slug="zp-catering", name="Katering", name_en="Catering")
    cleaning = ActivityFieldFactory(slug="zp-sprzatanie", name="Sprzątanie", name_en="Cleaning")
    buyer = BuyerFactory(name="Gmina Zamówieniowo")
    soon = NoticeFactory(
        buyer=buyer,
        subject="Obiady dla przedszkola",
        deadline=now + timedelta(days=2),
        published_at=now - timedelta(days=3),
        estimated_value="12000.00",
        activity_fields=[catering],
        powiats=[p1],
    )
    later = NoticeFactory(
        buyer=buyer,
        kind=NoticeKind.RESERVED,
        subject="Sprzątanie urzędu",
        deadline=now + timedelta(days=10),
        published_at=now - timedelta(days=1),
        activity_fields=[cleaning],
        powiats=[p1, p2],
    )
    closed = NoticeFactory(
        buyer=buyer,
        kind=NoticeKind.SOCIAL_CLAUSES,
        clause_at_risk_employment=True,
        subject="Catering na konferencję",
        deadline=now - timedelta(days=1),
        published_at=now - timedelta(days=5),
        activity_fields=[catering],
        powiats=[p2],
    )
    awarded = NoticeFactory(
        buyer=buyer,
        subject="Paczki świąteczne",
        deadline=now - timedelta(days=10),
        published_at=now - timedelta(days=20),
        activity_fields=[catering],
        powiats=[p1],
    )
    winner = PartnerFactory(name="Spółdzielnia Socjalna Zwycięska", powiat=p1)
    offer = OfferFactory(notice=awarded, partner=winner, price="9000.00")
    awarded.status = NoticeStatus.AWARDED
    awarded.awarded_offer = offer
    awarded.award_value = "9000.00"
    awarded.awarded_at = now - timedelta(days=2)
    awarded.save()
    cancelled = NoticeFactory(
        buyer=buyer,
        subject="Remont świetlicy",
        status=NoticeStatus.CANCELLED,
        cancelled_at=now - timedelta(days=1),
        cancel_reason="Brak środków w budżecie gminy.",
        deadline=now + timedelta(days=3),
        published_at=now - timedelta(days=4),
        activity_fields=[cleaning],
        powiats=[p2],
    )
    hidden = [
        NoticeFactory(
            buyer=buyer,
            subject=f"Ukryte ogłoszenie {status}",
            status=status,
            published_at=None,
            activity_fields=[catering],
            powiats=[p1],
        )
        for status in (NoticeStatus.DRAFT, NoticeStatus.PENDING, NoticeStatus.REJECTED)
    ]
    return Board(
        p1, p2, catering, cleaning, soon, later, closed, awarded, cancelled, hidden, winner
    )


def answered_question(notice: Any, question: str, answer: str, email: str = "") -> NoticeQuestion:
    return NoticeQuestion.objects.create(
        notice=notice,
        question=question,
        asker_email=email,
        answer=answer,
        answered_at=timezone.now(),
    )
