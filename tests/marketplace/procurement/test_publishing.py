"""From draft to publication: a verified buyer publishes at once, an unverified one goes
through the ROPS (publish, or return with a comment); answers to questions; buyer verification."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from marketplace.procurement import publishing
from marketplace.procurement.models import Notice, NoticeQuestion, NoticeStatus
from marketplace.procurement.signals import notice_published
from tests.factories import (
    ActivityFieldFactory,
    BuyerFactory,
    BuyerUserFactory,
    NoticeFactory,
    OrganisationFactory,
    PowiatFactory,
    UserFactory,
)

from .buyer_support import rops_moderator

pytestmark = pytest.mark.django_db

ROPS_INDEX = "/admin/zamowienia/"


@pytest.fixture
def rops_org():
    return OrganisationFactory(kind="rops", email="rops@example.org")


@pytest.fixture
def published():
    """Collects the notices `notice_published` was sent for."""
    seen: list[Notice] = []

    def receiver(sender, notice, **kwargs):
        seen.append(notice)

    notice_published.connect(receiver)
    yield seen
    notice_published.disconnect(receiver)


def draft(buyer, **kwargs) -> Notice:
    kwargs.setdefault("activity_fields", [ActivityFieldFactory()])
    kwargs.setdefault("powiats", [PowiatFactory()])
    kwargs.setdefault("status", NoticeStatus.DRAFT)
    return NoticeFactory(buyer=buyer, published_at=None, **kwargs)


def _submit(client, notice):
    return client.post(reverse("procurement-buyer:notice-submit", kwargs={"pk": notice.pk}))


def test_a_verified_buyer_publishes_at_once(
    client, published, rops_org, django_capture_on_commit_callbacks
):
    buyer = BuyerFactory()
    notice = draft(buyer)
    client.force_login(BuyerUserFactory(buyer=buyer))
    with django_capture_on_commit_callbacks(execute=True):
        response = _submit(client, notice)
    assert response.status_code == 303
    notice.refresh_from_db()
    assert notice.status == NoticeStatus.PUBLISHED
    assert notice.published_at is not None
    assert [n.pk for n in published] == [notice.pk]
    assert mail.outbox == []  # nothing for the ROPS to do


def test_the_signal_waits_for_the_commit(client, published):
    buyer = BuyerFactory()
    notice = draft(buyer)
    client.force_login(BuyerUserFactory(buyer=buyer))
    _submit(client, notice)  # the test's transaction never commits
    assert published == []


def test_an_unverified_buyer_waits_for_the_rops(
    client, published, rops_org, django_capture_on_commit_callbacks
):
    buyer = BuyerFactory(unverified=True)
    notice = draft(buyer)
    client.force_login(BuyerUserFactory(buyer=buyer))
    with django_capture_on_commit_callbacks(execute=True):
        response = _submit(client, notice)
    notice.refresh_from_db()
    assert notice.status == NoticeStatus.PENDING
    assert notice.published_at is None
    assert published == []
    assert [message.to for message in mail.outbox] == [publishing.rops_emails()]
    assert "rops@example.org" in mail.outbox[0].to
    assert notice.reference in mail.outbox[0].subject
    page = client.get(response["Location"]).content.decode()
    assert "Ogłoszenie zostało wysłane do ROPS" in page


def test_a_notice_whose_deadline_is_too_near_is_not_submitted(client):
    buyer = BuyerFactory()
    notice = draft(
        buyer,
        deadline=timezone.now() + timedelta(minutes=30),
        opening_at=timezone.now() + timedelta(hours=2),
    )
    client.force_login(BuyerUserFactory(buyer=buyer))
    page = client.get(_submit(client, notice)["Location"]).content.decode()
    assert "co najmniej godzinę od teraz" in page
    notice.refresh_from_db()
    assert notice.status == NoticeStatus.DRAFT


def test_a_notice_is_submitted_once():
    buyer = BuyerFactory()
    notice = draft(buyer)
    publishing.submit(notice, None)
    with pytest.raises(publishing.PublishingError):
        publishing.submit(notice, None)


# ROPS moderation in the Wagtail admin -----------------------------------------------------
def test_the_rops_publishes_a_pending_notice(client, published, django_capture_on_commit_callbacks):
    buyer = BuyerFactory(unverified=True, email="gmina@example.org")
    notice = draft(buyer, status=NoticeStatus.PENDING)
    client.force_login(rops_moderator())
    index = client.get(ROPS_INDEX)
    assert index.status_code == 200
    assert notice.reference in index.content.decode()
    url = reverse("procurement_rops_review", args=[notice.pk])
    assert client.get(url).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, {"publish": "1"}).status_code == 302
    notice.refresh_from_db()
    assert notice.status == NoticeStatus.PUBLISHED
    assert [n.pk for n in published] == [notice.pk]
    assert [message.to for message in mail.outbox] == [["gmina@example.org"]]
    assert "opublikowane" in mail.outbox[0].subject


def test_the_rops_returns_a_notice_with_a_required_comment(
    client, published, django_capture_on_commit_callbacks
):
    buyer = BuyerFactory(unverified=True, email="gmina@example.org")
    notice = draft(buyer, status=NoticeStatus.PENDING)
    client.force_login(rops_moderator())
    url = reverse("procurement_rops_review", args=[notice.pk])
    response = client.post(url, {"return": "1", "comment": "  "})
    assert response.status_code == 200
    assert "komentarz jest wymagany" in response.content.decode()
    notice.refresh_from_db()
    assert notice.status == NoticeStatus.PENDING
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"return": "1", "comment": "Dodaj opis przedmiotu zamówienia."})
    notice.refresh_from_db()
    assert notice.status == NoticeStatus.REJECTED
    assert notice.moderation_comment == "Dodaj opis przedmiotu zamówienia."
    assert published == []
    assert "Dodaj opis przedmiotu zamówienia." in mail.outbox[0].body
    # The buyer corrects it and sends it again.
    member = BuyerUserFactory(buyer=buyer)
    client.force_login(member)
    edit = reverse("procurement-buyer:notice-edit", kwargs={"pk": notice.pk})
    assert client.get(edit).status_code == 200
    _submit(client, notice)
    notice.refresh_from_db()
    assert notice.status == NoticeStatus.PENDING


def test_the_rops_verifies_a_buyer(client, django_capture_on_commit_callbacks):
    buyer = BuyerFactory(unverified=True, email="gmina@example.org")
    moderator = rops_moderator()
    client.force_login(moderator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("procurement_rops_verify", args=[buyer.pk]))
    assert response.status_code == 302
    buyer.refresh_from_db()
    assert buyer.is_verified
    assert buyer.verified_by == moderator
    assert mail.outbox[0].to == ["gmina@example.org"]
    assert client.get(reverse("procurement_rops_verify", args=[buyer.pk])).status_code == 405


@pytest.mark.parametrize("who", ["buyer", "plain", "staff_without_group"])
def test_only_the_rops_moderates(client, who):
    buyer = BuyerFactory(unverified=True)
    notice = draft(buyer, status=NoticeStatus.PENDING)
    if who == "buyer":
        user = BuyerUserFactory(buyer=buyer)
    elif who == "plain":
        user = UserFactory()
    else:
        user = UserFactory(is_staff=True)
    client.force_login(user)
    for response in (
        client.get(ROPS_INDEX),
        client.post(reverse("procurement_rops_review", args=[notice.pk]), {"publish": "1"}),
        client.post(reverse("procurement_rops_verify", args=[buyer.pk])),
    ):
        assert response.status_code in (302, 403)
    notice.refresh_from_db()
    buyer.refresh_from_db()
    assert notice.status == NoticeStatus.PENDING
    assert not buyer.is_verified


# Questions --------------------------------------------------------------------------------
def test_the_buyer_answers_and_the_asker_is_told(client, django_capture_on_commit_callbacks):
    buyer = BuyerFactory()
    notice = NoticeFactory(buyer=buyer)
    question = NoticeQuestion.objects.create(
        notice=notice, question="Czy trzeba dowieźć?", asker_email="pes@example.org"
    )
    silent = NoticeQuestion.objects.create(notice=notice, question="Bez adresu?")
    client.force_login(BuyerUserFactory(buyer=buyer))
    page = client.get(reverse("procurement-buyer:notice", kwargs={"pk": notice.pk}))
    assert "Czy trzeba dowieźć?" in page.content.decode()
    url = reverse(
        "procurement-buyer:question-answer",
        kwargs={"pk": notice.pk, "question_pk": question.pk},
    )
    assert client.post(url, {"answer": "  "}).status_code == 303
    question.refresh_from_db()
    assert question.answered_at is None
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"answer": "Tak, do urzędu."})
        client.post(
            reverse(
                "procurement-buyer:question-answer",
                kwargs={"pk": notice.pk, "question_pk": silent.pk},
            ),
            {"answer": "Tak."},
        )
    question.refresh_from_db()
    assert question.answer == "Tak, do urzędu."
    assert question.answered_at is not None
    assert [message.to for message in mail.outbox] == [["pes@example.org"]]
    assert "Tak, do urzędu." in mail.outbox[0].body
    # Correcting the answer does not e-mail the asker again.
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"answer": "Tak, do urzędu gminy."})
    assert len(mail.outbox) == 1


def test_a_question_of_another_notice_is_a_404(client):
    buyer = BuyerFactory()
    notice = NoticeFactory(buyer=buyer)
    other = NoticeQuestion.objects.create(notice=NoticeFactory(), question="?")
    client.force_login(BuyerUserFactory(buyer=buyer))
    url = reverse(
        "procurement-buyer:question-answer", kwargs={"pk": notice.pk, "question_pk": other.pk}
    )
    assert client.post(url, {"answer": "x"}).status_code == 404
