"""One basket across several PES becomes one order per PES, one reference, the right sums."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from oscar.core.loading import get_model

from tests.factories import seller_with_product
from tests.helpers.shop import GUEST_EMAIL, choose, guest_to_delivery_step

Order = get_model("order", "Order")
Basket = get_model("basket", "Basket")
StockRecord = get_model("partner", "StockRecord")

pytestmark = pytest.mark.django_db


def place(client: Client, choices: dict):
    response = client.post(reverse("checkout:shipping-method"), choices)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert response["Location"].endswith(reverse("checkout:preview"))
    preview = client.get(reverse("checkout:preview"))
    assert preview.status_code == 200
    return client.post(reverse("checkout:preview"), {"action": "place_order"})


def test_basket_from_three_pes_becomes_three_orders_with_one_reference():
    client = Client()
    a, product_a = seller_with_product(1, "20.00", courier="15.00")
    b, product_b = seller_with_product(2, "35.50", courier="12.00")
    c, product_c = seller_with_product(3, "9.99")
    step = guest_to_delivery_step(client, [product_a, product_b, product_c])
    assert step.status_code == 200
    for partner in (a, b, c):
        assert partner.name in step.content.decode()

    response = place(
        client,
        {
            **choose(a, "courier", "transfer"),
            **choose(b, "pickup", "cash"),
            **choose(c, "courier", "transfer"),
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]

    orders = list(Order.objects.filter(guest_email=GUEST_EMAIL).order_by("number"))
    assert len(orders) == 3
    assert len({order.group_reference for order in orders}) == 1
    reference = orders[0].group_reference
    assert [order.number for order in orders] == [f"{reference}-{n}" for n in (1, 2, 3)]
    by_seller = {order.seller: order for order in orders}
    assert by_seller[a].total_incl_tax == Decimal("35.00")
    assert by_seller[a].shipping_incl_tax == Decimal("15.00")
    assert by_seller[b].total_incl_tax == Decimal("35.50")
    assert by_seller[b].payment_method == "cash"
    assert by_seller[c].total_incl_tax == Decimal("24.99")
    for seller, order in by_seller.items():
        assert {line.partner for line in order.lines.all()} == {seller}
        assert order.status == "new"
        assert order.sources.get().amount_allocated == order.total_incl_tax
    # Each order has its own address row.
    assert len({order.shipping_address_id for order in orders}) == 3
    assert Basket.objects.get(pk=orders[0].basket_id).status == Basket.SUBMITTED

    # One confirmation for the buyer listing every part, one notice per PES with its order only.
    assert len(mail.outbox) == 4
    buyer = mail.outbox[0]
    assert buyer.to == [GUEST_EMAIL]
    for order in orders:
        assert order.number in buyer.body
    assert a.iban_display in buyer.body
    for seller, order in by_seller.items():
        notice = next(m for m in mail.outbox[1:] if m.to == [seller.email])
        assert order.number in notice.body
        others = [o.number for o in orders if o != order]
        assert not any(number in notice.body for number in others)

    thanks = client.get(reverse("checkout:thank-you"))
    page = thanks.content.decode()
    assert thanks.status_code == 200
    assert reference in page
    assert page.count('class="payment-instructions"') == 3
    assert a.iban_display in page and c.iban_display in page


def test_cash_with_a_courier_is_refused_and_nothing_is_placed():
    client = Client()
    a, product_a = seller_with_product(4, "20.00")
    guest_to_delivery_step(client, [product_a])
    response = client.post(reverse("checkout:shipping-method"), choose(a, "courier", "cash"))
    assert response.status_code == 200
    assert f"pes-{a.pk}-payment" in response.content.decode()
    assert response.context["forms"][0].errors["payment"]
    # The review refuses to open without a valid choice.
    assert client.get(reverse("checkout:preview")).status_code == 302
    assert not Order.objects.filter(lines__partner__in=[a]).exists()


def test_a_pes_without_an_iban_offers_no_transfer():
    client = Client()
    a, product_a = seller_with_product(5, "20.00")
    a.iban = ""
    a.accepts_transfer = False
    a.save()
    step = guest_to_delivery_step(client, [product_a])
    form = step.context["forms"][0]
    assert [code for code, _label in form.fields["payment"].choices] == ["cash"]


def test_sold_out_meanwhile_gives_a_clear_message_and_keeps_the_basket():
    client = Client()
    a, product_a = seller_with_product(6, "20.00", stock=1)
    b, product_b = seller_with_product(7, "10.00")
    guest_to_delivery_step(client, [product_a, product_b])
    client.post(
        reverse("checkout:shipping-method"),
        {**choose(a, "pickup", "cash"), **choose(b, "pickup", "cash")},
    )
    # Someone else takes the last unit between the review and the click.
    StockRecord.objects.filter(product=product_a).update(num_allocated=1)
    response = client.post(reverse("checkout:preview"), {"action": "place_order"}, follow=True)
    assert not Order.objects.filter(guest_email=GUEST_EMAIL).exists()
    assert StockRecord.objects.get(product=product_b).num_allocated in (0, None)
    text = response.content.decode()
    assert product_a.get_title() in text
    basket = Basket.objects.get(lines__product=product_a)
    assert basket.status == Basket.OPEN
    assert basket.lines.count() == 2


def test_placement_allocates_only_free_stock():
    """The conditional allocation refuses even when the basket check was passed earlier."""
    from oscar.apps.order.exceptions import UnableToPlaceOrder
    from oscar.core.loading import get_class

    from marketplace.checkout.placement import place_orders

    _a, product_a = seller_with_product(8, "20.00", stock=2)
    basket = Basket.objects.create()
    basket.strategy = get_class("partner.strategy", "Selector")().strategy()
    basket.add_product(product_a, quantity=2)
    StockRecord.objects.filter(product=product_a).update(num_allocated=1)
    with pytest.raises(UnableToPlaceOrder, match="Produkt 8"):
        place_orders(basket=basket, user=None, choices={}, group_reference="T-1")
    assert not Order.objects.filter(group_reference="T-1").exists()
    assert StockRecord.objects.get(product=product_a).num_allocated == 1


def test_guest_follows_an_order_by_its_link_and_sees_how_to_pay():
    client = Client()
    a, product_a = seller_with_product(11, "20.00")
    guest_to_delivery_step(client, [product_a])
    place(client, choose(a, "courier", "transfer"))
    order = Order.objects.get(guest_email=GUEST_EMAIL)
    link = reverse(
        "customer:anon-order",
        kwargs={"order_number": order.number, "hash": order.verification_hash()},
    )
    # Oscar asks a guest for the order's e-mail address before it shows the order.
    guest = Client()
    confirm = guest.get(link, follow=True)
    assert confirm.status_code == 200
    response = guest.post(confirm.redirect_chain[-1][0], {"email": GUEST_EMAIL})
    assert response.status_code == 302
    page = guest.get(link).content.decode()
    assert order.number in page
    assert a.iban_display in page
    assert a.name in page


def test_account_order_history_groups_orders_by_checkout(django_assert_max_num_queries):
    from tests.factories import UserFactory

    user = UserFactory(email="klientka@example.org")
    client = Client()
    client.force_login(user)
    a, product_a = seller_with_product(12, "20.00")
    b, product_b = seller_with_product(13, "30.00")
    from tests.helpers.shop import ADDRESS, ensure_poland

    ensure_poland()
    for product in (product_a, product_b):
        client.post(reverse("basket:add", kwargs={"pk": product.pk}), {"quantity": 1})
    assert client.post(reverse("checkout:shipping-address"), ADDRESS).status_code == 302
    with django_assert_max_num_queries(35):  # 13 of them build the (then cached) header
        assert client.get(reverse("checkout:shipping-method")).status_code == 200
    place(client, {**choose(a, "pickup", "cash"), **choose(b, "courier", "transfer")})
    orders = Order.objects.filter(user=user)
    assert orders.count() == 2
    with django_assert_max_num_queries(20):
        response = client.get(reverse("customer:order-list"))
    page = response.content.decode()
    assert page.count("<caption>") == 1
    assert orders.first().group_reference in page
    assert a.name in page and b.name in page


class BrokenMailServer:
    """An e-mail backend whose server is down."""

    def __init__(self, *args, **kwargs) -> None:
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("mail server down")


def test_orders_stand_when_the_mail_server_is_down(settings):
    settings.EMAIL_BACKEND = "tests.marketplace.test_checkout.BrokenMailServer"
    client = Client()
    a, product_a = seller_with_product(14, "20.00")
    guest_to_delivery_step(client, [product_a])
    response = place(client, choose(a, "pickup", "cash"))
    assert response.status_code == 302
    assert response["Location"].endswith(reverse("checkout:thank-you"))
    assert Order.objects.filter(guest_email=GUEST_EMAIL).count() == 1


def test_more_than_the_stock_is_refused_with_a_message():
    client = Client()
    _a, product_a = seller_with_product(15, "20.00", stock=3)
    response = client.post(
        reverse("basket:add", kwargs={"pk": product_a.pk}), {"quantity": 4}, follow=True
    )
    messages = [str(m) for m in response.context["messages"]]
    assert any("3" in message for message in messages), messages
    assert not Basket.objects.filter(lines__product=product_a).exists()


def test_a_service_cannot_be_put_in_the_basket():
    from oscar.test.factories import create_product

    service = create_product(
        title="Catering na 50 osób", product_class="Usługa testowa", price=Decimal("900.00")
    )
    product_class = service.get_product_class()
    product_class.requires_shipping = False
    product_class.track_stock = False
    product_class.save()
    client = Client()
    client.post(reverse("basket:add", kwargs={"pk": service.pk}), {"quantity": 1})
    assert not Basket.objects.filter(lines__product=service).exists()
