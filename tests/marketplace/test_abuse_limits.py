"""Abuse guards of the shop's public POSTs: quote requests and order placement are limited per
address (refused with the form or basket kept), and free text has a length limit."""

from __future__ import annotations

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import translation
from oscar.core.loading import get_model

from marketplace.checkout.forms import NOTES_MAX_LENGTH
from marketplace.quotes.models import QuoteRequest
from tests.factories import seller_with_product
from tests.helpers.shop import ADDRESS, GUEST_EMAIL, choose, ensure_poland

from .quotes.test_quotes import catering, request_url, valid_data  # noqa: F401  (fixture)

Order = get_model("order", "Order")
Basket = get_model("basket", "Basket")

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _polish():
    with translation.override("pl"):
        yield


# Quote requests (also what a directory shortlist sends) -----------------------------------------
def test_quote_requests_over_the_limit_are_refused_keeping_the_form(client, catering, settings):  # noqa: F811
    settings.RATE_LIMITS = {"quote-request": (2, 3600)}
    partners, products = catering
    for number in range(2):
        data = valid_data(partners[:1], email=f"kupiec{number}@example.org")
        assert client.post(request_url(products[0]), data).status_code == 303
    sent = len(mail.outbox)
    data = valid_data(partners, email="trzeci@example.org", subject="Trzecie zapytanie")
    response = client.post(request_url(products[0]), data)
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    page = response.content.decode()
    assert "Trzecie zapytanie" in page and "trzeci@example.org" in page
    assert response.context["error_links"], "the refusal is listed in the error summary"
    assert not QuoteRequest.objects.filter(email="trzeci@example.org").exists()
    assert len(mail.outbox) == sent
    # opening the form from a shortlist (no form data) is not an attempt and still works
    opened = client.post(reverse("quotes:request"), {"partner": [p.pk for p in partners]})
    assert opened.status_code == 200


def test_a_too_long_description_is_refused_and_nothing_is_sent(client, catering):  # noqa: F811
    partners, products = catering
    data = valid_data(partners, description="x" * 200_000)
    response = client.post(request_url(products[0]), data)
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "description" in errors
    assert "5000" in errors["description"][0].replace("\xa0", "").replace(" ", "")
    assert "Upewnij się" in errors["description"][0]
    assert not QuoteRequest.objects.filter(email="kupiec@example.org").exists()
    assert not mail.outbox


def test_the_description_field_tells_the_browser_its_limit(client, catering):  # noqa: F811
    _partners, products = catering
    html = client.get(request_url(products[0])).content.decode()
    assert 'maxlength="5000"' in html


# Order placement --------------------------------------------------------------------------------
def to_preview(client: Client, partner, product) -> None:
    ensure_poland()
    client.post(reverse("basket:add", kwargs={"pk": product.pk}), {"quantity": 1})
    client.post(reverse("checkout:index"), {"username": GUEST_EMAIL, "options": "anonymous"})
    response = client.post(reverse("checkout:shipping-address"), ADDRESS)
    assert response.status_code == 302, response.content[:2000]
    client.post(reverse("checkout:shipping-method"), choose(partner, "pickup", "cash"))


def test_orders_over_the_limit_are_refused_keeping_the_basket(settings):
    settings.RATE_LIMITS = {"order": (1, 3600)}
    partner, product = seller_with_product(31, "20.00")
    first = Client()
    to_preview(first, partner, product)
    placed = first.post(reverse("checkout:preview"), {"action": "place_order"})
    assert placed.status_code == 302
    assert Order.objects.filter(guest_email=GUEST_EMAIL).count() == 1

    second = Client()  # a new basket from the same address
    to_preview(second, partner, product)
    response = second.post(reverse("checkout:preview"), {"action": "place_order"})
    assert response.status_code == 429
    assert response.context["error"]
    assert Order.objects.filter(guest_email=GUEST_EMAIL).count() == 1
    basket = Basket.objects.filter(lines__product=product, status=Basket.OPEN).get()
    assert basket.lines.count() == 1


def test_delivery_instructions_have_a_length_limit():
    _partner, product = seller_with_product(32, "20.00")
    client = Client()
    ensure_poland()
    client.post(reverse("basket:add", kwargs={"pk": product.pk}), {"quantity": 1})
    client.post(reverse("checkout:index"), {"username": GUEST_EMAIL, "options": "anonymous"})
    address = {**ADDRESS, "notes": "y" * (NOTES_MAX_LENGTH + 1)}
    response = client.post(reverse("checkout:shipping-address"), address)
    assert response.status_code == 200
    assert "notes" in response.context["form"].errors
    accepted = client.post(
        reverse("checkout:shipping-address"), {**ADDRESS, "notes": "Dzwonić domofonem."}
    )
    assert accepted.status_code == 302


# Texts a PES writes (profile, delivery options) ------------------------------------------------
def test_pes_texts_have_length_limits_with_a_polish_message():
    from marketplace.partner.forms import DeliveryOptionForm, PesProfileForm
    from marketplace.partner.models import Partner

    partner, _product = seller_with_product(33, "20.00")
    fields = PesProfileForm(instance=partner).fields
    for name, limit in {
        "description": 5000,
        "social_mission": 5000,
        "pickup_points": 2000,
        "opening_hours": 1000,
    }.items():
        if name in fields:
            assert fields[name].max_length == limit, name
    assert Partner._meta.get_field("description").max_length == 5000
    option = DeliveryOptionForm(
        {
            "kind": "pickup",
            "name": "Odbiór",
            "details": "z" * 1001,
            "charge": "0",
            "display_order": 0,
        }
    )
    assert not option.is_valid()
    assert "Upewnij się" in option.errors["details"][0]
