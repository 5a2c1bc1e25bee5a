"""The shop's catalogue and category listings through the search service (database backend).

"Available" is computed here straight from the ORM, independently of the index: public and
browsable, with a stock record of a PES listed in the directory, whose product class does not
track stock or whose net stock (in stock minus allocated) is above zero."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.db.models import F, Q, Value
from django.db.models.functions import Coalesce
from django.test.utils import CaptureQueriesContext
from oscar.core.loading import get_model

from search.models import ProductEntry

pytestmark = pytest.mark.usefixtures("demo")

Product = get_model("catalogue", "Product")
Category = get_model("catalogue", "Category")
StockRecord = get_model("partner", "StockRecord")

URL = "/sklep/catalogue/"


def available_products():
    sold_here = Q(stockrecords__partner__listed_in_directory=True) & (
        Q(product_class__isnull=True)
        | Q(product_class__track_stock=False)
        | Q(stockrecords__num_in_stock__gt=Coalesce(F("stockrecords__num_allocated"), Value(0)))
    )
    return (
        Product.objects.filter(is_public=True, parent__isnull=True)
        .filter(structure__in=["standalone", "parent"])
        .filter(sold_here)
        .distinct()
    )


def listed(client, url: str = URL, **params) -> list[int]:
    """Every product pk the listing shows, page after page, in order."""
    pks: list[int] = []
    page = 1
    while True:
        response = client.get(url, {**params, "page": page})
        assert response.status_code == 200
        assert not response.context["search_error"]
        pks.extend(p.pk for p in response.context["products"])
        if not response.context["page_obj"].has_next():
            assert response.context["page_obj"].paginator.count == len(pks)
            return pks
        page += 1


def test_catalogue_lists_every_available_product(client):
    expected = set(available_products().values_list("pk", flat=True))
    assert len(expected) >= 60
    pks = listed(client)
    assert len(pks) == len(set(pks))
    assert set(pks) == expected
    response = client.get(URL)
    assert len(response.context["products"]) == 24


def test_category_facet_counts_match_the_orm(client):
    response = client.get(URL)
    facet = next(f for f in response.context["facets"] if f.name == "category")
    assert facet.values
    for value in facet.values:
        category = Category.objects.get(pk=value.value)
        expected = (
            available_products()
            .filter(categories__in=category.get_descendants_and_self())
            .distinct()
            .count()
        )
        assert value.count == expected, category.name
    html = response.content.decode()
    assert 'name="category"' in html and "facet__count" in html


def test_category_page_lists_its_available_products(client):
    category = Category.objects.filter(depth=1, is_public=True).order_by("path").first()
    expected = set(
        available_products()
        .filter(categories__in=category.get_descendants_and_self())
        .values_list("pk", flat=True)
    )
    assert expected
    assert set(listed(client, category.get_absolute_url())) == expected
    child = category.get_children().filter(is_public=True).first()
    if child is not None:
        expected_child = set(
            available_products()
            .filter(categories__in=child.get_descendants_and_self())
            .values_list("pk", flat=True)
        )
        assert set(listed(client, child.get_absolute_url())) == expected_child


@pytest.mark.parametrize("sort", ["price", "-price"])
def test_sorting_by_price_follows_the_indexed_price(client, sort):
    pks = listed(client, sort_by=sort)
    prices = dict(ProductEntry.objects.values_list("pk", "price"))
    shown = [prices[pk] for pk in pks if prices[pk] is not None]
    assert len(shown) > 10
    assert shown == sorted(shown, reverse=sort == "-price")
    assert client.get(URL, {"sort_by": sort}).context["current_sort"] == sort


def test_default_sort_is_newest_and_relevance_with_a_search(client):
    assert client.get(URL).context["current_sort"] == "newest"
    assert client.get(URL, {"q": "miód"}).context["current_sort"] == "relevance"


def test_services_only(client):
    pks = listed(client, kind="services")
    assert pks
    for product in Product.objects.filter(pk__in=pks).select_related("product_class"):
        assert not product.product_class.track_stock
        assert not product.product_class.requires_shipping
    services = available_products().filter(
        product_class__track_stock=False, product_class__requires_shipping=False
    )
    assert set(pks) == set(services.values_list("pk", flat=True))


def test_certified_only(client):
    from marketplace.certificates.models import Certificate

    pks = listed(client, certified="1")
    certified = set(
        available_products()
        .filter(certificates__in=Certificate.objects.valid_on())
        .values_list("pk", flat=True)
    )
    assert pks
    assert set(pks) == certified


def test_powiat_filter(client):
    entry = ProductEntry.objects.exclude(powiat="").order_by("pk").first()
    pks = listed(client, powiat=entry.powiat)
    assert entry.pk in pks
    for pk in pks:
        assert StockRecord.objects.filter(
            product_id=pk, partner__powiat__code=entry.powiat, partner__listed_in_directory=True
        ).exists()


def test_a_sold_out_product_leaves_and_comes_back(client):
    record = (
        StockRecord.objects.filter(
            product__product_class__track_stock=True,
            num_in_stock__gt=0,
            product__search_entry__isnull=False,
        )
        .order_by("pk")
        .first()
    )
    product = record.product
    assert record.product.stockrecords.count() == 1
    assert product.pk in listed(client)
    record.num_in_stock = record.num_allocated or 0
    record.save()
    assert product.pk not in listed(client)
    record.num_in_stock = (record.num_allocated or 0) + 3
    record.save()
    assert product.pk in listed(client)


def test_a_product_made_private_leaves(client):
    product = Product.objects.filter(search_entry__isnull=False).order_by("pk").first()
    assert product.pk in listed(client)
    product.is_public = False
    product.save()
    assert product.pk not in listed(client)


@pytest.mark.parametrize(
    "params",
    [
        {"page": "abc"},
        {"page": "99999"},
        {"page": "-3"},
        {"price": "xyz"},
        {"category": "abc"},
        {"sort_by": "evil"},
        {"kind": "nothing", "powiat": "nowhere", "legal_form": "x", "certified": "maybe"},
        {"q": "\x00%_"},
    ],
)
def test_bad_params_give_a_normal_page(client, params):
    response = client.get(URL, params)
    assert response.status_code == 200
    assert response.context["page_obj"].number >= 1
    category = Category.objects.filter(is_public=True).first()
    assert client.get(category.get_absolute_url(), params).status_code == 200


def test_page_too_far_shows_a_page(client):
    response = client.get(URL, {"page": "99999"})
    assert response.context["page_obj"].number == 1
    assert len(response.context["products"]) == 24


def test_pagination_keeps_the_filters(client):
    html = client.get(URL, {"kind": "goods", "sort_by": "price"}).content.decode()
    nxt = re.search(r'href="([^"]+)" rel="next"', html).group(1)
    assert "kind=goods" in nxt and "sort_by=price" in nxt and "page=2" in nxt


def test_facet_form_markup(client):
    html = client.get(URL, {"price": "20-50"}).content.decode()
    assert '<form id="catalogue-facets"' in html
    assert 'type="radio" id="f-price-any" name="price" value=""' in html
    assert re.search(r'type="radio" id="f-price-20-50" name="price" value="20-50" checked', html)
    assert 'name="certified" value="1"' in html
    assert 'form="catalogue-facets"' in html  # the sort select submits the filters too
    assert "<legend>" in html


def test_engine_down_keeps_the_shop_working(client, monkeypatch):
    from search.backends import SearchUnavailable
    from search.service import get_backend

    def down(*args, **kwargs):
        raise SearchUnavailable("down")

    monkeypatch.setattr(type(get_backend()), "products", down)
    response = client.get(URL, {"kind": "goods"})
    assert response.status_code == 200
    assert response.context["search_error"]
    assert list(response.context["products"]) == []
    assert "X-Page-Cache" not in client.get(URL, {"kind": "goods"})  # never stored
    product = available_products().first()
    assert client.get(product.get_absolute_url()).status_code == 200


def test_no_english_ui_text(client):
    from django.utils.html import strip_tags

    for url in (URL, Category.objects.filter(depth=1, is_public=True).first().get_absolute_url()):
        html = client.get(url, {"price": "20-50"}).content.decode()
        main = strip_tags(html.split('<div class="catalogue">')[1].split("</main>")[0])
        for english in (
            "Show results",
            "Clear filters",
            "Sort by",
            "Category",
            "Price",
            "All products",
            "Filter results",
            "Products and services",
            "Newest",
            "Seller",
            "products",
            "Page ",
        ):
            assert english not in main, english
    html = client.get("/en" + URL).content.decode()
    assert "Show results" in html


def _count(client, url: str, **params) -> int:
    from portal.cache import invalidate_pages

    client.get(url, params)  # thumbnails made once
    invalidate_pages()  # a new generation: page and grid caches miss, as after any change
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url, params).status_code == 200
    return len(queries)


@pytest.fixture
def _no_page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 0


@pytest.mark.usefixtures("_no_page_cache")
def test_query_counts_are_bounded_and_flat(client):
    category = Category.objects.filter(depth=1, is_public=True).order_by("path").first()
    full = _count(client, URL)
    last = _count(client, URL, page=99)  # past the end: a second search for page 1
    total = available_products().count()
    last_page = (total + 23) // 24
    partial = _count(client, URL, page=last_page)
    assert total % 24  # the last page really is shorter
    assert full <= CATALOGUE_MAX
    assert _count(client, category.get_absolute_url()) <= CATEGORY_MAX
    assert partial == full
    assert last >= full  # one more search for the page too far, never an error
    filtered = _count(client, URL, kind="goods", price="20-50", certified="1")
    assert filtered <= CATALOGUE_MAX + 4  # one more count per chosen facet


# Measured on the demo (SQLite, database backend, page and grid caches missing): 21 on the
# catalogue (first or last page alike), 23 on a category page, 24 with three facets chosen.
CATALOGUE_MAX = 27
CATEGORY_MAX = 30


def test_a_listing_cached_before_the_index_update_is_refreshed(
    client, settings, django_capture_on_commit_callbacks
):
    """The page cache is cleared on save, the index only after commit: a listing cached in
    between must not outlive the index update."""
    settings.SEARCH_UPKEEP_ON_COMMIT = True
    record = (
        StockRecord.objects.filter(
            product__product_class__track_stock=True,
            num_in_stock__gt=0,
            product__search_entry__isnull=False,
        )
        .order_by("pk")
        .first()
    )
    params = {"kind": "goods", "sort_by": "newest"}
    with django_capture_on_commit_callbacks(execute=True):
        record.num_in_stock = record.num_allocated or 0
        record.save()
        client.get(URL, params)  # cached with the old index
        assert client.get(URL, params)["X-Page-Cache"] == "hit"
    response = client.get(URL, params)
    assert response["X-Page-Cache"] == "miss"
    assert record.product_id not in listed(client, **params)
