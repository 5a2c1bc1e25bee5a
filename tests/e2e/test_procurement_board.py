"""The notice board in a browser: filter it, open a notice, and ask a question from the cached
notice page in a second browser context that already holds a csrftoken cookie (the token comes
from /csrf-token/, as for every form on a cached page). Axe finds nothing serious on the board
or the notice page."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from datetime import timedelta

import pytest
from django.conf import settings
from django.utils import timezone
from playwright.sync_api import expect

from tests.helpers.browser import serious_violations

pytestmark = pytest.mark.e2e

CONTEXT = {"locale": "pl-PL", "viewport": {"width": 1280, "height": 900}}


@pytest.fixture
def notices(django_db_blocker) -> Iterator[dict]:
    """Two committed notices in a powiat of their own (an open one and an awarded-looking closed
    one), removed after the test with their questions; the rate limits start afresh."""
    from django.core.cache import caches

    from marketplace.procurement.models import BuyerOrganisation, Notice
    from tests.factories import BuyerFactory, NoticeFactory, PowiatFactory

    tag = uuid.uuid4().hex[:6]
    with django_db_blocker.unblock():
        if "ratelimit" in settings.CACHES:
            caches["ratelimit"].clear()
        powiat = PowiatFactory(code=f"e2e-{tag}", name=f"Przeglądarkowo {tag}")
        buyer = BuyerFactory(name=f"Gmina Przeglądarkowa {tag}", slug=f"gmina-e2e-{tag}")
        open_notice = NoticeFactory(
            buyer=buyer,
            subject=f"Obiady dla seniorów {tag}",
            deadline=timezone.now() + timedelta(days=6),
            powiats=[powiat],
        )
        closed = NoticeFactory(
            buyer=buyer,
            subject=f"Sprzątanie po festynie {tag}",
            deadline=timezone.now() - timedelta(days=1),
            powiats=[powiat],
        )
    yield {"powiat": powiat, "open": open_notice, "closed": closed, "tag": tag}
    with django_db_blocker.unblock():
        Notice.objects.filter(buyer=buyer).delete()
        BuyerOrganisation.objects.filter(pk=buyer.pk).delete()
        powiat.delete()


def _questions(django_db_blocker, notice) -> list[str]:
    from marketplace.procurement.models import NoticeQuestion

    with django_db_blocker.unblock():
        return list(NoticeQuestion.objects.filter(notice=notice).values_list("question", flat=True))


def test_filter_the_board_open_a_notice_and_ask_from_a_cached_page(
    browser, server_url, notices, django_db_blocker
):
    visitor = browser.new_context(**CONTEXT)
    holder = browser.new_context(**CONTEXT)
    try:
        page = visitor.new_page()
        page.goto(f"{server_url}/zamowienia/?powiat={notices['powiat'].code}")
        expect(page.get_by_role("heading", level=1)).to_have_text("Ogłoszenia o zamówieniach")
        cards = page.locator(".notice-card")
        expect(cards).to_have_count(2)
        # filter: open notices only
        page.get_by_label(re.compile(r"^otwarte na oferty")).check()
        page.get_by_role("button", name="Pokaż ogłoszenia").click()
        page.wait_for_load_state()
        assert "phase=open" in page.url
        expect(cards).to_have_count(1)
        expect(cards.first).to_contain_text(notices["open"].subject)
        assert serious_violations(page) == []

        page.get_by_role("link", name=notices["open"].subject).click()
        page.wait_for_load_state()
        expect(page.get_by_role("heading", level=1)).to_have_text(notices["open"].subject)
        expect(page.get_by_text("(czasu polskiego)").first).to_be_visible()
        assert serious_violations(page) == []
        notice_url = page.url

        # a second visitor who already holds a csrftoken cookie gets the cached copy
        second = holder.new_page()
        second.goto(server_url + "/sklep/accounts/login/")
        assert any(c["name"] == settings.CSRF_COOKIE_NAME for c in holder.cookies())
        response = second.goto(notice_url)
        assert response.headers.get("x-page-cache") == "hit"
        assert not re.search(r'name="csrfmiddlewaretoken" value="[^"]+"', response.text())

        asked = []
        for index, tab in enumerate([page, second]):
            question = f"Czy można dostarczać obiady w termosach? ({index} {notices['tag']})"
            asked.append(question)
            tab.get_by_label("Twoje pytanie").fill(question)
            tab.get_by_label(re.compile(r"^Twój e-mail")).fill(f"pes{index}@example.org")
            tab.get_by_role("button", name="Wyślij pytanie").click()
            tab.wait_for_load_state()
            expect(tab.locator(".notice-message--success")).to_contain_text("Dziękujemy")
            # shown only once answered
            expect(tab.get_by_text(question)).to_have_count(0)
        assert sorted(_questions(django_db_blocker, notices["open"])) == sorted(asked)
    finally:
        visitor.close()
        holder.close()


def test_a_closed_notice_offers_no_question_form(browser, server_url, notices):
    context = browser.new_context(**CONTEXT)
    try:
        page = context.new_page()
        page.goto(f"{server_url}/zamowienia/{notices['closed'].pk}/")
        expect(page.get_by_text("zamknięte, czeka na rozstrzygnięcie").first).to_be_visible()
        expect(page.get_by_role("button", name="Wyślij pytanie")).to_have_count(0)
        assert serious_violations(page) == []
    finally:
        context.close()
