"""The notice's phase from its dates, and offers sealed by the default manager."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from marketplace.procurement.models import Notice, Offer, OfferStatus, Phase
from tests.factories import NoticeFactory, OfferFactory

pytestmark = pytest.mark.django_db


def test_phase_follows_the_deadline():
    notice = NoticeFactory()
    assert notice.phase() == Phase.OPEN
    assert notice.phase(notice.deadline) == Phase.CLOSED
    assert Notice.objects.in_phase(Phase.OPEN).get() == notice
    assert not Notice.objects.in_phase(Phase.CLOSED, now=notice.deadline - timedelta(seconds=1))
    assert Notice.objects.in_phase(Phase.CLOSED, now=notice.deadline).get() == notice


def test_offers_are_sealed_until_the_opening_time():
    sealed = OfferFactory()
    opened = OfferFactory(
        notice=NoticeFactory(
            deadline=timezone.now() - timedelta(hours=2),
            opening_at=timezone.now() - timedelta(hours=1),
        )
    )
    assert list(Offer.objects.all()) == [opened]
    assert list(sealed.notice.offers.all()) == []
    assert list(opened.notice.offers.all()) == [opened]
    assert Offer.submissions.count() == 2
    assert sealed.status == OfferStatus.SUBMITTED
