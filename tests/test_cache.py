"""The anonymous page cache: hits, never for users or cookies, and invalidated on changes."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from oscar.core.loading import get_model

from home.models import ContentPage

pytestmark = pytest.mark.usefixtures("demo")

Product = get_model("catalogue", "Product")
StockRecord = get_model("partner", "StockRecord")


def test_anonymous_pages_are_served_from_cache(client):
    for path in ["/", "/en/", "/o-portalu/", "/sklep/catalogue/"]:
        first = client.get(path)
        assert first["X-Page-Cache"] == "miss", path
        second = client.get(path)
        assert second["X-Page-Cache"] == "hit", path
        assert second.content == first.content
        assert not second.cookies, path


def test_logged_in_users_never_get_cached_pages(client):
    client.get("/")
    client.force_login(get_user_model().objects.get(email="kupujacy@example.org"))
    response = client.get("/")
    assert "X-Page-Cache" not in response
    assert "Moje konto" in response.content.decode()


def test_pages_with_forms_are_not_cached(client):
    product = Product.objects.browsable().filter(product_class__slug="produkt")
    product = product.filter(stockrecords__num_in_stock__gt=0).first()
    response = client.get(product.get_absolute_url())
    assert "csrfmiddlewaretoken" in response.content.decode()
    assert "X-Page-Cache" not in response
    assert client.get("/sklep/basket/").get("X-Page-Cache") is None


def test_publishing_a_page_shows_at_once(client):
    client.get("/o-portalu/")
    assert client.get("/o-portalu/")["X-Page-Cache"] == "hit"
    page = ContentPage.objects.get(slug="o-portalu", locale__language_code="pl")
    page.title = "O portalu – nowy tytuł"
    page.save_revision().publish()
    response = client.get("/o-portalu/")
    assert response["X-Page-Cache"] == "miss"
    assert "O portalu – nowy tytuł" in response.content.decode()
    # the navigation on every other page changed too
    assert "O portalu – nowy tytuł" in client.get("/sklep/catalogue/").content.decode()


def test_stock_change_refreshes_the_catalogue(client):
    record = StockRecord.objects.filter(num_in_stock__gt=0).order_by("pk").first()
    product_url = record.product.get_absolute_url()
    client.get("/sklep/catalogue/?sort_by=price")
    assert client.get("/sklep/catalogue/?sort_by=price")["X-Page-Cache"] == "hit"
    record.num_in_stock = 0
    record.save()
    assert client.get("/sklep/catalogue/?sort_by=price")["X-Page-Cache"] == "miss"
    assert client.get(product_url).status_code == 200


def test_search_queries_are_not_cached(client):
    client.get("/sklep/catalogue/?q=miód")
    assert "X-Page-Cache" not in client.get("/sklep/catalogue/?q=miód")


def test_basket_count_cookie_follows_the_basket(client):
    record = StockRecord.objects.filter(
        num_in_stock__gt=5, product__product_class__slug="produkt"
    ).first()
    response = client.post(f"/sklep/basket/add/{record.product.pk}/", {"quantity": 2}, follow=False)
    assert response.status_code == 302
    client.get("/sklep/basket/")
    assert client.cookies["basket_count"].value == "2"
    # pages stay cacheable for this anonymous visitor; the count comes from the cookie
    client.get("/o-portalu/")
    assert client.get("/o-portalu/")["X-Page-Cache"] == "hit"
