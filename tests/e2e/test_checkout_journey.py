"""A guest buys from two PES in one basket and gets two sets of payment instructions."""

from __future__ import annotations

import re

import pytest
from oscar.core.loading import get_model
from playwright.sync_api import expect

from tests.helpers.browser import serious_violations

pytestmark = pytest.mark.e2e


def _two_products_of_two_sellers(django_db_blocker) -> list[tuple[str, str, str]]:
    """(product URL, PES name, PES id) of two in-stock products of PES with a courier."""
    stockrecord_model = get_model("partner", "StockRecord")
    with django_db_blocker.unblock():
        records = (
            stockrecord_model.objects.filter(
                product__product_class__track_stock=True,
                num_in_stock__gt=20,
                partner__delivery_options__kind="courier",
                partner__accepts_cash_on_pickup=True,
            )
            .select_related("product", "partner")
            .order_by("partner__name")
        )
        chosen: dict[int, tuple[str, str, str]] = {}
        for record in records:
            chosen.setdefault(
                record.partner_id,
                (record.product.get_absolute_url(), record.partner.name, str(record.partner_id)),
            )
            if len(chosen) == 2:
                break
    return list(chosen.values())


def test_guest_buys_from_two_pes_and_sees_two_payment_instructions(
    page, server_url, django_db_blocker
):
    products = _two_products_of_two_sellers(django_db_blocker)
    assert len(products) == 2
    for url, _name, _pk in products:
        page.goto(server_url + url)
        assert serious_violations(page) == []
        page.get_by_role("button", name="Dodaj do koszyka").click()
        page.wait_for_load_state()
    expect(page.locator("[data-basket-count]")).to_have_text("2")

    page.goto(server_url + "/sklep/basket/")
    assert serious_violations(page) == []

    page.goto(server_url + "/sklep/checkout/")
    page.locator("#id_username").fill("gosc-e2e@example.org")
    page.locator("input[name='options'][value='anonymous']").check()
    page.locator("main form button[type='submit']").click()
    page.wait_for_url(re.compile(r"/sklep/checkout/shipping-address/$"))
    page.locator("#id_first_name").fill("Jan")
    page.locator("#id_last_name").fill("Gość")
    page.locator("#id_line1").fill("ul. Sienkiewicza 12")
    page.locator("#id_line4").fill("Kielce")
    page.locator("#id_postcode").fill("25-001")
    page.locator("#id_phone_number").fill("+48 600 100 200")
    page.locator("main form button[type='submit']").last.click()

    page.wait_for_url(re.compile(r"/sklep/checkout/shipping-method/$"))
    assert serious_violations(page) == []
    parts = page.locator("fieldset.seller-part")
    expect(parts).to_have_count(2)
    first_pk, second_pk = products[0][2], products[1][2]
    # Wrong on purpose: cash with a courier is refused with a message at the field.
    page.locator(f"input[name='pes-{first_pk}-delivery']").nth(1).check()
    page.locator(f"input[name='pes-{first_pk}-payment'][value='cash']").check()
    page.locator("main form button[type='submit']").click()
    expect(page.locator(f"#id_pes-{first_pk}-payment-errors")).to_be_visible()
    # Pickup and cash for the first PES, courier and transfer for the second.
    page.locator(f"input[name='pes-{first_pk}-delivery']").first.check()
    page.locator(f"input[name='pes-{first_pk}-payment'][value='cash']").check()
    page.locator(f"input[name='pes-{second_pk}-delivery']").nth(1).check()
    page.locator(f"input[name='pes-{second_pk}-payment'][value='transfer']").check()
    page.locator("main form button[type='submit']").click()

    page.wait_for_url(re.compile(r"/sklep/checkout/preview/$"))
    expect(page.locator("section.seller-part")).to_have_count(2)
    assert serious_violations(page) == []
    page.locator("#place-order").click()

    page.wait_for_url(re.compile(r"/sklep/checkout/thank-you/$"))
    instructions = page.locator(".payment-instructions")
    expect(instructions).to_have_count(2)
    expect(page.locator(".payment-instructions .iban")).to_have_count(1)
    for _url, name, _pk in products:
        expect(page.locator("main")).to_contain_text(name)
    assert serious_violations(page) == []
