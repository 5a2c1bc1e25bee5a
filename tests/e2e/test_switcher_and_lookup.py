"""In the browser: the language switcher on a page without a translation, and the register's
"check a certificate" box (an expired certificate typed by hand; an unknown number)."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from tests.helpers.browser import serious_violations

pytestmark = pytest.mark.e2e


@pytest.fixture
def polish_only_page(django_db_blocker) -> Iterator[str]:
    from wagtail.models import Page

    from home.models import ContentPage

    with django_db_blocker.unblock():
        about = Page.objects.get(url_path__endswith="/o-portalu/", locale__language_code="pl")
        page = ContentPage(title="Tylko po polsku", slug="tylko-po-polsku-e2e")
        about.add_child(instance=page)
        page.save_revision().publish()
        url = page.url
    yield url
    with django_db_blocker.unblock():
        Page.objects.filter(pk=page.pk).delete()


def test_switcher_says_the_page_has_no_english_version(page, server_url, polish_only_page):
    page.goto(server_url + polish_only_page)
    english = page.locator(".lang-switcher a[hreflang=en]")
    assert english.get_attribute("href") == "/en/about/"
    note = page.locator("#lang-note-en")
    assert note.is_visible()
    assert note.get_attribute("lang") == "en"
    assert english.get_attribute("aria-describedby") == "lang-note-en"
    assert serious_violations(page) == []
    english.click()
    page.wait_for_url(re.compile(r"/en/about/$"))


def test_an_expired_certificate_is_found_by_its_number_typed_by_hand(
    page, server_url, django_db_blocker
):
    from marketplace.certificates.models import Certificate, CertificateState, today_in_poland

    with django_db_blocker.unblock():
        today = today_in_poland()
        expired = next(
            c
            for c in Certificate.objects.order_by("pk")
            if c.state(today) == CertificateState.EXPIRED
        )
    page.goto(server_url + "/certyfikat/")
    assert serious_violations(page) == []
    prefix, year, number = expired.number.split("/")
    page.fill("input[name=number]", f" {prefix.lower()} / {year} / {int(number)} ")
    page.locator("form.certificate-lookup button[type=submit]").click()
    page.wait_for_url(re.compile(re.escape(expired.get_absolute_url()) + "$"))
    assert page.locator(".certificate-state--expired").count() == 1

    page.goto(server_url + "/certyfikat/")
    page.fill("input[name=number]", "ZP/1999/9999")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/certyfikat/sprawdz/\?number="))
    field = page.locator("input[name=number]")
    assert field.get_attribute("aria-invalid") == "true"
    assert "ZP/1999/9999" in page.locator("#id_number_error").inner_text()
    assert serious_violations(page) == []
