"""Two buyers check out at the same moment: the stock locks of the order placement decide.

`place_orders` locks every stock record of the basket up front, in primary-key order, and
allocates with a conditional UPDATE (marketplace/order/utils.py); within one PES's order Oscar
4.2 itself allocates the lines in stock-record order. These tests fail when that is undone:

- the last unit is the FIRST thing both buyers allocate (its PES sorts first in both baskets),
  so nothing else they share can serialise them before it: with a check-then-act allocation
  both read it as free and both get it;
- two products of one PES bought in opposite order: allocated in basket order, without
  pk-ordered locks, each buyer holds one row and waits for the other's, and PostgreSQL breaks
  the deadlock by failing a checkout;
- twenty buyers for the last five units, each with one other PES's product in the basket: five
  get them, fifteen are told the product ran short, nothing else happens, and the stock never
  goes below zero (`make bench` runs the same race over HTTP against gunicorn).

The race is made to happen, not hoped for: the checkouts start together, and each pauses right
after its first allocation (a barrier around `OrderCreator.update_stock_records`, a timing hook
only: the database and the ORM are real) until the others have caught up, or for PAUSE seconds.
With the locks the other buyers wait at the lock instead, so the first pauses alone and goes on
(the barrier is then broken, and nobody pauses again).

PostgreSQL only: SQLite's BEGIN IMMEDIATE (portal/settings) serialises whole transactions, so
there are no row locks to test; there the tests skip, saying so.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from django.db import connection, connections
from oscar.apps.order.exceptions import UnableToPlaceOrder
from oscar.core.loading import get_class, get_model

from marketplace.checkout.placement import place_orders
from marketplace.checkout.splitting import split_basket
from marketplace.order.utils import OrderCreator
from tests.factories import sell, seller_with_product
from tests.helpers.threads import in_own_thread

Basket = get_model("basket", "Basket")
Order = get_model("order", "Order")
Partner = get_model("partner", "Partner")
Product = get_model("catalogue", "Product")
StockRecord = get_model("partner", "StockRecord")

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL row locks: SQLite's BEGIN IMMEDIATE serialises whole "
        "transactions instead (run with DATABASE_URL=postgres://…)",
    ),
]

PAUSE = 3.0  # seconds a buyer waits after its first allocation for the other to catch up


def strategy() -> Any:
    return get_class("partner.strategy", "Selector")().strategy()


def basket_of(products: list) -> int:
    """A committed basket holding one of each product, its lines in the order given."""
    basket = Basket.objects.create()
    basket.strategy = strategy()
    for product in products:
        basket.add_product(product)
    return basket.pk


def allocation_order(basket_pk: int) -> list[int]:
    """The product ids in the order `place_orders` allocates them (PES by name, then lines)."""
    basket = Basket.objects.get(pk=basket_pk)
    basket.strategy = strategy()
    return [line.product_id for part in split_basket(basket) for line in part.lines]


@dataclass
class Made:
    partners: list[int] = field(default_factory=list)
    products: list[int] = field(default_factory=list)
    baskets: list[int] = field(default_factory=list)
    references: tuple[str, ...] = ("LU-0", "LU-1")

    def delete(self) -> None:
        def run() -> None:
            Order.objects.filter(group_reference__in=self.references).delete()
            Basket.objects.filter(pk__in=self.baskets).delete()
            Product.objects.filter(pk__in=self.products).delete()
            Partner.objects.filter(pk__in=self.partners).delete()

        in_own_thread(run)


@pytest.fixture
def made() -> Iterator[Made]:
    made = Made()
    yield made
    made.delete()


@pytest.fixture
def pause_after_first_allocation(monkeypatch, settings) -> None:
    """Two buyers: see `pause_buyers_after_first_allocation`."""
    pause_buyers_after_first_allocation(monkeypatch, settings, buyers=2)


def pause_buyers_after_first_allocation(monkeypatch, settings, *, buyers: int) -> None:
    """Each buyer, right after its first allocation (its transaction still open), waits for the
    others to reach the same point: the moment a check-then-act allocation would go wrong.

    The search index is updated after the commit, as in production: the test settings' update
    inside the transaction writes the PES's index rows and would serialise the buyers itself."""
    settings.SEARCH_UPKEEP_ON_COMMIT = True
    barrier = threading.Barrier(buyers)
    seen = threading.local()
    allocate = OrderCreator.update_stock_records

    def paused(self: OrderCreator, line: Any) -> None:
        allocate(self, line)
        if not getattr(seen, "allocated", False):
            seen.allocated = True
            # the other buyers are held by a lock (or already done): go on alone
            with contextlib.suppress(threading.BrokenBarrierError):
                barrier.wait(timeout=PAUSE)

    monkeypatch.setattr(OrderCreator, "update_stock_records", paused)


def buy_at_once(basket_pks: list[int], references: tuple[str, ...]) -> dict[str, Any]:
    """The buyers place their baskets at the same moment; each outcome is the orders' pks,
    UnableToPlaceOrder, or whatever else went wrong (a deadlock, say)."""
    start = threading.Barrier(len(basket_pks))
    outcomes: dict[str, Any] = {}

    def buy(basket_pk: int, reference: str) -> None:
        try:
            basket = Basket.objects.get(pk=basket_pk)
            basket.strategy = strategy()
            start.wait(timeout=30)
            orders = place_orders(basket=basket, user=None, choices={}, group_reference=reference)
            outcomes[reference] = [order.pk for order in orders]
        except BaseException as error:  # noqa: BLE001  (an outcome to assert on)
            outcomes[reference] = error
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=buy, args=(pk, ref))
        for pk, ref in zip(basket_pks, references, strict=True)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert len(outcomes) == len(basket_pks), "a buyer never finished"
    return outcomes


def describe(outcomes: dict[str, Any]) -> str:
    return ", ".join(f"{ref}: {value!r}" for ref, value in sorted(outcomes.items()))


def test_the_last_unit_goes_to_one_buyer_when_both_reach_it_first(
    made: Made, pause_after_first_allocation: None
) -> None:
    def setup() -> tuple[int, int, int, list[int]]:
        # "PES testowy 31" sorts before 32 and 33: the last unit is each buyer's first allocation.
        last, product_last = seller_with_product(31, "20.00", stock=1)
        b, product_b = seller_with_product(32, "5.00", stock=5)
        c, product_c = seller_with_product(33, "7.00", stock=5)
        made.partners += [last.pk, b.pk, c.pk]
        made.products += [product_last.pk, product_b.pk, product_c.pk]
        # The last unit added last to the baskets: it is still allocated first.
        made.baskets += [basket_of([product_b, product_last]), basket_of([product_c, product_last])]
        for basket_pk in made.baskets:
            assert allocation_order(basket_pk)[0] == product_last.pk
        return product_last.pk, product_b.pk, product_c.pk, made.baskets

    last_pk, b_pk, c_pk, basket_pks = in_own_thread(setup)

    outcomes = buy_at_once(basket_pks, made.references)

    placed = [ref for ref, value in outcomes.items() if isinstance(value, list)]
    refused = [ref for ref, value in outcomes.items() if isinstance(value, UnableToPlaceOrder)]
    assert len(placed) == 1 and len(refused) == 1, describe(outcomes)
    assert "Produkt 31" in str(outcomes[refused[0]])
    assert StockRecord.objects.get(product_id=last_pk).num_allocated == 1
    assert Order.objects.filter(lines__product_id=last_pk).count() == 1
    # The loser's other product was not allocated either: nothing of its checkout was written.
    winner_other, loser_other = (b_pk, c_pk) if placed == ["LU-0"] else (c_pk, b_pk)
    assert StockRecord.objects.get(product_id=winner_other).num_allocated == 1
    assert StockRecord.objects.get(product_id=loser_other).num_allocated in (0, None)
    assert not Order.objects.filter(group_reference=refused[0]).exists()


def test_two_products_of_one_pes_bought_in_opposite_order_do_not_deadlock(
    made: Made, pause_after_first_allocation: None
) -> None:
    def setup() -> tuple[int, int, list[int]]:
        pes, first = seller_with_product(34, "12.00", stock=5)
        second = sell(pes, "Produkt 34b", price="8.00", stock=5)
        made.partners.append(pes.pk)
        made.products += [first.pk, second.pk]
        made.baskets += [basket_of([first, second]), basket_of([second, first])]
        assert allocation_order(made.baskets[0]) == [first.pk, second.pk]
        assert allocation_order(made.baskets[1]) == [second.pk, first.pk]
        return first.pk, second.pk, made.baskets

    first_pk, second_pk, basket_pks = in_own_thread(setup)

    outcomes = buy_at_once(basket_pks, made.references)

    assert all(isinstance(value, list) for value in outcomes.values()), describe(outcomes)
    assert StockRecord.objects.get(product_id=first_pk).num_allocated == 2
    assert StockRecord.objects.get(product_id=second_pk).num_allocated == 2
    assert Order.objects.filter(group_reference__in=made.references).count() == 2


BUYERS = 20
UNITS = 5


def test_twenty_buyers_for_five_last_units_leave_no_negative_stock(
    made: Made, monkeypatch, settings
) -> None:
    pause_buyers_after_first_allocation(monkeypatch, settings, buyers=BUYERS)
    made.references = tuple(f"LU20-{number}" for number in range(BUYERS))

    def setup() -> tuple[int, list[int], list[int]]:
        # "PES testowy 40" sorts before 41-44: the scarce product is every buyer's first
        # allocation, though added to each basket last.
        scarce_pes, scarce = seller_with_product(40, "30.00", stock=UNITS)
        made.partners.append(scarce_pes.pk)
        made.products.append(scarce.pk)
        others = []
        for index in range(41, 45):
            pes, product = seller_with_product(index, "6.00", stock=BUYERS)
            made.partners.append(pes.pk)
            made.products.append(product.pk)
            others.append(product)
        made.baskets += [
            basket_of([others[number % len(others)], scarce]) for number in range(BUYERS)
        ]
        assert allocation_order(made.baskets[0])[0] == scarce.pk
        return scarce.pk, [product.pk for product in others], made.baskets

    scarce_pk, other_pks, basket_pks = in_own_thread(setup)

    outcomes = buy_at_once(basket_pks, made.references)

    placed = [ref for ref, value in outcomes.items() if isinstance(value, list)]
    sold_out = [ref for ref, value in outcomes.items() if isinstance(value, UnableToPlaceOrder)]
    assert len(placed) == UNITS and len(sold_out) == BUYERS - UNITS, describe(outcomes)
    assert all("Produkt 40" in str(outcomes[ref]) for ref in sold_out), describe(outcomes)
    scarce_record = StockRecord.objects.get(product_id=scarce_pk)
    assert scarce_record.num_in_stock - scarce_record.num_allocated == 0  # never below zero
    sold = Order.objects.filter(lines__product_id=scarce_pk)
    assert sold.count() == UNITS
    assert set(sold.values_list("group_reference", flat=True)) == set(placed)
    # A refused buyer's other product was not allocated: only the five winners' were.
    others = StockRecord.objects.filter(product_id__in=other_pks)
    assert sum(record.num_allocated or 0 for record in others) == UNITS
    assert Order.objects.filter(group_reference__in=made.references).count() == 2 * UNITS
