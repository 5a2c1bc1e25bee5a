"""The one way tests put a PES's products on sale: `sell` stocks a partner's shelf,
`pes_with_products` makes a PES with products, `seller_with_product` one ready for checkout."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from oscar.core.loading import get_model
from oscar.test.factories import create_product

from marketplace.shipping.models import DeliveryKind

from .partners import DeliveryOptionFactory, PartnerFactory

Partner = get_model("partner", "Partner")
Product = get_model("catalogue", "Product")

VALID_IBANS = [
    "PL61109010140000071219812874",
    "PL27114020040000300201355387",
    "PL10105000997603123456789123",
]


def sell(
    partner: Partner,
    title: str,
    *,
    price: Decimal | str = "10.00",
    stock: int | None = 10,
    product_class: str | None = None,
    **product_fields: object,
) -> Product:
    """A product with its stock record (PLN) at `partner`; `stock=None` for a service that keeps
    none. `product_class` is a class name (created if missing; Oscar's placeholder when not
    given); `product_fields` go onto the product (is_public…)."""
    if product_class is not None:
        product_fields["product_class"] = product_class
    product = create_product(title=title, **product_fields)
    product.stockrecords.create(
        partner=partner,
        partner_sku=f"SKU-{product.pk}",
        price=Decimal(price),
        price_currency="PLN",
        num_in_stock=stock,
    )
    return product


def pes_with_products(
    name: str,
    count: int = 2,
    *,
    titles: Sequence[str] = (),
    price: Decimal | str = "10.00",
    stock: int | None = 5,
    **partner_fields: object,
) -> tuple[Partner, list[Product]]:
    """A plain PES named `name` selling `count` products ("<name> produkt <i>") or one per
    title given; it has an e-mail address (for the committee's letters) unless told otherwise
    and takes no transfers (no IBAN needed)."""
    partner_fields.setdefault("email", f"{name.lower().replace(' ', '-')}@example.org")
    partner_fields.setdefault("accepts_transfer", False)
    partner = PartnerFactory(name=name, plain=True, **partner_fields)
    titles = titles or [f"{name} produkt {i}" for i in range(count)]
    return partner, [sell(partner, title, price=price, stock=stock) for title in titles]


def seller_with_product(
    index: int, price: str, stock: int = 10, courier: str | None = "15.00"
) -> tuple[Partner, Product]:
    """A PES that can take an order ("PES testowy <index>" selling "Produkt <index>"): an IBAN,
    cash on pickup, a pickup option and (unless `courier` is None) a courier option."""
    partner, (product,) = pes_with_products(
        f"PES testowy {index}",
        titles=[f"Produkt {index}"],
        price=price,
        stock=stock,
        iban=VALID_IBANS[index % len(VALID_IBANS)],
        email=f"pes{index}@example.org",
        accepts_transfer=True,
        accepts_cash_on_pickup=True,
    )
    DeliveryOptionFactory(
        partner=partner, kind=DeliveryKind.PICKUP, name="Odbiór osobisty", details="ul. Testowa 1"
    )
    if courier is not None:
        DeliveryOptionFactory(
            partner=partner,
            kind=DeliveryKind.COURIER,
            name="Kurier",
            details="",
            charge=Decimal(courier),
            display_order=1,
        )
    return partner, product
