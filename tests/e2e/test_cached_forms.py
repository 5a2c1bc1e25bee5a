"""Forms on pages served from the page cache work for everyone: each visitor gets a token of
their own (from /csrf-token/), and without JavaScript or with a lost cookie the confirm page
sends what was typed with a fresh one. Axe checks the confirm page."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from datetime import timedelta

import pytest
from django.conf import settings
from django.utils import timezone
from oscar.core.loading import get_model
from playwright.sync_api import BrowserContext, Page, expect

from tests.helpers.browser import serious_violations

pytestmark = pytest.mark.e2e

CONTEXT = {"locale": "pl-PL", "viewport": {"width": 1280, "height": 900}}
CONFIRM_BUTTON = ".csrf-confirm button[type=submit]"


@pytest.fixture
def marker(django_db_blocker) -> Iterator[str]:
    """A unique tag in the e-mail addresses; this test's registrations are removed after it,
    and the address-based rate limits start afresh (every context comes from 127.0.0.1)."""
    from django.core.cache import caches

    from portal.events.models import Registration

    tag = uuid.uuid4().hex[:8]
    with django_db_blocker.unblock():
        if "ratelimit" in settings.CACHES:
            caches["ratelimit"].clear()
    yield tag
    with django_db_blocker.unblock():
        Registration.objects.filter(email__contains=tag).delete()


@pytest.fixture
def event(django_db_blocker) -> dict[str, str]:
    """URLs of an upcoming demo event open for registration, in Polish and English."""
    from portal.events.models import EventPage

    with django_db_blocker.unblock():
        page = (
            EventPage.objects.live()
            .filter(
                locale__language_code="pl",
                registration_open=True,
                capacity__gte=20,
                start__gt=timezone.now() + timedelta(days=1),
            )
            .order_by("-capacity", "start")
            .first()
        )
        assert page is not None, "the demo has no event open for registration"
        english = (
            EventPage.objects.live()
            .filter(translation_key=page.translation_key, locale__language_code="en")
            .first()
        )
        return {"pl": page.url, "en": english.url if english else ""}


@pytest.fixture
def product_url(django_db_blocker) -> str:
    stockrecord_model = get_model("partner", "StockRecord")
    with django_db_blocker.unblock():
        record = (
            stockrecord_model.objects.filter(
                product__product_class__track_stock=True,
                product__is_public=True,
                num_in_stock__gt=50,
            )
            .select_related("product")
            .order_by("pk")
            .first()
        )
        return record.product.get_absolute_url()


def _registered(django_db_blocker, email: str) -> bool:
    from portal.events.models import Registration

    with django_db_blocker.unblock():
        return Registration.objects.filter(email=email).exists()


def _fill_registration(page: Page, name: str, email: str) -> None:
    page.locator("#id_name").fill(name)
    page.locator("#id_email").fill(email)
    page.locator("#id_organisation_name").fill("Spółdzielnia Socjalna „Pamięć”")
    page.locator("#id_consent").check()


def _register_button(page: Page):
    return page.locator(".event-registration__form button[type=submit]")


def _new_context(browser, **extra) -> BrowserContext:
    return browser.new_context(**CONTEXT, **extra)


def test_two_visitors_register_from_the_same_cached_event_page(
    browser, server_url, event, marker, django_db_blocker
):
    holder = _new_context(browser)
    newcomer = _new_context(browser)
    try:
        first = holder.new_page()
        # a never-cached page with a real token: this visitor now holds a csrftoken cookie
        first.goto(server_url + "/sklep/accounts/login/")
        assert any(c["name"] == settings.CSRF_COOKIE_NAME for c in holder.cookies())
        first.goto(server_url + event["pl"])
        second = newcomer.new_page()
        response = second.goto(server_url + event["pl"])
        assert response.headers.get("x-page-cache") == "hit"
        html = response.text()
        assert not re.search(r'name="csrfmiddlewaretoken" value="[^"]+"', html)
        assert "data-csrf-token" in html

        emails = []
        for index, page in enumerate([first, second]):
            email = f"cache-{index}-{marker}@example.org"
            emails.append(email)
            _fill_registration(page, f"Osoba {index}", email)
            _register_button(page).click()
            page.wait_for_load_state()
            expect(page.locator(".event-message--success, .event-message--warning")).to_be_visible()
        assert all(_registered(django_db_blocker, email) for email in emails)
    finally:
        holder.close()
        newcomer.close()


def test_two_visitors_add_to_basket_from_the_same_cached_product_page(
    browser, server_url, product_url
):
    holder = _new_context(browser)
    newcomer = _new_context(browser)
    try:
        first = holder.new_page()
        first.goto(server_url + "/sklep/accounts/login/")
        first.goto(server_url + product_url)
        second = newcomer.new_page()
        response = second.goto(server_url + product_url)
        assert response.headers.get("x-page-cache") == "hit"
        for page in (first, second):
            page.get_by_role("button", name="Dodaj do koszyka").click()
            page.wait_for_load_state()
            expect(page.locator("[data-basket-count]")).to_have_text("1")
    finally:
        holder.close()
        newcomer.close()


def test_without_javascript_the_confirm_page_sends_the_form(
    browser, server_url, event, product_url, marker, django_db_blocker
):
    context = _new_context(browser, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(server_url + event["pl"])
        email = f"bez-js-{marker}@example.org"
        _fill_registration(page, "Bez Skryptów", email)
        _register_button(page).click()
        page.wait_for_load_state()
        assert page.locator(CONFIRM_BUTTON).count() == 1
        assert not _registered(django_db_blocker, email)
        page.locator(CONFIRM_BUTTON).click()
        page.wait_for_load_state()
        assert page.url.startswith(server_url + event["pl"])
        assert page.locator(".event-message--success, .event-message--warning").count() == 1
        assert _registered(django_db_blocker, email)

        page.goto(server_url + product_url)
        page.get_by_role("button", name="Dodaj do koszyka").click()
        page.wait_for_load_state()
        page.locator(CONFIRM_BUTTON).click()
        page.wait_for_load_state()
        assert page.url.startswith(server_url + product_url)
        assert any(c["name"] == "basket_count" and c["value"] == "1" for c in context.cookies())
    finally:
        context.close()


def test_a_lost_cookie_or_an_unreachable_token_url_still_registers(
    browser, server_url, event, marker, django_db_blocker
):
    context = _new_context(browser)
    try:
        page = context.new_page()
        # the English page; the cookie goes after the token came
        page.goto(server_url + (event["en"] or event["pl"]))
        email = f"bez-ciastka-{marker}@example.org"
        _fill_registration(page, "Lost Cookie", email)
        expect(page.locator("input[data-csrf-token]")).not_to_have_value("")
        context.clear_cookies(name=settings.CSRF_COOKIE_NAME)
        _register_button(page).click()
        page.wait_for_load_state()
        expect(page.locator(".event-message--success, .event-message--warning")).to_be_visible()
        assert _registered(django_db_blocker, email)

        # the token URL cannot be reached: the form goes without a token, the confirm page
        # (which axe checks) sends it
        context.clear_cookies()
        page.route("**/csrf-token/", lambda route: route.abort())
        page.goto(server_url + event["pl"])
        email = f"bez-tokenu-{marker}@example.org"
        _fill_registration(page, "Bez Tokenu", email)
        _register_button(page).click()
        page.wait_for_load_state()
        expect(page.locator(CONFIRM_BUTTON)).to_be_visible()
        assert page.locator("h1").count() == 1
        assert serious_violations(page) == []
        page.locator(CONFIRM_BUTTON).click()
        page.wait_for_load_state()
        expect(page.locator(".event-message--success, .event-message--warning")).to_be_visible()
        assert _registered(django_db_blocker, email)
    finally:
        context.close()
