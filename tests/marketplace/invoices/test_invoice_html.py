"""The pages with invoice forms are valid HTML (Nu checker): the checkout's delivery step with
the invoice details (also with errors), the quote page, the PES's issue page and KSeF token page."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from marketplace.quotes import services as quote_services
from tests.factories import (
    VALID_IBANS,
    PartnerFactory,
    PesUserFactory,
    create_pes_order,
    seller_with_product,
    valid_nip,
)
from tests.helpers.html import VNU, nu_errors
from tests.helpers.shop import choose, guest_to_delivery_step

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(not VNU.exists(), reason="the Nu HTML checker is not installed"),
]


# Oscar's own dashboard navigation (the same on every dashboard page, not this feature's markup).
OSCAR_CHROME = (
    "Element “form” not allowed as child of element “ul” in this context. (Suppressing further"
    " errors from this subtree.)",
    "Duplicate ID “navbarDropdown”.",
    "“paragraph”, “presentation”, “strong”, “subscript”, or “superscript”.",
)


@pytest.fixture(autouse=True)
def _polish():
    with translation.override("pl"):
        yield


def test_invoice_pages_are_valid_html(tmp_path):
    client = Client()
    partner, product = seller_with_product(81, "20.00")
    step = guest_to_delivery_step(client, [product])
    wrong = client.post(
        reverse("checkout:shipping-method"),
        {
            **choose(partner, "pickup", "transfer"),
            "invoice-invoice_requested": "on",
            "invoice-invoice_nip": "123",
        },
    )
    assert wrong.status_code == 200
    pes = PartnerFactory(nip=valid_nip(941), iban=VALID_IBANS[1], city="Kielce")
    order = create_pes_order(
        pes,
        guest_email="kupiec@example.org",
        invoice_requested=True,
        invoice_nip=valid_nip(942),
        invoice_name="Gmina",
        invoice_address="Kielce",
    )
    quote_request = quote_services.create_request(
        partners=[pes],
        subject="Catering",
        description="Obiad.",
        location="Kielce",
        contact_name="Anna Kowalska",
        organisation="Urząd",
        email="kupiec@example.org",
        nip=valid_nip(943),
        consent=True,
    )
    quote_services.answer_quote(
        quote_request.quotes.get(),
        price=Decimal("100.00"),
        terms="Z dowozem.",
        valid_until=timezone.localdate() + timedelta(days=5),
    )
    quote_page = Client().get(quote_request.get_absolute_url())
    quote_wrong = Client().post(
        reverse("quotes:accept", kwargs={"token": quote_request.token}),
        {"quote": quote_request.quotes.get().pk, "invoice-invoice_requested": "on"},
    )
    assert quote_wrong.status_code == 200
    staff = Client()
    staff.force_login(PesUserFactory(partners=[pes]))
    pages = {
        "delivery step": step.content,
        "delivery step with errors": wrong.content,
        "quote page": quote_page.content,
        "quote page with errors": quote_wrong.content,
        "issue": staff.get(
            reverse("invoices-dashboard:issue", kwargs={"number": order.number})
        ).content,
        "ksef token": staff.get(reverse("invoices-dashboard:ksef-token")).content,
    }
    errors = [e for e in nu_errors(pages, tmp_path) if not e.endswith(OSCAR_CHROME)]
    assert errors == []
