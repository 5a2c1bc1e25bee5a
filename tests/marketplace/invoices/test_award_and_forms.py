"""An awarded notice's order is invoiced to the buyer; the invoice details form never raises
on any input and accepts only a valid NIP (hypothesis)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone
from hypothesis import given, settings
from hypothesis import strategies as st
from stdnum.pl import nip as stdnum_nip

from marketplace.invoices import services
from marketplace.invoices.forms import InvoiceDetailsForm
from marketplace.invoices.models import DEFAULT_EXEMPTION_BASIS
from marketplace.procurement import publishing
from marketplace.procurement.orders import order_from_award
from tests.factories import BuyerFactory, NoticeFactory, OfferFactory, PartnerFactory, valid_nip


@pytest.mark.django_db
def test_an_awarded_notice_becomes_an_order_invoiced_to_the_buyer():
    buyer = BuyerFactory(name="Gmina Zamawiająca", address="ul. Rynek 5, 26-200 Końskie")
    now = timezone.now()
    notice = NoticeFactory(
        buyer=buyer, deadline=now - timedelta(days=2), opening_at=now - timedelta(days=1)
    )
    partner = PartnerFactory(nip=valid_nip(931), city="Końskie")
    offer = OfferFactory(notice=notice, partner=partner, price="2400.00")
    publishing.award(notice, offer.pk, None)
    notice.refresh_from_db()
    order = order_from_award(notice)
    assert order.invoice_requested is True
    assert (order.invoice_nip, order.invoice_name, order.invoice_address) == (
        buyer.nip,
        "Gmina Zamawiająca",
        "ul. Rynek 5, 26-200 Końskie",
    )
    invoice = services.issue_invoice(order, exemption_basis=DEFAULT_EXEMPTION_BASIS)
    assert invoice.buyer_nip == buyer.nip and str(invoice.total_gross) == "2400.00"


def form(**values) -> InvoiceDetailsForm:
    return InvoiceDetailsForm(data={f"invoice-{key}": value for key, value in values.items()})


text = st.text(max_size=30)


@settings(max_examples=60, deadline=None)
@given(requested=st.booleans(), nip=text, name=text, address=text)
def test_invoice_form_on_any_input(requested, nip, name, address):
    details = form(
        invoice_requested="on" if requested else "",
        invoice_nip=nip,
        invoice_name=name,
        invoice_address=address,
    )
    valid = details.is_valid()  # never raises
    if not requested:
        assert valid and details.details() == {
            "invoice_requested": False,
            "invoice_nip": "",
            "invoice_name": "",
            "invoice_address": "",
        }
    elif valid:
        assert stdnum_nip.is_valid(details.cleaned_data["invoice_nip"])
        assert details.cleaned_data["invoice_nip"].isdigit()
        assert name.strip() and address.strip()
    else:
        assert details.errors


@settings(max_examples=40, deadline=None)
@given(n=st.integers(min_value=0, max_value=10_000), separator=st.sampled_from(["", "-", " "]))
def test_any_valid_nip_in_any_spelling_is_stored_compact(n, separator):
    nip = valid_nip(n)
    spelled = separator.join([nip[:3], nip[3:6], nip[6:8], nip[8:]])
    details = form(
        invoice_requested="on", invoice_nip=spelled, invoice_name="Firma", invoice_address="Kielce"
    )
    assert details.is_valid(), details.errors
    assert details.cleaned_data["invoice_nip"] == nip
