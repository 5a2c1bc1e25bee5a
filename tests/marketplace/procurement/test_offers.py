"""The PES side of a notice: the dashboard lists, submitting, replacing and withdrawing a sealed
offer, the deadline, art. 94 and who may see what."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from unittest import mock

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.translation import gettext, override

from marketplace.procurement import offers
from marketplace.procurement.models import (
    AlertFrequency,
    AlertSettings,
    NoticeKind,
    NoticeStatus,
    Offer,
    OfferAttachment,
    OfferStatus,
)
from tests.factories import NoticeFactory, OfferFactory, PesUserFactory, UserFactory
from tests.factories.procurement import matching_pes, notice_with_match
from tests.helpers.clock import warsaw
from tests.helpers.pdfs import javascript_on_open, letter

pytestmark = pytest.mark.django_db


def pl(message: str) -> str:
    """A message as the Polish pages show it, HTML-escaped."""
    with override("pl"):
        return escape(gettext(message))


@pytest.fixture(autouse=True)
def _polish():
    with translation.override("pl"):
        yield


@pytest.fixture
def notice():
    return notice_with_match()


@pytest.fixture
def pes(notice):
    return matching_pes(notice, email="biuro@pes-a.example.org")


@pytest.fixture
def pes_client(client, pes):
    client.force_login(PesUserFactory(partners=[pes], email="ania@pes-a.example.org"))
    return client


def notice_url(notice, partner=None) -> str:
    url = reverse("procurement-dashboard:notice", kwargs={"pk": notice.pk})
    return f"{url}?partner={partner.pk}" if partner else url


def offer_data(action: str = "submit", **changes) -> dict:
    data = {"action": action, "offer-price": "4800.50", "offer-terms": "Obiad, dowóz, zastawa."}
    data.update(changes)
    return data


def at(moment):
    """The clock stopped at `moment` (an aware datetime)."""
    return mock.patch("django.utils.timezone.now", return_value=moment)


# The lists ------------------------------------------------------------------------------------
def test_list_shows_matching_notices_all_open_ones_and_own_offers(
    pes_client, notice, pes, django_assert_max_num_queries
):
    other = notice_with_match(subject="Sprzątanie biur")  # open, but no common field/powiat
    closed = NoticeFactory(
        activity_fields=list(notice.activity_fields.all()),
        powiats=list(notice.powiats.all()),
        subject="Ogłoszenie zamknięte",
        deadline=timezone.now() - timedelta(days=1),
        opening_at=timezone.now() - timedelta(hours=1),
    )
    draft = NoticeFactory(
        activity_fields=list(notice.activity_fields.all()),
        powiats=list(notice.powiats.all()),
        subject="Szkic niewidoczny",
        status=NoticeStatus.DRAFT,
    )
    OfferFactory(notice=closed, partner=pes)
    url = reverse("procurement-dashboard:list")

    with django_assert_max_num_queries(20):  # cold: the site settings and menu are read once
        page = pes_client.get(url).content.decode()
    assert notice.subject in page
    assert other.subject not in page
    assert closed.subject not in page and draft.subject not in page

    page = pes_client.get(url + "?tab=all").content.decode()
    assert notice.subject in page and other.subject in page
    assert draft.subject not in page

    page = pes_client.get(url + "?tab=mine").content.decode()
    assert closed.reference in page
    assert pl("submitted") in page


def test_list_queries_do_not_grow_with_notices(
    pes_client, notice, pes, django_assert_max_num_queries
):
    for n in range(12):
        extra = NoticeFactory(
            activity_fields=list(notice.activity_fields.all()),
            powiats=list(notice.powiats.all()),
        )
        if n % 2:
            OfferFactory(notice=extra, partner=pes)
    pes_client.get(reverse("procurement-dashboard:list"))  # the site's settings cached
    for tab in ("matching", "all", "mine"):
        with django_assert_max_num_queries(14):
            response = pes_client.get(reverse("procurement-dashboard:list") + f"?tab={tab}")
        assert response.status_code == 200


def test_gets_never_write(pes_client, notice, pes, django_assert_max_num_queries):
    OfferFactory(notice=notice, partner=pes)
    pes_client.get(reverse("procurement-dashboard:list"))  # Wagtail makes its site settings once
    for url in (
        reverse("procurement-dashboard:list"),
        notice_url(notice),
        reverse("procurement-dashboard:alerts"),
    ):
        with django_assert_max_num_queries(20) as captured:
            assert pes_client.get(url).status_code == 200
        writes = [
            q["sql"]
            for q in captured.captured_queries
            if q["sql"].split()[0].upper() in ("INSERT", "UPDATE", "DELETE")
            and "django_session" not in q["sql"]
        ]
        assert writes == [], url
    assert not AlertSettings.objects.exists()


# Submitting ------------------------------------------------------------------------------------
def test_submit_an_offer_with_a_pdf(pes_client, notice, pes, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = pes_client.post(
            notice_url(notice, pes),
            offer_data(**{"offer-attachments": [letter(name="kosztorys.pdf")]}),
        )
    assert response.status_code == 303, response.content.decode()[:2000]
    offer = Offer.submissions.get()
    assert offer.partner == pes and offer.price == Decimal("4800.50")
    assert offer.status == OfferStatus.SUBMITTED
    assert offer.submitted_by.email == "ania@pes-a.example.org"
    assert [a.name for a in OfferAttachment.submissions.filter(offer=offer)] == ["kosztorys.pdf"]

    # The receipt: the time and the reference, never the price or the terms.
    assert len(mail.outbox) == 1
    receipt = mail.outbox[0]
    assert sorted(receipt.to) == ["ania@pes-a.example.org", "biuro@pes-a.example.org"]
    reference = offers.offer_reference(offer)
    assert reference in receipt.subject and reference in receipt.body
    when = timezone.localtime(offer.submitted_at).strftime("%H:%M:%S")
    assert when in receipt.body
    for secret in ("4800", "4 800", "Obiad", "dowóz", "kosztorys"):
        assert secret not in receipt.body and secret not in receipt.subject

    page = pes_client.get(notice_url(notice, pes)).content.decode()
    assert reference in page and "kosztorys.pdf" in page
    assert pl("Replace your offer") in page


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"offer-price": "0"}, "The price must be more than zero."),
        ({"offer-price": "-10"}, "The price must be more than zero."),
        (
            {"offer-price": "dużo"},
            "Enter the price as a number, for example 2500 or 2500.50.",
        ),
        ({"offer-price": ""}, "Give the price."),
        ({"offer-terms": ""}, "Describe what the price includes."),
        ({"offer-price": "1.999"}, "Give the price to the grosz: at most two decimal places."),
    ],
)
def test_bad_input_saves_nothing(pes_client, notice, pes, changes, message):
    response = pes_client.post(notice_url(notice, pes), offer_data(**changes))
    assert response.status_code == 400
    assert pl(message) in response.content.decode()
    assert not Offer.submissions.exists()
    assert not mail.outbox


def test_a_non_pdf_attachment_is_refused_with_the_validators_message(pes_client, notice, pes):
    fake = letter(content=b"MZ\x90\x00 not a pdf", name="program.pdf")
    response = pes_client.post(notice_url(notice, pes), offer_data(**{"offer-attachments": [fake]}))
    assert response.status_code == 400
    page = response.content.decode()
    assert "program.pdf" in page
    assert not Offer.submissions.exists() and not OfferAttachment.submissions.exists()

    scripted = letter(content=javascript_on_open(), name="skrypt.pdf")
    response = pes_client.post(
        notice_url(notice, pes), offer_data(**{"offer-attachments": [scripted]})
    )
    assert response.status_code == 400
    assert not Offer.submissions.exists()


def test_more_than_five_attachments_are_refused(pes_client, notice, pes):
    files = [letter(name=f"zal{n}.pdf") for n in range(6)]
    response = pes_client.post(notice_url(notice, pes), offer_data(**{"offer-attachments": files}))
    assert response.status_code == 400
    assert not Offer.submissions.exists()


def test_a_second_submit_is_refused_replace_instead(pes, notice):
    offers.submit_offer(notice, pes, price=Decimal("100"), terms="A")
    with pytest.raises(offers.OfferError):
        offers.submit_offer(notice, pes, price=Decimal("90"), terms="B")
    assert Offer.submissions.count() == 1


# Replace and withdraw ---------------------------------------------------------------------------
def test_replace_keeps_the_old_offer_as_replaced(
    pes_client, notice, pes, django_capture_on_commit_callbacks
):
    first = OfferFactory(notice=notice, partner=pes, price="5000.00")
    with django_capture_on_commit_callbacks(execute=True):
        response = pes_client.post(
            notice_url(notice, pes), offer_data("replace", **{"offer-price": "4500"})
        )
    assert response.status_code == 303
    first.refresh_from_db()
    assert first.status == OfferStatus.REPLACED and first.withdrawn_at is not None
    live = Offer.submissions.get(status=OfferStatus.SUBMITTED)
    assert live.price == Decimal("4500") and live.pk != first.pk
    assert len(mail.outbox) == 1 and "4500" not in mail.outbox[0].body


def test_withdraw(pes_client, notice, pes, django_capture_on_commit_callbacks):
    offer = OfferFactory(notice=notice, partner=pes)
    with django_capture_on_commit_callbacks(execute=True):
        response = pes_client.post(notice_url(notice, pes), {"action": "withdraw"})
    assert response.status_code == 303
    offer.refresh_from_db()
    assert offer.status == OfferStatus.WITHDRAWN and offer.withdrawn_at is not None
    assert len(mail.outbox) == 1
    # A new offer may follow until the deadline.
    assert pes_client.post(notice_url(notice, pes), offer_data()).status_code == 303
    assert Offer.submissions.filter(status=OfferStatus.SUBMITTED).count() == 1


def test_replace_or_withdraw_without_an_offer_is_refused(pes, notice):
    with pytest.raises(offers.OfferError):
        offers.replace_offer(notice, pes, price=Decimal("1"), terms="x")
    with pytest.raises(offers.OfferError):
        offers.withdraw_offer(notice, pes)
    assert not Offer.submissions.exists()


# The deadline -----------------------------------------------------------------------------------
def deadline_refusal() -> str:
    """The start of the Polish refusal after the deadline (the date follows it)."""
    message = (
        "The deadline for offers passed on %(deadline)s: offers can no longer be"
        " submitted, replaced or withdrawn."
    )
    return pl(message).split("%(deadline)s")[0]


def test_after_the_deadline_everything_is_refused_and_nothing_saved(pes_client, notice, pes):
    offer = OfferFactory(notice=notice, partner=pes)
    with at(notice.deadline):
        for data in (offer_data("submit"), offer_data("replace"), {"action": "withdraw"}):
            response = pes_client.post(notice_url(notice, pes), data, follow=True)
            assert deadline_refusal() in response.content.decode()
    offer.refresh_from_db()
    assert offer.status == OfferStatus.SUBMITTED
    assert Offer.submissions.count() == 1
    assert not mail.outbox


def test_a_request_begun_before_the_deadline_and_committing_after_is_refused(pes, notice):
    """The view loaded the notice while it was open; the service judges the time itself,
    inside its transaction, after locking the notice row."""
    loaded = type(notice).objects.get(pk=notice.pk)
    assert loaded.accepts_offers()
    with at(notice.deadline + timedelta(microseconds=1)), pytest.raises(offers.OfferError):
        offers.submit_offer(loaded, pes, price=Decimal("10"), terms="Za późno")
    assert not Offer.submissions.exists()


@pytest.mark.parametrize(
    "deadline",
    [
        warsaw(2026, 3, 30, 0, 0),  # the night after the spring change (a 23-hour day)
        warsaw(2026, 10, 26, 0, 0),  # after the autumn change (a 25-hour day)
        warsaw(2026, 6, 16, 0, 0),
    ],
    ids=["spring-dst", "autumn-dst", "summer"],
)
def test_deadline_edges_in_warsaw(pes, deadline):
    notice = NoticeFactory(
        activity_fields=list(pes.activity_fields.all()),
        powiats=[pes.powiat],
        deadline=deadline,
        opening_at=deadline + timedelta(hours=1),
        published_at=deadline - timedelta(days=10),
    )
    last_second = deadline - timedelta(seconds=1)
    assert timezone.localtime(last_second).strftime("%H:%M:%S") == "23:59:59"
    with at(last_second):
        offer = offers.submit_offer(notice, pes, price=Decimal("10"), terms="Zdążyliśmy")
    assert offer.pk
    with at(deadline):
        with pytest.raises(offers.OfferError):
            offers.replace_offer(notice, pes, price=Decimal("9"), terms="Za późno")
        with pytest.raises(offers.OfferError):
            offers.withdraw_offer(notice, pes)
    assert list(Offer.submissions.values_list("status", flat=True)) == [OfferStatus.SUBMITTED]


# Art. 94 ---------------------------------------------------------------------------------------
def test_reserved_notice_refuses_a_pes_without_art_94_eligibility(client):
    notice = notice_with_match(kind=NoticeKind.RESERVED)
    plain = matching_pes(notice, employees_total=10, employees_at_risk=2)
    eligible = matching_pes(notice, art_94=True)
    client.force_login(PesUserFactory(partners=[plain]))
    page = client.get(notice_url(notice)).content.decode()
    assert "94" in page and pl("You cannot submit an offer.") in page
    response = client.post(notice_url(notice), offer_data())
    assert response.status_code == 409
    assert not Offer.submissions.exists()

    client.force_login(PesUserFactory(partners=[eligible]))
    assert client.post(notice_url(notice), offer_data()).status_code == 303
    assert Offer.submissions.get().partner == eligible


def test_a_pes_no_longer_eligible_may_still_withdraw(notice):
    reserved = notice_with_match(kind=NoticeKind.RESERVED)
    pes = matching_pes(reserved, art_94=True)
    offers.submit_offer(reserved, pes, price=Decimal("100"), terms="Zastrzeżone")
    pes.employees_at_risk = 1
    pes.save()
    with pytest.raises(offers.OfferError):
        offers.replace_offer(reserved, pes, price=Decimal("90"), terms="Nowa")
    assert offers.withdraw_offer(reserved, pes).status == OfferStatus.WITHDRAWN


# Who sees what ----------------------------------------------------------------------------------
def test_pes_b_cannot_see_or_change_the_offer_of_pes_a(client, notice, pes):
    offer_a = OfferFactory(notice=notice, partner=pes, price="7777.00", terms="Tajne warunki A")
    pes_b = matching_pes(notice)
    client.force_login(PesUserFactory(partners=[pes_b]))

    page = client.get(notice_url(notice)).content.decode()
    assert "7777" not in page and "Tajne warunki A" not in page
    assert client.get(notice_url(notice, pes)).status_code == 404
    assert client.post(notice_url(notice, pes), {"action": "withdraw"}).status_code == 404
    assert (
        client.get(reverse("procurement-dashboard:list") + f"?partner={pes.pk}").status_code == 404
    )
    # B's own withdraw touches only B's (missing) offer.
    client.post(notice_url(notice, pes_b), {"action": "withdraw"})
    offer_a.refresh_from_db()
    assert offer_a.status == OfferStatus.SUBMITTED
    mine = client.get(reverse("procurement-dashboard:list") + "?tab=mine").content.decode()
    assert notice.reference not in mine


def test_a_user_with_two_pes_acts_for_the_one_chosen(client, notice):
    first = matching_pes(notice, name="Alfa PES")
    second = matching_pes(notice, name="Beta PES")
    client.force_login(PesUserFactory(partners=[first, second]))
    page = client.get(reverse("procurement-dashboard:list")).content.decode()
    assert "Beta PES" in page  # offered in the choice
    assert client.post(notice_url(notice, second), offer_data()).status_code == 303
    assert Offer.submissions.get().partner == second
    assert client.post(notice_url(notice, first), offer_data()).status_code == 303
    assert Offer.submissions.filter(partner=first).exists()


def test_anonymous_staff_and_customers_are_kept_out(client, notice):
    url = reverse("procurement-dashboard:list")
    response = client.get(url)
    assert response.status_code == 302 and "login" in response["Location"]
    client.force_login(UserFactory())
    assert client.get(url).status_code == 403
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    assert client.get(url).status_code == 403
    assert client.get(notice_url(notice)).status_code == 403


def test_unpublished_notice_is_404(pes_client, pes):
    draft = NoticeFactory(status=NoticeStatus.DRAFT)
    assert pes_client.get(notice_url(draft)).status_code == 404
    assert pes_client.post(notice_url(draft), offer_data()).status_code == 404
    assert not Offer.submissions.exists()


# Alert settings --------------------------------------------------------------------------------
def test_alert_settings_default_and_change(pes_client, pes):
    url = reverse("procurement-dashboard:alerts")
    page = pes_client.get(url).content.decode()
    assert "biuro@pes-a.example.org" in page
    assert pl(str(AlertFrequency.IMMEDIATE.label)) in page

    response = pes_client.post(url, {"frequency": "daily", "email": "zle-adres"})
    assert response.status_code == 400
    assert pl("Enter an e-mail address like name@example.org.") in response.content.decode()
    assert not AlertSettings.objects.exists()

    response = pes_client.post(url, {"frequency": "daily", "email": "alerty@pes-a.example.org"})
    assert response.status_code == 303
    saved = AlertSettings.objects.get(partner=pes)
    assert saved.frequency == AlertFrequency.DAILY and saved.email == "alerty@pes-a.example.org"
