"""A PES seller logs into the shop dashboard, opens its new order and marks it sent.

The server process keeps its e-mails in its own memory, so the test reads what the e-mail left
behind in the database: the order's status change and its ORDER_STATUS_CHANGED event.
"""

from __future__ import annotations

import re
import uuid

import pytest

pytestmark = pytest.mark.e2e

SELLER = "sklep@kielecka-spizarnia.example.org"
PARTNER_CODE = "kielecka-spizarnia"


def _place_order(email: str):
    """A committed guest order for one of the seller's demo products, placed by Oscar's code."""
    from oscar.apps.partner.strategy import Default
    from oscar.core.loading import get_model
    from oscar.test.factories import create_order

    record = (
        get_model("partner", "StockRecord")
        .objects.filter(partner__code=PARTNER_CODE, num_in_stock__gt=2)
        .select_related("product")
        .order_by("pk")
        .first()
    )
    basket = get_model("basket", "Basket").objects.create()
    basket.strategy = Default()
    basket.add_product(record.product, 1)
    return create_order(basket=basket, guest_email=email)


def test_demo_seller_is_pes_staff(demo):
    """Checks the demo account, and makes pytest-django build the test database for the module.

    pytest-django sets up only the databases the collected tests ask for: without a test asking
    for one, the server and the ORM calls below would use the development database.
    """
    from django.contrib.auth import get_user_model

    from marketplace.dashboard_access import is_pes_user

    seller = get_user_model().objects.get(email=SELLER)
    assert is_pes_user(seller) and not seller.is_staff
    assert PARTNER_CODE in seller.partners.values_list("code", flat=True)


def _on_the_test_database() -> None:
    from django.db import connection

    test_name = str(connection.settings_dict.get("TEST", {}).get("NAME") or "")
    if str(connection.settings_dict["NAME"]) != test_name:
        pytest.skip("no test database set up: run the whole module")


def test_seller_marks_an_order_sent_and_the_buyer_is_told(browser, server_url, django_db_blocker):
    from django.utils import translation
    from oscar.core.loading import get_model

    from marketplace.order import statuses
    from marketplace.order.emails import EVENT_CODE
    from marketplace.order.receivers import release_stock

    _on_the_test_database()
    with django_db_blocker.unblock():
        order = _place_order(f"gosc-{uuid.uuid4().hex[:8]}@example.org")
    context = browser.new_context(locale="pl-PL", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        page.goto(server_url + "/sklep/dashboard/")
        page.wait_for_url(re.compile(r"/login/"))
        page.fill("#dashboard_login_form input[name=username]", SELLER)
        page.fill("#dashboard_login_form input[name=password]", "demo-es-2026")
        with page.expect_navigation():
            page.locator("#dashboard_login_form input[type=submit]").click()
        assert "/login/" not in page.url, "the demo PES could not log in"

        page.goto(server_url + "/sklep/dashboard/orders/")
        page.get_by_role("link", name=str(order.number), exact=True).first.click()
        page.wait_for_url(re.compile(rf"/sklep/dashboard/orders/{order.number}/$"))
        page.select_option("#order_status_form select[name=new_status]", statuses.SENT)
        page.locator("#order_status_form button[type=submit]").click()
        page.wait_for_load_state()
        # the page names the new status by its label, never by the code
        with translation.override("pl"):
            sent = statuses.label(statuses.SENT)
        assert sent in page.locator(".alert").first.inner_text()

        with django_db_blocker.unblock():
            order.refresh_from_db()
            assert order.status == statuses.SENT
            assert order.status_changes.filter(new_status=statuses.SENT).exists()
            events = get_model("order", "CommunicationEvent").objects.filter(
                order=order, event_type__code=EVENT_CODE
            )
            assert events.count() == 1
    finally:
        context.close()
        with django_db_blocker.unblock():
            release_stock(order)
            basket = order.basket
            order.delete()
            if basket is not None:
                basket.delete()
