"""After the opening time: the buyer compares offers (page, CSV, attachments), awards one
offer once, or cancels with a reason; every bidder is e-mailed; the award becomes an order."""

from __future__ import annotations

import csv
import io
import threading
from datetime import timedelta
from decimal import Decimal

import pytest
from django.core import mail
from django.db import connection, connections
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from oscar.core.loading import get_model

from marketplace.procurement import publishing
from marketplace.procurement.models import Notice, NoticeStatus, Offer, OfferStatus
from marketplace.procurement.orders import OrderError, order_from_award
from marketplace.procurement.signals import notice_awarded, notice_cancelled
from portal.organisations.models import Powiat
from tests.factories import (
    BuyerFactory,
    BuyerUserFactory,
    NoticeFactory,
    OfferFactory,
    PartnerFactory,
)
from tests.helpers.threads import in_own_thread

from .buyer_support import offer_attachment, opened_notice

pytestmark = pytest.mark.django_db

Order = get_model("order", "Order")


def bidder(name: str, email: str):
    return PartnerFactory(name=name, email=email)


@pytest.fixture
def tender():
    """An opened notice with three live offers (one of them cheapest) and a withdrawn one."""
    buyer = BuyerFactory(email="gmina@example.org")
    notice = opened_notice(buyer=buyer, reference="ZP/2026/0001")
    offers = {
        "cheap": OfferFactory(
            notice=notice, partner=bidder("Spółdzielnia Tania", "tania@example.org"), price="900"
        ),
        "mid": OfferFactory(
            notice=notice, partner=bidder("Fundacja Średnia", "srednia@example.org"), price="1500"
        ),
        "dear": OfferFactory(
            notice=notice,
            partner=bidder('=HYPERLINK("http://x")', "droga@example.org"),
            price="2500",
        ),
    }
    OfferFactory(
        notice=notice,
        partner=bidder("Wycofana", "wycofana@example.org"),
        price="100",
        status=OfferStatus.WITHDRAWN,
    )
    member = BuyerUserFactory(buyer=buyer)
    return notice, offers, member


@pytest.fixture
def signals():
    seen: list[tuple[str, dict]] = []

    def on_awarded(sender, **kwargs):
        seen.append(("awarded", kwargs))

    def on_cancelled(sender, **kwargs):
        seen.append(("cancelled", kwargs))

    notice_awarded.connect(on_awarded)
    notice_cancelled.connect(on_cancelled)
    yield seen
    notice_awarded.disconnect(on_awarded)
    notice_cancelled.disconnect(on_cancelled)


def _url(name: str, notice: Notice, **kwargs) -> str:
    return reverse(f"procurement-buyer:{name}", kwargs={"pk": notice.pk, **kwargs})


# Comparing --------------------------------------------------------------------------------
def test_the_page_lists_live_offers_by_price(client, tender, django_assert_max_num_queries):
    notice, offers, member = tender
    for offer in offers.values():
        offer_attachment(offer, name=f"oferta-{offer.pk}.pdf")
    client.force_login(member)
    # About a dozen of the page's own, the rest the portal's header and menus.
    with django_assert_max_num_queries(25):
        body = client.get(_url("notice", notice)).content.decode()
    names = ["Spółdzielnia Tania", "Fundacja Średnia", "HYPERLINK"]
    positions = [body.index(name) for name in names]
    assert positions == sorted(positions)
    assert "Wycofana" not in body
    assert "900,00" in body
    for offer in offers.values():
        assert f"oferta-{offer.pk}.pdf" in body


def test_the_query_count_does_not_grow_with_the_offers(client, tender):
    notice, offers, member = tender
    for offer in offers.values():
        offer_attachment(offer)
    client.force_login(member)
    url = _url("notice", notice)
    client.get(url)  # warm the per-process caches (site root, settings)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for number in range(10):
        offer_attachment(OfferFactory(notice=notice, price=f"{3000 + number}"))
    client.get(url)  # saving offers empties the menus' cache: warm it again
    with CaptureQueriesContext(connection) as many:
        assert client.get(url).status_code == 200
    assert len(many) == len(few), "\n".join(q["sql"][:90] for q in many.captured_queries)


def test_before_the_opening_the_page_says_sealed_and_nothing_else(client):
    notice = NoticeFactory()
    OfferFactory(notice=notice, price="777")
    client.force_login(BuyerUserFactory(buyer=notice.buyer))
    body = client.get(_url("notice", notice)).content.decode()
    assert "Oferty są zapieczętowane do" in body
    assert "777" not in body
    assert "Wybór oferty" not in body
    assert client.get(_url("offers-csv", notice)).status_code == 404


def test_the_csv_is_sorted_and_formula_safe(client, tender):
    notice, _offers, member = tender
    client.force_login(member)
    response = client.get(_url("offers-csv", notice))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert [row[0] for row in rows[1:]] == [
        "Spółdzielnia Tania",
        "Fundacja Średnia",
        '\'=HYPERLINK("http://x")',
    ]
    assert [row[2] for row in rows[1:]] == ["900.00", "1500.00", "2500.00"]


# Awarding ---------------------------------------------------------------------------------
def test_award_emails_every_bidder_once_and_sends_the_signal(
    client, tender, signals, django_capture_on_commit_callbacks
):
    notice, offers, member = tender
    client.force_login(member)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(_url("notice-award", notice), {"offer": offers["mid"].pk})
    assert response.status_code == 303
    notice.refresh_from_db()
    assert notice.status == NoticeStatus.AWARDED
    assert notice.awarded_offer == offers["mid"]
    assert notice.award_value == Decimal("1500.00")  # the offer's price by default
    assert notice.awarded_at is not None
    assert [(kind, kwargs["offer"].pk) for kind, kwargs in signals] == [
        ("awarded", offers["mid"].pk)
    ]
    by_address = {message.to[0]: message for message in mail.outbox}
    assert sorted(by_address) == ["droga@example.org", "srednia@example.org", "tania@example.org"]
    assert "została wybrana" in by_address["srednia@example.org"].subject
    assert "wybrano inną ofertę" in by_address["tania@example.org"].subject
    assert by_address["srednia@example.org"].reply_to == [notice.contact_email]


def test_award_e_mails_go_in_the_notices_language(tender, django_capture_on_commit_callbacks):
    notice, offers, _member = tender
    Notice.objects.filter(pk=notice.pk).update(language="en")
    notice.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        publishing.award(notice, offers["cheap"].pk, None)
    subjects = sorted(message.subject for message in mail.outbox)
    assert "Your offer for ZP/2026/0001 has been chosen" in subjects
    assert "/en/" in mail.outbox[0].body


def test_a_chosen_value_is_kept(tender):
    notice, offers, _member = tender
    awarded = publishing.award(notice, offers["dear"].pk, None, value=Decimal("2400"))
    assert awarded.award_value == Decimal("2400")


def test_the_second_award_is_refused(client, tender):
    notice, offers, member = tender
    publishing.award(notice, offers["cheap"].pk, None)
    with pytest.raises(publishing.PublishingError, match="już udzielone"):
        publishing.award(notice, offers["mid"].pk, None)
    client.force_login(member)
    response = client.post(_url("notice-award", notice), {"offer": offers["mid"].pk}, follow=True)
    assert "To zamówienie zostało już udzielone." in response.content.decode()
    notice.refresh_from_db()
    assert notice.awarded_offer == offers["cheap"]


def test_award_before_the_opening_is_refused(client):
    notice = NoticeFactory(
        deadline=timezone.now() - timedelta(minutes=5),
        opening_at=timezone.now() + timedelta(hours=1),
    )
    offer = OfferFactory(notice=notice)
    with pytest.raises(publishing.PublishingError, match="zapieczętowane"):
        publishing.award(notice, offer.pk, None)
    client.force_login(BuyerUserFactory(buyer=notice.buyer))
    client.post(_url("notice-award", notice), {"offer": offer.pk})
    notice.refresh_from_db()
    assert notice.status == NoticeStatus.PUBLISHED
    assert notice.awarded_offer is None


@pytest.mark.parametrize("which", ["withdrawn", "other_notice", "garbage"])
def test_only_a_live_offer_of_this_notice_is_awarded(tender, which):
    notice, _offers, _member = tender
    if which == "withdrawn":
        offer_id = Offer.objects.get(notice=notice, status=OfferStatus.WITHDRAWN).pk
    elif which == "other_notice":
        offer_id = OfferFactory(notice=opened_notice()).pk
    else:
        offer_id = "1; DROP"
    with pytest.raises(publishing.PublishingError):
        publishing.award(notice, offer_id, None)
    notice.refresh_from_db()
    assert notice.status == NoticeStatus.PUBLISHED


# Cancelling -------------------------------------------------------------------------------
def test_cancel_needs_a_reason_and_tells_sealed_bidders_too(
    client, signals, django_capture_on_commit_callbacks
):
    notice = NoticeFactory()  # still open: the offers are sealed
    OfferFactory(notice=notice, partner=bidder("A", "a@example.org"))
    OfferFactory(notice=notice, partner=bidder("B", "b@example.org"))
    client.force_login(BuyerUserFactory(buyer=notice.buyer))
    response = client.post(_url("notice-cancel", notice), {"reason": ""}, follow=True)
    assert "Podaj powód unieważnienia." in response.content.decode()
    notice.refresh_from_db()
    assert notice.status == NoticeStatus.PUBLISHED
    with django_capture_on_commit_callbacks(execute=True):
        client.post(_url("notice-cancel", notice), {"reason": "Zmiana budżetu."})
    notice.refresh_from_db()
    assert notice.status == NoticeStatus.CANCELLED
    assert notice.cancel_reason == "Zmiana budżetu."
    assert [kind for kind, _kwargs in signals] == ["cancelled"]
    assert sorted(message.to[0] for message in mail.outbox) == ["a@example.org", "b@example.org"]
    assert all("Zmiana budżetu." in message.body for message in mail.outbox)
    # The buyer still sees nothing of the sealed offers.
    body = client.get(_url("notice", notice)).content.decode()
    assert "a@example.org" not in body


def test_an_awarded_notice_cannot_be_cancelled(tender):
    notice, offers, _member = tender
    publishing.award(notice, offers["cheap"].pk, None)
    with pytest.raises(publishing.PublishingError):
        publishing.cancel(notice, "Za późno", None)


def test_a_draft_cannot_be_cancelled():
    notice = NoticeFactory(status=NoticeStatus.DRAFT, published_at=None)
    with pytest.raises(publishing.PublishingError):
        publishing.cancel(notice, "Powód", None)


# The order --------------------------------------------------------------------------------
def test_order_from_award(client, tender):
    notice, offers, member = tender
    publishing.award(notice, offers["mid"].pk, None, value=Decimal("1450.50"))
    client.force_login(member)
    response = client.post(_url("notice-order", notice), follow=True)
    assert "ZP-2026-0001-1" in response.content.decode()
    order = Order.objects.get(number="ZP-2026-0001-1")
    assert order.group_reference == "ZP/2026/0001"
    assert order.guest_email == "gmina@example.org"
    assert order.user is None
    assert order.total_incl_tax == Decimal("1450.50")
    line = order.lines.get()
    assert line.partner == offers["mid"].partner
    assert line.line_price_incl_tax == Decimal("1450.50")
    assert line.quantity == 1
    notice.refresh_from_db()
    assert notice.order == order
    with pytest.raises(OrderError):
        order_from_award(notice)
    client.post(_url("notice-order", notice))
    assert Order.objects.filter(group_reference="ZP/2026/0001").count() == 1


def test_no_order_without_an_award(tender):
    notice, _offers, _member = tender
    with pytest.raises(OrderError):
        order_from_award(notice)
    assert not Order.objects.filter(group_reference=notice.reference).exists()


# Two awards at the same moment ------------------------------------------------------------
def test_two_concurrent_awards_make_one(transactional_db_guard):
    """Two staff members award different offers at once, each on its own connection: the lock
    on the notice lets one through; the other waits, then finds it awarded and is refused."""
    notice_pk, offer_pks = transactional_db_guard
    start = threading.Barrier(2)

    def award(offer_pk: int) -> str:
        start.wait(timeout=30)
        try:
            publishing.award(Notice.objects.get(pk=notice_pk), offer_pk, None)
        except publishing.PublishingError as error:
            return str(error)
        return "ok"

    outcomes: list[str] = []
    threads = [
        threading.Thread(target=lambda pk=pk: outcomes.append(_on_own_connection(award, pk)))
        for pk in offer_pks
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert sorted(outcomes) == sorted(["ok", "To zamówienie zostało już udzielone."])
    awarded = in_own_thread(lambda: Notice.objects.get(pk=notice_pk))
    assert awarded.status == NoticeStatus.AWARDED
    assert awarded.awarded_offer_id in offer_pks


def _on_own_connection(function, *args):
    try:
        with translation.override("pl"):
            return function(*args)
    finally:
        connections.close_all()


@pytest.fixture
def transactional_db_guard():
    """A committed opened notice with two offers (other connections must see them), removed
    after the test. PostgreSQL only: on SQLite the test's own transaction (BEGIN IMMEDIATE)
    holds the one write lock, and writers are serialised anyway."""
    if connection.vendor != "postgresql":
        pytest.skip(
            "needs PostgreSQL row locks: SQLite's BEGIN IMMEDIATE serialises whole "
            "transactions instead (run with DATABASE_URL=postgres://…)"
        )

    def make() -> tuple[int, list[int]]:
        notice = opened_notice(buyer=BuyerFactory())
        offers = [OfferFactory(notice=notice, price=price) for price in ("100", "200")]
        return notice.pk, [offer.pk for offer in offers]

    notice_pk, offer_pks = in_own_thread(make)
    yield notice_pk, offer_pks

    def clean() -> None:
        notice = Notice.objects.get(pk=notice_pk)
        buyer_pk = notice.buyer_id
        partner_pks = list(
            Offer.submissions.filter(notice=notice).values_list("partner_id", flat=True)
        )
        Notice.objects.filter(pk=notice_pk).update(awarded_offer=None)
        notice.delete()
        partners = get_model("partner", "Partner").objects.filter(pk__in=partner_pks)
        powiat_pks = list(partners.values_list("powiat_id", flat=True))
        partners.delete()
        # PartnerFactory's own powiats: the demo's tests count the region's powiats.
        Powiat.objects.filter(pk__in=powiat_pks).delete()
        BuyerFactory._meta.model.objects.filter(pk=buyer_pk).delete()

    in_own_thread(clean)
