"""The buyer's invoice details: at checkout (copied to every PES's order) and on accepting a
quote; a wrong NIP places nothing and says why, an unticked box keeps nothing."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from django.utils.translation import gettext, override
from oscar.core.loading import get_model

from marketplace.quotes import services as quote_services
from marketplace.quotes.models import QuoteRequest
from tests.factories import PartnerFactory, seller_with_product
from tests.factories.procurement import valid_nip
from tests.helpers.shop import GUEST_EMAIL, choose, guest_to_delivery_step

Order = get_model("order", "Order")
Product = get_model("catalogue", "Product")

pytestmark = pytest.mark.django_db

GOOD_NIP = valid_nip(901)


def pl(message: str) -> str:
    with override("pl"):
        return escape(gettext(message))


def invoice(nip: str = GOOD_NIP, **changes) -> dict:
    data = {
        "invoice-invoice_requested": "on",
        "invoice-invoice_nip": nip,
        "invoice-invoice_name": "Gmina Testowa",
        "invoice-invoice_address": "ul. Rynek 1\n25-001 Kielce",
    }
    data.update(changes)
    return data


@pytest.fixture
def two_sellers():
    a, product_a = seller_with_product(71, "20.00")
    b, product_b = seller_with_product(72, "35.50")
    return (a, product_a), (b, product_b)


def test_checkout_copies_the_invoice_details_to_every_order(two_sellers):
    (a, product_a), (b, product_b) = two_sellers
    client = Client()
    step = guest_to_delivery_step(client, [product_a, product_b])
    assert 'name="invoice-invoice_nip"' in step.content.decode()
    dashed = f"{GOOD_NIP[:3]}-{GOOD_NIP[3:6]}-{GOOD_NIP[6:8]}-{GOOD_NIP[8:]}"
    response = client.post(
        reverse("checkout:shipping-method"),
        {**choose(a, "pickup", "transfer"), **choose(b, "pickup", "transfer"), **invoice(dashed)},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    preview = client.get(reverse("checkout:preview")).content.decode()
    assert GOOD_NIP in preview and "Gmina Testowa" in preview
    mail.outbox.clear()
    client.post(reverse("checkout:preview"), {"action": "place_order"})

    orders = list(Order.objects.filter(guest_email=GUEST_EMAIL))
    assert len(orders) == 2
    for order in orders:
        assert order.invoice_requested is True
        assert order.invoice_nip == GOOD_NIP  # stored compact
        assert order.invoice_name == "Gmina Testowa"
        assert order.invoice_address == "ul. Rynek 1\n25-001 Kielce"
    buyer_mail = next(m for m in mail.outbox if m.to == [GUEST_EMAIL])
    assert GOOD_NIP in buyer_mail.body and "Gmina Testowa" in buyer_mail.body
    seller_mail = next(m for m in mail.outbox if m.to == [a.email])
    assert GOOD_NIP in seller_mail.body and "Gmina Testowa" in seller_mail.body


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        (
            {"invoice-invoice_nip": "1234567890"},
            "nip",
            "Enter a valid NIP (10 digits with a correct checksum).",
        ),
        ({"invoice-invoice_nip": ""}, "nip", "Enter the NIP for the invoice."),
        ({"invoice-invoice_name": "  "}, "name", "Enter the name for the invoice."),
        ({"invoice-invoice_address": ""}, "address", "Enter the address for the invoice."),
    ],
)
def test_checkout_refuses_wrong_invoice_details_and_keeps_nothing(
    two_sellers, changes, field, message
):
    (a, product_a), (b, product_b) = two_sellers
    client = Client()
    guest_to_delivery_step(client, [product_a, product_b])
    response = client.post(
        reverse("checkout:shipping-method"),
        {
            **choose(a, "pickup", "transfer"),
            **choose(b, "pickup", "transfer"),
            **invoice(**changes),
        },
    )
    assert response.status_code == 200
    assert pl(message) in response.content.decode()
    # the step was not passed: the review refuses to place orders without the choices
    client.post(reverse("checkout:preview"), {"action": "place_order"})
    assert not Order.objects.filter(guest_email=GUEST_EMAIL).exists()


def test_unticked_invoice_box_needs_nothing_and_keeps_nothing(two_sellers):
    (a, product_a), (b, product_b) = two_sellers
    client = Client()
    guest_to_delivery_step(client, [product_a, product_b])
    response = client.post(
        reverse("checkout:shipping-method"),
        {
            **choose(a, "pickup", "transfer"),
            **choose(b, "pickup", "transfer"),
            **invoice("not a nip", **{"invoice-invoice_requested": ""}),
        },
    )
    assert response.status_code == 302
    client.post(reverse("checkout:preview"), {"action": "place_order"})
    orders = list(Order.objects.filter(guest_email=GUEST_EMAIL))
    assert len(orders) == 2
    assert all(not o.invoice_requested and o.invoice_nip == "" for o in orders)


# Quote acceptance -----------------------------------------------------------------------------
@pytest.fixture
def answered_request():
    partner = PartnerFactory(name="Catering Faktura", email="catering-faktura@example.org")
    quote_request = quote_services.create_request(
        partners=[partner],
        product=None,
        subject="Catering na sesję rady",
        description="Obiad dla 30 osób.",
        location="Kielce",
        needed_by=timezone.localdate() + timedelta(days=20),
        quantity="30 osób",
        contact_name="Anna Kowalska",
        organisation="Urząd Gminy Testowej",
        email="zamowienia@gmina.example.org",
        phone="",
        nip=GOOD_NIP,
        consent=True,
    )
    quote = quote_request.quotes.get()
    quote_services.answer_quote(
        quote,
        price=Decimal("1500.00"),
        terms="Z dowozem.",
        valid_until=timezone.localdate() + timedelta(days=10),
    )
    return QuoteRequest.objects.get(pk=quote_request.pk), quote


def test_quote_page_prefills_the_invoice_with_the_requests_nip(client, answered_request):
    quote_request, _quote = answered_request
    page = client.get(quote_request.get_absolute_url())
    form = page.context["invoice_form"]
    assert form.initial["invoice_nip"] == GOOD_NIP
    assert form.initial["invoice_name"] == "Urząd Gminy Testowej"
    assert form.initial["invoice_requested"] is True


def test_accepting_with_invoice_details_puts_them_on_the_order(client, answered_request):
    quote_request, quote = answered_request
    response = client.post(
        reverse("quotes:accept", kwargs={"token": quote_request.token}),
        {"quote": quote.pk, **invoice()},
    )
    assert response.status_code == 303
    order = Order.objects.get(group_reference=quote_request.reference)
    assert (order.invoice_requested, order.invoice_nip, order.invoice_name) == (
        True,
        GOOD_NIP,
        "Gmina Testowa",
    )
    accepted_mail = next(
        m
        for m in mail.outbox
        if m.to == ["catering-faktura@example.org"] and order.number in m.body
    )
    assert GOOD_NIP in accepted_mail.body


def test_accepting_with_a_wrong_nip_accepts_nothing_and_says_why(client, answered_request):
    quote_request, quote = answered_request
    response = client.post(
        reverse("quotes:accept", kwargs={"token": quote_request.token}),
        {"quote": quote.pk, **invoice("5260250275")},
    )
    assert response.status_code == 200
    assert pl("Enter a valid NIP (10 digits with a correct checksum).") in response.content.decode()
    assert 'value="5260250275"' in response.content.decode()  # what was typed stays
    assert not Order.objects.filter(group_reference=quote_request.reference).exists()
    quote.refresh_from_db()
    assert quote.status == quote.Status.ANSWERED
