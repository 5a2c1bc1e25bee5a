"""A visitor opens the portal and the shop, switches language; axe finds nothing serious."""

from __future__ import annotations

import re

import pytest

from tests.helpers.browser import serious_violations

pytestmark = pytest.mark.e2e


def test_home_page_then_shop(page, server_url):
    page.goto(server_url + "/")
    assert page.locator("html").get_attribute("lang") == "pl"
    assert page.locator("h1").first.inner_text()
    assert page.locator(".product-card").count() >= 4
    assert serious_violations(page) == []

    page.get_by_role("navigation", name="Nawigacja główna").get_by_role(
        "link", name="Sklep"
    ).click()
    page.wait_for_url(re.compile(r"/sklep/catalogue/"))
    assert page.locator(".product-card").count() >= 12
    # Card pictures load lazily (the facets may push the grid below the fold): look at one.
    first_image = page.locator(".product-card__image").first
    first_image.scroll_into_view_if_needed()
    page.wait_for_function(
        "img => img.complete && img.naturalWidth > 0", arg=first_image.element_handle()
    )
    assert serious_violations(page) == []


def test_switch_language_on_a_content_page(page, server_url):
    page.goto(server_url + "/o-portalu/")
    page.get_by_role("link", name="English").click()
    page.wait_for_url(re.compile(r"/en/about/$"))
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").inner_text() == "About the portal"
    assert serious_violations(page) == []
    page.get_by_role("link", name="Polski").click()
    page.wait_for_url(re.compile(r"/o-portalu/$"))


def test_english_shop_and_basket(page, server_url):
    page.goto(server_url + "/en/sklep/catalogue/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert serious_violations(page) == []
    page.locator(".product-card .product-card__title a").first.click()
    page.wait_for_url(re.compile(r"/en/sklep/catalogue/.+_\d+/$"))
    assert serious_violations(page) == []


def test_add_to_basket_updates_header_count(page, server_url):
    page.goto(server_url + "/sklep/catalogue/")
    # the first product sold from stock that is available
    cards = page.locator(".product-card:has(.availability--in) .product-card__title a")
    cards.first.click()
    page.get_by_role("button", name="Dodaj do koszyka").click()
    page.wait_for_load_state()
    count = page.locator("[data-basket-count]")
    assert count.inner_text() == "1"
    page.goto(server_url + "/o-portalu/")
    assert page.locator("[data-basket-count]").inner_text() == "1"


def test_keyboard_user_can_skip_to_content(page, server_url):
    page.goto(server_url + "/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.className")
    assert "skip-link" in focused
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
