"""Demo delivery and payment options for every PES, and a few orders in different states."""

from __future__ import annotations

from decimal import Decimal

from django.contrib.auth import get_user_model
from oscar.core.loading import get_class, get_model

from marketplace.checkout.payment import PaymentMethod
from marketplace.checkout.placement import place_orders
from marketplace.order import statuses
from marketplace.shipping.models import DeliveryKind, DeliveryOption

Basket = get_model("basket", "Basket")
Order = get_model("order", "Order")
ShippingAddress = get_model("order", "ShippingAddress")
Country = get_model("address", "Country")
StockRecord = get_model("partner", "StockRecord")
Selector = get_class("partner.strategy", "Selector")

FAIR = "Targi Ekonomii Społecznej, Kielce, Targi Kielce, hala C, 12 grudnia 2026, 10:00–16:00"


def load_delivery(partners: list) -> None:
    """Pickup for every PES; a flat-rate courier for most; the regional fair for every third."""
    for number, partner in enumerate(partners, start=1):
        address = partner.primary_address
        place = f"{address.line1}, {address.postcode} {address.line4}" if address else partner.city
        options = [
            (DeliveryKind.PICKUP, "Odbiór osobisty", f"{place}\n{partner.opening_hours}", "0.00"),
        ]
        if number % 5:
            charge = Decimal("14.00") + Decimal(number % 4) * 2
            options.append(
                (DeliveryKind.COURIER, "Kurier", "Wysyłka w ciągu 2 dni roboczych.", charge)
            )
        if number % 3 == 0:
            options.append((DeliveryKind.FAIR, "Odbiór na targach", FAIR, "0.00"))
        for order, (kind, name, details, charge) in enumerate(options):
            DeliveryOption.objects.update_or_create(
                partner=partner,
                kind=kind,
                defaults={
                    "name": name,
                    "details": details,
                    "charge": Decimal(charge),
                    "display_order": order,
                    "is_active": True,
                },
            )
        # Every seventh PES takes transfers only; the rest take cash on pickup as well.
        partner.accepts_transfer = True
        partner.accepts_cash_on_pickup = number % 7 != 0
        partner.save(update_fields=["accepts_transfer", "accepts_cash_on_pickup"])


DEMO_CHECKOUTS = [
    # (group reference, buyer, [(sku, quantity)], payment, status of each order)
    ("DEMO-1001", "kupujacy@example.org", 3, PaymentMethod.TRANSFER, statuses.NEW),
    ("DEMO-1002", "kupujacy@example.org", 2, PaymentMethod.CASH, statuses.READY),
    ("DEMO-1003", "gosc@example.org", 2, PaymentMethod.TRANSFER, statuses.PAID),
    ("DEMO-1004", "gosc@example.org", 1, PaymentMethod.TRANSFER, statuses.SENT),
    ("DEMO-1005", "kupujacy@example.org", 1, PaymentMethod.CASH, statuses.COMPLETED),
    ("DEMO-1006", "gosc@example.org", 1, PaymentMethod.TRANSFER, statuses.CANCELLED),
]


def load_orders(say) -> None:
    """Checkouts through the real placement code, so the demo orders look like real ones."""
    user_model = get_user_model()
    poland = Country.objects.get(iso_3166_1_a2="PL")
    records = list(
        StockRecord.objects.filter(product__product_class__track_stock=True, num_in_stock__gt=5)
        .select_related("partner", "product")
        .order_by("partner__name", "pk")
    )
    by_partner: dict[int, list] = {}
    for record in records:
        by_partner.setdefault(record.partner_id, []).append(record)
    sellers = list(by_partner.values())
    created = 0
    for index, (reference, email, seller_count, payment, status) in enumerate(DEMO_CHECKOUTS):
        if Order.objects.filter(group_reference=reference).exists():
            continue
        user = user_model.objects.filter(email=email).first()
        basket = Basket.objects.create(owner=user)
        basket.strategy = Selector().strategy()
        chosen = [sellers[(index * 3 + n) % len(sellers)] for n in range(seller_count)]
        choices = {}
        for seller_records in chosen:
            record = seller_records[0]
            basket.add_product(record.product, quantity=1 + index % 2)
            options = list(record.partner.delivery_options.filter(is_active=True))
            wanted = "pickup" if payment == PaymentMethod.CASH else "courier"
            option = next((o for o in options if o.kind == wanted), options[0])
            method = (
                payment if payment in record.partner.payment_methods else PaymentMethod.TRANSFER
            )
            choices[str(record.partner_id)] = {"delivery": option.pk, "payment": method}
        basket.reset_offer_applications()
        address = ShippingAddress(
            first_name="Krystyna" if user else "Jan",
            last_name="Klientka" if user else "Gość",
            line1="ul. Sienkiewicza 12",
            line4="Kielce",
            postcode="25-001",
            country=poland,
            phone_number="+48 600 100 200",
        )
        orders = place_orders(
            basket=basket,
            user=user,
            choices=choices,
            group_reference=reference,
            shipping_address=address,
            guest_email="" if user else email,
        )
        for order in orders:
            if status != statuses.NEW:
                order.status = status
                order.save(update_fields=["status"])
            if status == statuses.CANCELLED:
                for line in order.lines.all():
                    if line.stockrecord:
                        line.stockrecord.cancel_allocation(line.quantity)
        created += len(orders)
    say(f"shop: {created} demo orders placed")
