"""Order statuses: the buyer is e-mailed at each change, and a cancel gives the stock back once."""

from __future__ import annotations

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation
from oscar.apps.order.exceptions import InvalidOrderStatus
from oscar.core.loading import get_model

from marketplace.order import statuses
from marketplace.order.emails import EVENT_CODE
from marketplace.order.receivers import release_stock
from tests.factories import PartnerFactory, PesUserFactory, UserFactory, create_pes_order

CommunicationEvent = get_model("order", "CommunicationEvent")
CommunicationEventType = get_model("communication", "CommunicationEventType")
StockRecord = get_model("partner", "StockRecord")

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def event_type():
    """The type comes from a migration; a transactional test's flush elsewhere may remove it."""
    return CommunicationEventType.objects.get_or_create(
        code=EVENT_CODE, defaults={"name": "Order status changed"}
    )[0]


@pytest.fixture
def partner():
    return PartnerFactory(name="Spółdzielnia Smaki Ponidzia")


def _change(order, status: str, capture) -> None:
    """Change the status as the dashboard does, and run what waits for the commit."""
    with capture(execute=True):
        order.set_status(status)


def test_buyer_with_an_account_gets_the_new_status(partner, django_capture_on_commit_callbacks):
    buyer = UserFactory(email="kupujaca@example.org")
    order = create_pes_order(partner, user=buyer, quantity=2)
    with translation.override("en"):
        _change(order, statuses.SENT, django_capture_on_commit_callbacks)
        path = reverse("customer:order", kwargs={"order_number": order.number})
    (message,) = mail.outbox
    assert message.to == ["kupujaca@example.org"]
    assert message.subject == f"Order {order.number}: sent"
    body = message.body
    assert "Your order" in body and "is now: sent." in body
    assert "Spółdzielnia Smaki Ponidzia" in body
    line = order.lines.get()
    assert f"2 × {line.title}" in body
    assert path.startswith("/en/")
    assert f"http://testserver{path}" in body
    # recorded on the order, as Oscar does for its own order e-mails
    event = CommunicationEvent.objects.get(order=order)
    assert event.event_type.code == EVENT_CODE


def test_guest_gets_the_hashed_status_page(partner, django_capture_on_commit_callbacks):
    order = create_pes_order(partner, guest_email="gosc@example.org")
    with translation.override("en"):
        _change(order, statuses.READY, django_capture_on_commit_callbacks)
        path = reverse(
            "customer:anon-order",
            kwargs={"order_number": order.number, "hash": order.verification_hash()},
        )
    (message,) = mail.outbox
    assert message.to == ["gosc@example.org"]
    assert "ready for pickup" in message.subject
    assert f"http://testserver{path}" in message.body


def test_email_follows_the_active_language(partner, django_capture_on_commit_callbacks):
    order = create_pes_order(partner, guest_email="gosc@example.org")
    with translation.override("pl"):
        _change(order, statuses.PAID, django_capture_on_commit_callbacks)
        polish_label = statuses.label(statuses.PAID)
    (message,) = mail.outbox
    assert polish_label in message.subject
    assert "http://testserver/sklep/" in message.body  # no /en/ prefix: Polish pages


def test_cancel_tells_the_buyer_and_releases_stock(partner, django_capture_on_commit_callbacks):
    order = create_pes_order(partner, guest_email="gosc@example.org", quantity=3)
    record = StockRecord.objects.get(pk=order.lines.get().stockrecord_id)
    assert (record.num_in_stock, record.num_allocated) == (10, 3)
    with translation.override("en"):
        _change(order, statuses.CANCELLED, django_capture_on_commit_callbacks)
    record.refresh_from_db()
    assert (record.num_in_stock, record.num_allocated) == (10, 0)
    assert record.net_stock_level == 10
    assert "cancelled" in mail.outbox[0].subject
    assert "return the money" in mail.outbox[0].body


def test_stock_is_released_exactly_once(partner, django_capture_on_commit_callbacks):
    """Two orders hold the same stock record; cancelling one, twice over, frees only its part."""
    first = create_pes_order(partner, guest_email="a@example.org", quantity=2)
    record = StockRecord.objects.get(pk=first.lines.get().stockrecord_id)
    second = create_pes_order(partner, guest_email="b@example.org")
    line = second.lines.get()
    # put the second order's line on the same stock record, allocated as checkout would
    line.stockrecord = record
    line.save()
    record.allocate(line.quantity)
    record.refresh_from_db()
    assert record.num_allocated == 3

    _change(first, statuses.CANCELLED, django_capture_on_commit_callbacks)
    record.refresh_from_db()
    assert record.num_allocated == 1
    # a repeated signal or a second call changes nothing
    release_stock(first)
    from marketplace.order.receivers import on_order_status_changed

    with django_capture_on_commit_callbacks(execute=True):
        on_order_status_changed(
            sender=first, order=first, old_status=statuses.NEW, new_status=statuses.CANCELLED
        )
    record.refresh_from_db()
    assert record.num_allocated == 1
    assert first.lines.get().allocation_cancelled is True
    # and a cancelled order cannot move on
    with pytest.raises(InvalidOrderStatus):
        first.set_status(statuses.NEW)


def test_a_status_that_does_not_cancel_keeps_the_stock(partner, django_capture_on_commit_callbacks):
    order = create_pes_order(partner, guest_email="gosc@example.org", quantity=2)
    _change(order, statuses.PAID, django_capture_on_commit_callbacks)
    record = StockRecord.objects.get(pk=order.lines.get().stockrecord_id)
    assert record.num_allocated == 2


def test_nothing_is_sent_before_the_commit(partner, django_capture_on_commit_callbacks):
    """A change that is rolled back must not have told the buyer anything."""
    order = create_pes_order(partner, guest_email="gosc@example.org")
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        order.set_status(statuses.SENT)
    assert len(callbacks) == 1
    assert mail.outbox == []


def test_without_the_event_type_the_mail_still_goes(partner, django_capture_on_commit_callbacks):
    CommunicationEventType.objects.filter(code=EVENT_CODE).delete()
    order = create_pes_order(partner, guest_email="gosc@example.org")
    _change(order, statuses.SENT, django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 1
    assert not CommunicationEvent.objects.filter(order=order).exists()


def test_order_without_an_address_is_skipped(partner, django_capture_on_commit_callbacks):
    order = create_pes_order(partner)  # no account, no guest e-mail
    _change(order, statuses.SENT, django_capture_on_commit_callbacks)
    assert mail.outbox == []


def test_pes_changes_the_status_in_the_dashboard(
    client, partner, django_capture_on_commit_callbacks
):
    order = create_pes_order(partner, guest_email="gosc@example.org", quantity=2)
    client.force_login(PesUserFactory(partners=[partner]))
    with translation.override("en"):
        url = reverse("dashboard:order-detail", args=[order.number])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url, {"order_action": "change_order_status", "new_status": statuses.CANCELLED}
        )
    assert response.status_code == 302
    order.refresh_from_db()
    assert order.status == statuses.CANCELLED
    assert order.status_changes.get().new_status == statuses.CANCELLED
    assert StockRecord.objects.get(pk=order.lines.get().stockrecord_id).num_allocated == 0
    (message,) = mail.outbox
    assert message.to == ["gosc@example.org"]
    assert "cancelled" in message.subject
    assert CommunicationEvent.objects.filter(order=order, event_type__code=EVENT_CODE).exists()
