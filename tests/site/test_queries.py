"""Upper bounds on SQL queries per page, with the page cache off (correctness, not timing)."""

from __future__ import annotations

import pytest
from oscar.core.loading import get_model

pytestmark = pytest.mark.usefixtures("demo")

Product = get_model("catalogue", "Product")


@pytest.fixture(autouse=True)
def _no_page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 0


def _warm(client, path: str) -> None:
    """The first request makes thumbnails; what we bound is every request after it."""
    assert client.get(path).status_code == 200


@pytest.mark.parametrize(
    "path, limit",
    [
        ("/", 15),
        ("/en/", 15),
        ("/o-portalu/", 12),
        ("/en/about/", 12),
        # The search service's count, page and facet queries (11 measured; the product grid
        # itself comes from the fragment cache).
        ("/sklep/catalogue/", 14),
        ("/en/sklep/catalogue/", 14),
    ],
)
def test_page_query_bounds(client, django_assert_max_num_queries, path, limit):
    _warm(client, path)
    with django_assert_max_num_queries(limit):
        response = client.get(path)
    assert response.status_code == 200


def test_category_page_query_bound(client, django_assert_max_num_queries):
    category = get_model("catalogue", "Category").objects.first()
    _warm(client, category.get_absolute_url())
    with django_assert_max_num_queries(17):  # 13 measured
        client.get(category.get_absolute_url())


def test_product_page_query_bound(client, django_assert_max_num_queries):
    product = Product.objects.browsable().filter(product_class__slug="produkt").first()
    _warm(client, product.get_absolute_url())
    with django_assert_max_num_queries(12):
        client.get(product.get_absolute_url())


def test_catalogue_queries_do_not_grow_with_products(client, django_assert_num_queries):
    """24 products or 12 on a page cost the same number of queries: no N+1."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    _warm(client, "/sklep/catalogue/")
    with CaptureQueriesContext(connection) as full:
        client.get("/sklep/catalogue/")
    from search.models import ProductEntry

    last_page = (ProductEntry.objects.count() + 23) // 24
    _warm(client, f"/sklep/catalogue/?page={last_page}")
    with CaptureQueriesContext(connection) as partial:
        client.get(f"/sklep/catalogue/?page={last_page}")
    assert len(full) == len(partial)


@pytest.mark.parametrize("path", ["/", "/o-portalu/", "/sklep/catalogue/", "product"])
def test_a_get_never_writes(client, path):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    if path == "product":
        path = Product.objects.browsable().first().get_absolute_url()
    _warm(client, path)
    with CaptureQueriesContext(connection) as queries:
        client.get(path)
    writes = [
        q["sql"]
        for q in queries.captured_queries
        if q["sql"].split()[0].upper() in {"INSERT", "UPDATE", "DELETE"}
    ]
    assert writes == []


def test_logged_in_catalogue_query_bound(client, django_assert_max_num_queries):
    """Never page-cached for a customer: the session and the user (2 measured); the search's
    answer, the category links, the facets and the grid come from the shared cache."""
    from django.contrib.auth import get_user_model

    client.force_login(get_user_model().objects.get(email="kupujacy@example.org"))
    for path in ("/sklep/catalogue/", "/sklep/catalogue/?kind=goods&sort_by=price"):
        _warm(client, path)
        with django_assert_max_num_queries(4):
            response = client.get(path)
        assert response.status_code == 200
        assert b"product-grid" in response.content


def test_site_search_query_bound(client, settings, django_assert_max_num_queries):
    """A search not cached yet: products, suppliers and every page kind in 6 queries
    (measured); repeated, it is served from the result cache without any."""
    settings.SEARCH_RESULTS_CACHE_SECONDS = 0
    _warm(client, "/szukaj/?q=miod")
    with django_assert_max_num_queries(10):
        assert client.get("/szukaj/?q=miod").status_code == 200
    settings.SEARCH_RESULTS_CACHE_SECONDS = 300
    _warm(client, "/szukaj/?q=miod")
    with django_assert_max_num_queries(0):
        assert client.get("/szukaj/?q=miod").status_code == 200
