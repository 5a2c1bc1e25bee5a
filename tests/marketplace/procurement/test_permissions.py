"""Who may do what in the buyer's panel: a matrix of people × pages and actions.

Anonymous visitors are sent to the login page; another buyer's staff, PES staff and (for
actions) the ROPS get a 404, never a 403, so nobody learns that a notice or an offer exists.
The ROPS reads notices, opened offers and their attachments but acts for no buyer. Before the
opening time even the buyer sees no offer, and an attachment is a 404 for everyone.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from marketplace.procurement import permissions
from marketplace.procurement.models import Notice, NoticeQuestion, NoticeStatus
from tests.factories import (
    ActivityFieldFactory,
    BuyerFactory,
    BuyerUserFactory,
    NoticeFactory,
    OfferFactory,
    PesUserFactory,
    PowiatFactory,
)

from .buyer_support import offer_attachment, opened_notice, rops_moderator

pytestmark = pytest.mark.django_db

PEOPLE = ("anonymous", "buyer_a", "buyer_b", "pes", "rops")
SEALED_PRICE = "4321.00"
OPENED_PRICE = "1234.00"


@pytest.fixture
def world():
    buyer_a = BuyerFactory()
    people = {
        "anonymous": None,
        "buyer_a": BuyerUserFactory(buyer=buyer_a),
        "buyer_b": BuyerUserFactory(buyer=BuyerFactory()),
        "pes": PesUserFactory(),
        "rops": rops_moderator(),
    }
    fields = {"activity_fields": [ActivityFieldFactory()], "powiats": [PowiatFactory()]}
    draft = NoticeFactory(buyer=buyer_a, status=NoticeStatus.DRAFT, published_at=None, **fields)
    sealed = NoticeFactory(buyer=buyer_a, **fields)
    sealed_offer = OfferFactory(notice=sealed, price=SEALED_PRICE)
    opened = opened_notice(buyer=buyer_a, **fields)
    opened_offer = OfferFactory(notice=opened, price=OPENED_PRICE)
    return {
        "people": people,
        "draft": draft,
        "sealed": sealed,
        "sealed_attachment": offer_attachment(sealed_offer),
        "opened": opened,
        "opened_offer": opened_offer,
        "opened_attachment": offer_attachment(opened_offer),
        "question": NoticeQuestion.objects.create(notice=sealed, question="Czy dowóz wliczony?"),
    }


def _url(name: str, **kwargs) -> str:
    return reverse(f"procurement-buyer:{name}", kwargs=kwargs)


ACTIONS = {
    "notice": lambda c, w: c.get(_url("notice", pk=w["sealed"].pk)),
    "edit": lambda c, w: c.get(_url("notice-edit", pk=w["draft"].pk)),
    "publish": lambda c, w: c.post(_url("notice-submit", pk=w["draft"].pk)),
    "offers_before": lambda c, w: c.get(_url("notice", pk=w["sealed"].pk)),
    "offers_after": lambda c, w: c.get(_url("notice", pk=w["opened"].pk)),
    "csv_before": lambda c, w: c.get(_url("offers-csv", pk=w["sealed"].pk)),
    "csv_after": lambda c, w: c.get(_url("offers-csv", pk=w["opened"].pk)),
    "attachment_before": lambda c, w: c.get(
        _url("attachment", pk=w["sealed"].pk, attachment_pk=w["sealed_attachment"].pk)
    ),
    "attachment_after": lambda c, w: c.get(
        _url("attachment", pk=w["opened"].pk, attachment_pk=w["opened_attachment"].pk)
    ),
    "award": lambda c, w: c.post(
        _url("notice-award", pk=w["opened"].pk), {"offer": w["opened_offer"].pk}
    ),
    "cancel": lambda c, w: c.post(_url("notice-cancel", pk=w["sealed"].pk), {"reason": "Brak"}),
    "answer": lambda c, w: c.post(
        _url("question-answer", pk=w["sealed"].pk, question_pk=w["question"].pk),
        {"answer": "Tak."},
    ),
}

# What each signed-in person gets; anonymous visitors always go to the login page.
ALLOWED = {
    "buyer_a": {
        "notice": 200,
        "edit": 200,
        "publish": 303,
        "offers_before": 200,
        "offers_after": 200,
        "csv_before": 404,
        "csv_after": 200,
        "attachment_before": 404,
        "attachment_after": 200,
        "award": 303,
        "cancel": 303,
        "answer": 303,
    },
    "rops": {
        "notice": 200,
        "offers_before": 200,
        "offers_after": 200,
        "csv_after": 200,
        "attachment_after": 200,
    },
}


def _expected(person: str, action: str) -> int:
    if person == "anonymous":
        return 302
    return ALLOWED.get(person, {}).get(action, 404)


@pytest.mark.parametrize("action", sorted(ACTIONS))
@pytest.mark.parametrize("person", PEOPLE)
def test_matrix(client, world, person, action):
    user = world["people"][person]
    if user is not None:
        client.force_login(user)
    response = ACTIONS[action](client, world)
    expected = _expected(person, action)
    assert response.status_code == expected, (person, action)
    if expected == 302:
        assert reverse("customer:login") in response["Location"]
        assert "next=" in response["Location"]
    body = b"" if response.streaming else response.content
    # Before the opening time nobody sees a sealed offer's price, the buyer included.
    assert SEALED_PRICE.encode() not in body
    assert b"4321,00" not in body
    if action == "offers_after" and expected == 200:
        assert b"1234,00" in body  # Polish number format
    if action == "attachment_after" and expected == 200:
        assert b"".join(response.streaming_content).startswith(b"%PDF-")
        assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize("person", ["anonymous", "buyer_b", "pes", "rops"])
def test_refused_actions_change_nothing(client, world, person):
    user = world["people"][person]
    if user is not None:
        client.force_login(user)
    for action in ("publish", "award", "cancel", "answer"):
        ACTIONS[action](client, world)
    assert Notice.objects.get(pk=world["draft"].pk).status == NoticeStatus.DRAFT
    assert Notice.objects.get(pk=world["opened"].pk).status == NoticeStatus.PUBLISHED
    assert Notice.objects.get(pk=world["sealed"].pk).status == NoticeStatus.PUBLISHED
    assert NoticeQuestion.objects.get(pk=world["question"].pk).answered_at is None


def test_predicates(world):
    buyer_a = world["people"]["buyer_a"]
    rops = world["people"]["rops"]
    pes = world["people"]["pes"]
    sealed, opened, draft = world["sealed"], world["opened"], world["draft"]
    assert permissions.can_view_notice(rops, sealed)
    assert not permissions.can_manage_notice(rops, sealed)
    assert not permissions.can_view_notice(pes, sealed)
    assert permissions.can_read_offers(buyer_a, opened)
    assert not permissions.can_read_offers(buyer_a, sealed)
    assert permissions.can_award(buyer_a, opened)
    assert not permissions.can_award(buyer_a, sealed)
    assert permissions.edit_mode(draft) == "full"
    assert permissions.edit_mode(sealed) == "limited"
    assert permissions.edit_mode(opened) is None  # the deadline has passed
    sealed.deadline = timezone.now() - timedelta(minutes=1)
    assert permissions.edit_mode(sealed) is None
