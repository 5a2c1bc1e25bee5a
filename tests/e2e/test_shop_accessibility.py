"""Oscar's customer pages (login, basket, checkout) keep the portal's layout and pass axe."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.helpers.browser import serious_violations

pytestmark = pytest.mark.e2e


def _add_product_in_stock(page, server_url) -> str:
    """Put the first available product sold from stock in the basket; return its title."""
    page.goto(server_url + "/sklep/catalogue/")
    page.locator(".product-card:has(.availability--in) .product-card__title a").first.click()
    title = page.locator("h1").inner_text().strip()
    page.get_by_role("button", name="Dodaj do koszyka").click()
    page.wait_for_load_state()
    assert page.locator("[data-basket-count]").inner_text() == "1"
    return title


def _assert_portal_layout(page) -> None:
    """The portal's skip link, header, single main landmark and footer surround the page."""
    expect(page.locator("a.skip-link[href='#main']")).to_have_count(1)
    expect(page.locator("header.site-header")).to_be_visible()
    expect(page.locator("main#main")).to_have_count(1)
    expect(page.locator("footer.site-footer")).to_have_count(1)
    expect(page.locator("h1")).to_have_count(1)


def test_login_page_has_one_heading_and_passes_axe(page, server_url):
    page.goto(server_url + "/sklep/accounts/login/")
    _assert_portal_layout(page)
    expect(page.locator("h1")).to_be_visible()
    # the login and registration forms are sections under the page heading
    expect(page.locator("main h2")).to_have_count(2)
    assert serious_violations(page) == []


def test_basket_quantity_has_a_label_and_page_passes_axe(page, server_url):
    title = _add_product_in_stock(page, server_url)
    page.goto(server_url + "/sklep/basket/")
    _assert_portal_layout(page)
    quantity = page.locator("input[name$='-quantity']")
    expect(quantity).to_have_count(1)
    # the (visually hidden) label names the product, so several lines stay distinguishable
    expect(page.get_by_label(title, exact=False)).to_have_attribute(
        "name", re.compile(r"-quantity$")
    )
    expect(quantity).to_have_accessible_name(re.compile(re.escape(title)))
    assert quantity.evaluate("input => input.labels.length") == 1
    assert serious_violations(page) == []


def test_guest_checkout_keeps_the_portal_layout(page, server_url):
    _add_product_in_stock(page, server_url)
    page.goto(server_url + "/sklep/checkout/")
    # anonymous checkout is allowed: Oscar's gateway asks who the customer is
    expect(page.locator("#id_username")).to_be_visible()
    _assert_portal_layout(page)
    expect(page.locator("main nav.nav-checkout")).to_have_count(1)
    expect(page.locator("#id_password")).to_have_accessible_name(re.compile(r"\S"))
    assert serious_violations(page) == []

    page.locator("#id_username").fill("gosc@example.com")
    page.locator("input[name='options'][value='anonymous']").check()
    page.locator("main form button[type='submit']").click()
    page.wait_for_url(re.compile(r"/sklep/checkout/shipping-address/$"))
    _assert_portal_layout(page)
    assert serious_violations(page) == []
