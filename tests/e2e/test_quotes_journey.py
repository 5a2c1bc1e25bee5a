"""A company asks three PES for a quote from one service page, they answer, it accepts one."""

from __future__ import annotations

import re
import uuid
from datetime import timedelta
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from tests.helpers.browser import serious_violations

pytestmark = pytest.mark.e2e

PES_LOGIN = "sklep@kielecka-spizarnia.example.org"  # the demo PES account (Kielecka Spiżarnia)
DEMO_PASSWORD = "demo-es-2026"


def _demo_catering(django_db_blocker):
    from oscar.core.loading import get_model

    product_model = get_model("catalogue", "Product")
    with django_db_blocker.unblock():
        product = product_model.objects.get(upc="KSP-CATE-01", product_class__slug="usluga")
        return product.get_absolute_url(), product.pk


def _answer_in_dashboard(browser, server_url: str, quote_id: int, price: str) -> None:
    """The demo PES logs in through the shop and answers its copy in the dashboard."""
    context = browser.new_context(locale="pl-PL", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(server_url + "/sklep/accounts/login/")
    page.fill("input[name=login-username]", PES_LOGIN)
    page.fill("input[name=login-password]", DEMO_PASSWORD)
    with page.expect_navigation():
        page.locator("button[name=login_submit]").click()
    assert "/accounts/login/" not in page.url, "the demo PES could not log in"
    page.goto(f"{server_url}/sklep/dashboard/zapytania/")
    page.locator(f"a[href='/sklep/dashboard/zapytania/{quote_id}/']").click()
    page.wait_for_url(re.compile(rf"/sklep/dashboard/zapytania/{quote_id}/$"))
    page.fill("#id_price", price)
    page.fill("#id_terms", "Obiad dwudaniowy, dowóz i naczynia w cenie.")
    page.locator("form:has(input[value=answer]) button[type=submit]").click()
    page.wait_for_load_state()
    expect(page.locator("#id_price")).to_have_value(re.compile(price.split(".")[0]))
    context.close()


def test_demo_has_quote_requests_in_every_state(demo):
    """Checks the demo, and makes pytest-django build the test database for this module.

    pytest-django sets up only the databases the collected tests ask for; a module of browser
    tests alone asks for none, and its server and ORM calls would hit the development database.
    """
    from marketplace.quotes.models import Quote, QuoteRequest

    demo_requests = QuoteRequest.objects.filter(reference__startswith="ZO/DEMO/")
    assert demo_requests.count() == 5
    statuses = set(Quote.objects.filter(request__in=demo_requests).values_list("status", flat=True))
    assert statuses == set(Quote.Status.values)
    accepted = Quote.objects.filter(request__in=demo_requests, status=Quote.Status.ACCEPTED)
    assert all(quote.order and quote.order.total_incl_tax == quote.price for quote in accepted)
    assert {r.status for r in demo_requests.with_quotes()} == set(QuoteRequest.Status.values)


def _on_the_test_database() -> None:
    from django.db import connection

    name = str(connection.settings_dict["NAME"])
    test_name = str(connection.settings_dict.get("TEST", {}).get("NAME") or "")
    if name != test_name and not name.rsplit("/", 1)[-1].startswith("test"):
        pytest.skip("no test database set up: run the whole module (or with a database test)")


def test_company_asks_three_pes_and_accepts_one(page, browser, server_url, django_db_blocker):
    from marketplace.quotes import services
    from marketplace.quotes.models import Quote, QuoteRequest

    _on_the_test_database()

    email = f"zakupy-{uuid.uuid4().hex[:8]}@firma.example.org"
    product_url, product_id = _demo_catering(django_db_blocker)

    page.goto(server_url + product_url)
    page.locator(f"a[href$='/sklep/zapytania/?product={product_id}']").click()
    page.wait_for_url(re.compile(r"/sklep/zapytania/\?product="))
    expect(page.locator("h1")).to_have_count(1)
    assert serious_violations(page) == []

    # the service's own PES is ticked; tick two more offering catering
    own = page.locator(".quote-form__section:first-of-type > .quote-choices input[type=checkbox]")
    expect(own).to_have_count(1)
    expect(own).to_be_checked()
    others = page.locator(".quote-form__subsection input[type=checkbox]")
    assert others.count() >= 2
    others.nth(0).check()
    others.nth(1).check()

    # a first try without consent shows linked errors and keeps everything typed
    page.fill("#id_subject", "Catering na szkolenie dla 25 osób")
    page.fill("#id_description", "Obiad dwudaniowy i przerwa kawowa, 3 porcje wegańskie.")
    page.fill("#id_location", "Kielce, ul. Sienkiewicza 10")
    page.fill("#id_quantity", "25 osób")
    page.fill("#id_budget", "2000")
    page.fill("#id_contact_name", "Karolina Zakupowa")
    page.fill("#id_organisation", "Firma Testowa Sp. z o.o.")
    page.fill("#id_email", email)
    page.locator("form.quote-form button[type=submit]").click()
    page.wait_for_load_state()
    alert = page.locator("#form-errors")
    expect(alert).to_be_visible()
    expect(alert.locator("a[href='#id_consent']")).to_have_count(1)
    expect(page.locator("#id_subject")).to_have_value("Catering na szkolenie dla 25 osób")
    expect(page.locator(".quote-form__subsection input[type=checkbox]:checked")).to_have_count(2)
    assert serious_violations(page) == []

    page.locator("#id_consent").check()
    page.locator("form.quote-form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/sklep/zapytania/wyslano/$"))
    expect(page.locator("main")).to_contain_text(email)

    with django_db_blocker.unblock():
        quote_request = QuoteRequest.objects.get(email=email)
        quotes = list(quote_request.quotes.select_related("partner").order_by("pk"))
        assert len(quotes) == 3
        assert {q.status for q in quotes} == {Quote.Status.PENDING}
        own_quote = next(q for q in quotes if q.partner.code == "kielecka-spizarnia")
        rivals = [q for q in quotes if q.pk != own_quote.pk]
        token, reference = quote_request.token, quote_request.reference

    try:
        # one PES answers in its dashboard, another through the service a PES's page calls
        _answer_in_dashboard(browser, server_url, own_quote.pk, "1850.00")
        with django_db_blocker.unblock():
            from django.utils import timezone

            services.answer_quote(
                rivals[0],
                price=Decimal("1790.00"),
                terms="Z dowozem.",
                valid_until=timezone.localdate() + timedelta(days=7),
            )
            assert Quote.objects.get(pk=own_quote.pk).status == Quote.Status.ANSWERED

        # the buyer opens the link from the e-mail
        page.goto(f"{server_url}/sklep/zapytania/{token}/")
        expect(page.locator("h1")).to_contain_text(reference)
        expect(page.locator(".quote-table tbody tr")).to_have_count(3)
        accept_buttons = page.locator(".quote-table button[type=submit]")
        expect(accept_buttons).to_have_count(2)
        assert serious_violations(page) == []

        row = page.locator(".quote-table tbody tr", has_text=rivals[0].partner.name)
        row.locator("button[type=submit]").click()
        page.wait_for_url(re.compile(rf"/sklep/zapytania/{token}/$"))
        expect(page.locator(".quote-accepted")).to_contain_text(rivals[0].partner.name)
        expect(page.locator(".quote-table button[type=submit]")).to_have_count(0)
        assert serious_violations(page) == []

        with django_db_blocker.unblock():
            statuses = dict(Quote.objects.filter(request__token=token).values_list("pk", "status"))
            assert statuses[rivals[0].pk] == Quote.Status.ACCEPTED
            assert statuses[own_quote.pk] == Quote.Status.NOT_CHOSEN
            assert statuses[rivals[1].pk] == Quote.Status.NOT_CHOSEN
            order = Quote.objects.get(pk=rivals[0].pk).order
            assert order.total_incl_tax == Decimal("1790.00")
            assert order.group_reference == reference
            assert order.lines.get().partner_id == rivals[0].partner_id
    finally:
        with django_db_blocker.unblock():
            from oscar.core.loading import get_model

            get_model("order", "Order").objects.filter(group_reference=reference).delete()
            QuoteRequest.objects.filter(token=token).delete()
