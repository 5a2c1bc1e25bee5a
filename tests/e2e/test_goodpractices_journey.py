"""A visitor filters good practices by area and powiat, opens one; axe finds nothing serious."""

from __future__ import annotations

import re

import pytest

from tests.helpers.browser import serious_violations

pytestmark = pytest.mark.e2e


def test_filter_good_practices_and_open_one(page, server_url):
    page.goto(server_url + "/dobre-praktyki/")
    assert page.locator("h1").inner_text() == "Dobre praktyki"
    everything = page.locator(".practice-list__item").count()
    assert everything >= 10
    assert serious_violations(page) == []

    page.locator("#practice-area").select_option("reagowanie-kryzysowe")
    page.locator(".practice-filters button[type=submit]").click()
    page.wait_for_url(re.compile(r"obszar=reagowanie-kryzysowe"))
    page.locator("#practice-powiat").select_option("konecki")
    page.locator(".practice-filters button[type=submit]").click()
    page.wait_for_url(re.compile(r"obszar=reagowanie-kryzysowe.*powiat=konecki"))
    titles = page.locator(".practice-list__title a")
    assert titles.count() == 1
    assert serious_violations(page) == []

    titles.first.click()
    page.wait_for_url(re.compile(r"/dobre-praktyki/maseczki-nitka-2020/$"))
    assert "maseczek" in page.locator("h1").inner_text()
    assert page.locator(".practice-page__facts a[href*='/organizacje/']").count() >= 1
    assert serious_violations(page) == []
