"""The seal, through every path: before the opening time nobody reads an offer (the model layer,
the Django admin, the open-data API, the buyer's panel and its export, the public board, other
PES, e-mails); from the opening time the buyer and the staff do.

A path another part of the app has not installed yet is skipped, saying which (its URL name
does not resolve); everything that exists is checked.
"""

from __future__ import annotations

import re
from datetime import timedelta
from decimal import Decimal
from unittest import mock

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models import Prefetch
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation

from marketplace.procurement import offers
from marketplace.procurement.models import Notice, Offer, OfferAttachment
from marketplace.procurement.signals import notice_published
from tests.factories import BuyerUserFactory, OfferFactory, PesUserFactory, UserFactory
from tests.factories.procurement import matching_pes, notice_with_match
from tests.helpers.pdfs import PLAIN_PDF

pytestmark = pytest.mark.django_db

PRICE = "7777.00"
TERMS = "TAJNE-WARUNKI-XYZ"
FILE_NAME = "sekret-kosztorys.pdf"
# The price as any page might print it: 7777, 7 777, 7 777 (a narrow space), 7.777, 7,777.
PRICE_SHOWN = re.compile(r"7[\s\u00a0\u202f.,]?777")


@pytest.fixture(autouse=True)
def _polish():
    with translation.override("pl"):
        yield


@pytest.fixture
def sealed():
    """A sealed offer (with a PDF) of one PES for an open notice, and the notice's buyer."""
    notice = notice_with_match()
    pes = matching_pes(notice, name="Spółdzielnia Zapieczętowana")
    offer = OfferFactory(notice=notice, partner=pes, price=PRICE, terms=TERMS)
    OfferAttachment.submissions.create(
        offer=offer,
        name=FILE_NAME,
        file=SimpleUploadedFile(FILE_NAME, PLAIN_PDF, content_type="application/pdf"),
    )
    buyer_user = BuyerUserFactory(buyer=notice.buyer, admin=True)
    return offer, notice, pes, buyer_user


def url_or_skip(name: str, **kwargs) -> str:
    try:
        return reverse(name, kwargs=kwargs)
    except NoReverseMatch:
        pytest.skip(f"{name} is not installed yet")


def after_opening(notice: Notice):
    """The clock stopped just after the notice's opening time."""
    return mock.patch(
        "django.utils.timezone.now", return_value=notice.opening_at + timedelta(seconds=1)
    )


def assert_nothing_of_the_offer(text: str, offer: Offer | None = None) -> None:
    assert not PRICE_SHOWN.search(text), PRICE_SHOWN.search(text)
    assert TERMS not in text
    assert FILE_NAME not in text


# The model layer --------------------------------------------------------------------------------
def test_model_layer_sees_nothing_before_the_opening(sealed):
    offer, notice, _pes, _buyer = sealed
    assert not Offer.objects.exists()
    assert not notice.offers.exists()
    assert not OfferAttachment.objects.exists()
    assert not Offer.submissions.get().attachments.exists()
    fetched = Notice.objects.prefetch_related("offers", "offers__attachments").get(pk=notice.pk)
    assert list(fetched.offers.all()) == []
    with_offers = Notice.objects.prefetch_related(
        Prefetch("offers", queryset=Offer.objects.all(), to_attr="listed")
    ).get(pk=notice.pk)
    assert with_offers.listed == []

    with after_opening(notice):
        assert list(Offer.objects.all()) == [offer]
        assert list(notice.offers.all()) == [offer]
        assert [a.name for a in OfferAttachment.objects.all()] == [FILE_NAME]
        fetched = Notice.objects.prefetch_related("offers").get(pk=notice.pk)
        assert list(fetched.offers.all()) == [offer]


def test_a_queryset_built_before_the_opening_stays_empty(sealed):
    _offer, notice, _pes, _buyer = sealed
    early = Offer.objects.all()
    with after_opening(notice):
        assert list(early) == []
        assert Offer.objects.count() == 1


# The Django admin -------------------------------------------------------------------------------
def test_admin_does_not_list_or_open_a_sealed_offer(client, sealed):
    offer, notice, _pes, _buyer = sealed
    changelist = url_or_skip("admin:procurement_offer_changelist")
    change = url_or_skip("admin:procurement_offer_change", object_id=offer.pk)
    client.force_login(UserFactory(is_staff=True, is_superuser=True))

    page = client.get(changelist)
    assert page.status_code == 200
    text = page.content.decode()
    assert "Spółdzielnia Zapieczętowana" not in text
    assert_nothing_of_the_offer(text)
    response = client.get(change)
    assert response.status_code in (302, 404)  # the admin redirects an unknown id to its index
    assert_nothing_of_the_offer(client.get(change, follow=True).content.decode())
    try:
        notice_change = reverse("admin:procurement_notice_change", args=[notice.pk])
    except NoReverseMatch:
        notice_change = None
    if notice_change:
        assert_nothing_of_the_offer(client.get(notice_change).content.decode())

    with after_opening(notice):
        client.force_login(UserFactory(is_staff=True, is_superuser=True))
        assert "Spółdzielnia Zapieczętowana" in client.get(changelist).content.decode()
        opened = client.get(change)
        assert opened.status_code == 200
        assert TERMS in opened.content.decode()


# The open-data API ------------------------------------------------------------------------------
def test_the_api_never_gives_an_offer(client, sealed):
    _offer, notice, pes, _buyer = sealed
    listing = client.get("/api/notices/")
    if listing.status_code == 404:
        pytest.skip("/api/notices/ is not installed yet")
    texts = [listing.content.decode(), client.get(f"/api/notices/{notice.pk}/").content.decode()]
    texts.append(client.get(f"/api/pes/{pes.pk}/").content.decode())
    texts.append(client.get("/api/openapi.json").content.decode())
    for text in texts:
        assert_nothing_of_the_offer(text)
        assert '"offers"' not in text
    with after_opening(notice):  # not after the opening either: offers are not open data
        assert_nothing_of_the_offer(client.get(f"/api/notices/{notice.pk}/").content.decode())


# The buyer's panel and its export ---------------------------------------------------------------
def test_the_buyer_sees_nothing_before_the_opening_and_everything_after(client, sealed):
    offer, notice, _pes, buyer_user = sealed
    page_url = url_or_skip("procurement-buyer:notice", pk=notice.pk)
    client.force_login(buyer_user)
    pages = [client.get(page_url), client.get(url_or_skip("procurement-buyer:panel"))]
    for response in pages:
        assert response.status_code == 200
        assert_nothing_of_the_offer(response.content.decode())
        assert "Spółdzielnia Zapieczętowana" not in response.content.decode()

    csv_url = url_or_skip("procurement-buyer:offers-csv", pk=notice.pk)
    export = client.get(csv_url)
    assert export.status_code in (200, 403, 404)
    assert_nothing_of_the_offer(export.content.decode("utf-8", "replace"))

    attachment_id = OfferAttachment.submissions.get().pk
    file_url = url_or_skip(
        "procurement-buyer:attachment", pk=notice.pk, attachment_pk=attachment_id
    )
    assert client.get(file_url).status_code == 404

    with after_opening(notice):
        client.force_login(buyer_user)
        assert PRICE_SHOWN.search(client.get(page_url).content.decode())
        export = client.get(csv_url)
        assert export.status_code == 200
        assert PRICE_SHOWN.search(export.content.decode("utf-8", "replace"))
        assert client.get(file_url).status_code == 200
        assert offer in Offer.objects.all()


def test_another_buyer_never_sees_the_offers(client, sealed):
    _offer, notice, _pes, _buyer = sealed
    page_url = url_or_skip("procurement-buyer:notice", pk=notice.pk)
    client.force_login(BuyerUserFactory())
    with after_opening(notice):
        response = client.get(page_url)
        assert response.status_code in (403, 404)
        assert_nothing_of_the_offer(response.content.decode())


# The public board, other PES, e-mails -----------------------------------------------------------
def test_the_public_board_and_other_pes_see_nothing(client, sealed):
    _offer, notice, pes, _buyer = sealed
    public = url_or_skip("procurement:notice", pk=notice.pk)
    response = client.get(public)
    assert response.status_code == 200
    assert_nothing_of_the_offer(response.content.decode())

    other = matching_pes(notice)
    client.force_login(PesUserFactory(partners=[other]))
    for url in (
        reverse("procurement-dashboard:notice", kwargs={"pk": notice.pk}),
        reverse("procurement-dashboard:list") + "?tab=all",
        reverse("procurement-dashboard:list") + "?tab=mine",
    ):
        response = client.get(url)
        assert response.status_code == 200
        assert_nothing_of_the_offer(response.content.decode())
    assert (
        client.get(
            reverse("procurement-dashboard:notice", kwargs={"pk": notice.pk}) + f"?partner={pes.pk}"
        ).status_code
        == 404
    )


def test_no_e_mail_carries_an_offer(django_capture_on_commit_callbacks):
    """Alerts, receipts for submitting, replacing and withdrawing: the time and the
    reference only."""
    notice = notice_with_match()
    pes = matching_pes(notice)
    notice_published.send(sender=Notice, notice=notice)
    upload = SimpleUploadedFile(FILE_NAME, PLAIN_PDF, content_type="application/pdf")
    with django_capture_on_commit_callbacks(execute=True):
        offers.submit_offer(notice, pes, price=Decimal(PRICE), terms=TERMS, attachments=[upload])
    with django_capture_on_commit_callbacks(execute=True):
        offers.replace_offer(notice, pes, price=Decimal("7777.77"), terms=TERMS + " 2")
    with django_capture_on_commit_callbacks(execute=True):
        offers.withdraw_offer(notice, pes)
    assert len(mail.outbox) == 4
    for message in mail.outbox:
        assert_nothing_of_the_offer(message.subject + "\n" + message.body)
        for _name, content, _type in message.attachments:
            assert_nothing_of_the_offer(str(content))


def test_the_seal_does_not_depend_on_the_deadline_but_on_the_opening(sealed):
    """Between the deadline and the opening time offers are still sealed."""
    _offer, notice, _pes, _buyer = sealed
    with mock.patch(
        "django.utils.timezone.now", return_value=notice.deadline + timedelta(minutes=30)
    ):
        assert not notice.accepts_offers()
        assert not Offer.objects.exists()
        assert not timezone.now() >= notice.opening_at


PUBLIC_PATHS = [
    ("procurement:board", {}),
    ("procurement:rss", {}),
    ("procurement:atom", {}),
    ("procurement:ics", {}),
    ("procurement-statement:ranking", {}),
]
BUYER_PATHS = [
    ("procurement-statement:statement", {}),
    ("procurement-statement:csv", {}),
    ("procurement-statement:pdf", {}),
]


def _existing(paths: list[tuple[str, dict]]) -> list[str]:
    urls = []
    for name, kwargs in paths:
        try:
            urls.append(reverse(name, kwargs=kwargs))
        except NoReverseMatch:
            continue
    return urls


def test_feeds_calendars_rankings_and_statements_carry_no_offer(client, sealed):
    _offer, _notice, _pes, buyer_user = sealed
    public, buyer = _existing(PUBLIC_PATHS), _existing(BUYER_PATHS)
    if not public and not buyer:
        pytest.skip("no board, feed or statement URLs installed yet")
    for url in public:
        response = client.get(url)
        assert response.status_code < 500, url
        assert_nothing_of_the_offer(response.content.decode("utf-8", "replace"))
        assert "Spółdzielnia Zapieczętowana" not in response.content.decode("utf-8", "replace")
    client.force_login(buyer_user)
    for url in buyer:
        response = client.get(url)
        assert response.status_code < 500, url
        if response.get("Content-Type", "").startswith("application/pdf"):
            continue  # compressed streams: the CSV and the page say the same
        assert_nothing_of_the_offer(response.content.decode("utf-8", "replace"))
