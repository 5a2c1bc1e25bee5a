"""The register's "check a certificate" box: any state reaches its verification page; an
unknown or malformed number is answered on the form, never with an error page."""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.urls import reverse

from marketplace.certificates.lookup import tolerant_number
from tests.factories import certificate, pes_with_products
from tests.helpers.clock import clock

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_certificates")]

TODAY = date(2027, 3, 1)


@pytest.fixture
def certificates() -> dict[str, object]:
    partner, products = pes_with_products("Pasieka Sprawdzana")
    return {
        "valid": certificate(partner, products, number="ZP/2026/0007", issued_on=date(2026, 6, 1)),
        "expired": certificate(
            partner, products, number="ZP/2025/0003", issued_on=date(2025, 2, 1)
        ),
        "revoked": certificate(
            partner,
            products,
            number="ZP/2026/0011",
            issued_on=date(2026, 5, 1),
            revoked_on=date(2026, 9, 1),
            reason="Naruszenie kryteriów.",
        ),
    }


@pytest.mark.parametrize(
    ("typed", "number"),
    [
        ("ZP/2026/0007", "ZP/2026/0007"),
        ("zp/2026/7", "ZP/2026/0007"),
        ("  zp / 2026 / 0007 ", "ZP/2026/0007"),
        ("ZP 2026 0007", "ZP/2026/0007"),
        ("zp-2026-0007", "ZP/2026/0007"),
        ("miód", None),
        ("", None),
    ],
)
def test_numbers_as_people_type_them(typed, number):
    assert tolerant_number(typed) == number


def test_the_register_has_the_box(client, certificates):
    with clock(TODAY):
        html = client.get(reverse("certificates:register")).content.decode()
    form = re.search(r'<form class="certificate-lookup" method="get" action="([^"]+)"', html)
    assert form and form.group(1) == reverse("certificates:lookup")
    assert 'name="number"' in html
    assert 'for="id_number"' in html
    # Only the valid one is listed; the others are reached through the box.
    assert "ZP/2026/0007" in html and "ZP/2025/0003" not in html


@pytest.mark.parametrize(
    ("state", "typed"),
    [("valid", "zp/2026/7"), ("expired", " ZP / 2025 / 0003 "), ("revoked", "zp 2026 0011")],
)
def test_every_state_leads_to_its_verification_page(client, certificates, state, typed):
    with clock(TODAY):
        response = client.get(reverse("certificates:lookup"), {"number": typed})
        assert response.status_code == 302
        assert response["Location"] == certificates[state].get_absolute_url()
        page = client.get(response["Location"])
    assert page.status_code == 200
    assert f"certificate-state--{state}" in page.content.decode()


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("ZP/2026/0999", "ZP/2026/0999"),
        ("nie wiem", "nie wiem"),
        ("", None),
        ("x" * 300, None),
    ],
)
def test_unknown_or_malformed_numbers_are_answered_on_the_form(
    client, certificates, typed, message
):
    response = client.get(reverse("certificates:lookup"), {"number": typed})
    assert response.status_code == 200
    html = response.content.decode()
    field = re.search(r"<input[^>]*name=\"number\"[^>]*>", html).group(0)
    assert 'aria-invalid="true"' in field
    assert "id_number_error" in re.search(r'aria-describedby="([^"]+)"', field).group(1)
    error = re.search(
        r'<span class="field__error" id="id_number_error" role="alert">(.*?)</span>', html, re.S
    )
    assert error and error.group(1).strip()
    if message:
        assert message in error.group(1)


def test_the_lookup_page_without_a_number_is_just_the_form(client):
    response = client.get(reverse("certificates:lookup"))
    assert response.status_code == 200
    assert "aria-invalid" not in response.content.decode()
