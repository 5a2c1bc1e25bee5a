"""The anonymous page cache: hits, never for users or cookies, no visitor's CSRF token in a
stored page, forms that still work from it, and invalidated on changes."""

from __future__ import annotations

import re
import shutil
from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from oscar.core.loading import get_model

from home.models import ContentPage
from portal.cache import AnonymousPageCacheMiddleware
from portal.events.models import EventPage, Registration

pytestmark = pytest.mark.usefixtures("demo")

Product = get_model("catalogue", "Product")
StockRecord = get_model("partner", "StockRecord")
# A rendered token; the placeholder of a cached page has an empty value.
REAL_TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


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


def _product_in_stock():
    products = Product.objects.browsable().filter(product_class__slug="produkt")
    return products.filter(stockrecords__num_in_stock__gt=5).order_by("pk").first()


def test_product_pages_are_cached_without_a_token(client):
    url = _product_in_stock().get_absolute_url()
    first = client.get(url)
    assert first["X-Page-Cache"] == "miss"
    assert not first.cookies  # no "recently viewed" history cookie, no CSRF cookie
    html = first.content.decode()
    assert "data-csrf-token" in html  # the add-to-basket form holds a placeholder
    assert not REAL_TOKEN.search(html)
    second = client.get(url)
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert client.get("/sklep/basket/").get("X-Page-Cache") is None


def test_a_visitor_holding_a_csrf_cookie_leaves_no_token_in_the_cache(client):
    client.get("/csrf-token/")  # this visitor already has a csrftoken cookie
    assert settings.CSRF_COOKIE_NAME in client.cookies
    event = _open_event()
    first = client.get(event.url)
    assert first["X-Page-Cache"] == "miss"
    assert not REAL_TOKEN.search(first.content.decode())
    stranger = Client()
    second = stranger.get(event.url)
    assert second["X-Page-Cache"] == "hit"
    assert not REAL_TOKEN.search(second.content.decode())
    assert not second.cookies


def test_no_stored_page_of_the_sitemap_holds_a_token(client):
    """Whatever forms a page has (now or added later), its stored copy holds no token."""
    sitemap = client.get("/sitemap.xml").content.decode()
    paths = [urlsplit(loc).path for loc in re.findall(r"<loc>([^<]+)</loc>", sitemap)]
    products = [path for path in paths if "/sklep/catalogue/" in path]
    paths = [path for path in paths if path not in products] + products[:5]
    stored = 0
    for path in paths:
        first = client.get(path)
        if first.get("X-Page-Cache") != "miss":
            continue
        stored += 1
        assert not REAL_TOKEN.search(first.content.decode()), path
    assert stored > 20


def test_logged_in_users_get_the_real_token(client):
    client.force_login(get_user_model().objects.get(email="kupujacy@example.org"))
    html = client.get(_product_in_stock().get_absolute_url()).content.decode()
    assert REAL_TOKEN.search(html)
    assert "data-csrf-token" not in html


def test_a_page_that_rendered_a_token_is_never_stored(rf):
    """The safety net: whatever form comes later, a rendered token keeps its page out."""

    def view(request):
        get_token(request)
        return HttpResponse("<p>form</p>", content_type="text/html")

    middleware = AnonymousPageCacheMiddleware(view)
    for _ in range(2):
        request = rf.get("/nowa-strona-z-formularzem/")
        request.user = AnonymousUser()
        response = middleware(request)
        assert "X-Page-Cache" not in response


def test_a_page_that_used_the_visitors_session_is_not_stored(client):
    """Oscar's basket form shows a failed add again from the session: that page is personal."""
    product = _product_in_stock()
    session = client.session
    session[f"add_to_basket_form_post_data_{product.pk}"] = '{"quantity": "999"}'
    session.save()
    response = client.get(product.get_absolute_url())
    assert response.status_code == 200
    assert "X-Page-Cache" not in response
    assert 'value="999"' in response.content.decode()  # the failed add, shown again
    assert client.get(product.get_absolute_url())["X-Page-Cache"] == "miss"


def test_the_token_url_is_never_cached_and_asks_nothing_of_the_database(
    client, django_assert_num_queries
):
    with django_assert_num_queries(0):
        response = client.get("/csrf-token/")
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert "X-Page-Cache" not in response
    data = response.json()
    assert data["cookie"] == settings.CSRF_COOKIE_NAME
    assert len(data["token"]) == 64
    assert settings.CSRF_COOKIE_NAME in response.cookies


def _open_event() -> EventPage:
    return (
        EventPage.objects.live()
        .filter(
            locale__language_code="pl",
            registration_open=True,
            capacity__gt=5,
            start__gt=timezone.now() + timedelta(days=1),
        )
        .order_by("start")
        .first()
    )


REGISTRATION = {
    "name": "Anna Cache",
    "email": "anna.cache@example.org",
    "organisation_name": "Spółdzielnia „Pamięć”",
    "phone": "+48 600 100 200",
    "consent": "on",
}


def test_a_post_without_a_token_gets_a_page_to_send_it_again(
    django_capture_on_commit_callbacks,
):
    event = _open_event()
    client = Client(enforce_csrf_checks=True)
    assert client.get(event.url)["X-Page-Cache"] in ("miss", "hit")
    register_url = event.url + "rejestracja/"
    refused = client.post(register_url, {**REGISTRATION, "csrfmiddlewaretoken": ""})
    assert refused.status_code == 403
    assert "no-store" in refused["Cache-Control"]
    html = refused.content.decode()
    assert f'action="{register_url}"' in html
    assert 'value="Spółdzielnia „Pamięć”"' in html  # what was typed is kept
    assert 'name="consent" value="on"' in html
    token = REAL_TOKEN.search(html).group(1)
    assert settings.CSRF_COOKIE_NAME in refused.cookies  # a fresh cookie goes with it
    assert not Registration.objects.filter(email=REGISTRATION["email"]).exists()
    with django_capture_on_commit_callbacks(execute=True):
        sent = client.post(register_url, {**REGISTRATION, "csrfmiddlewaretoken": token})
    assert sent.status_code == 303
    assert Registration.objects.filter(email=REGISTRATION["email"]).exists()


def test_a_wrong_token_or_a_lost_cookie_also_gets_the_page(client):
    url = _product_in_stock().get_absolute_url()
    add_url = re.search(r'action="(/sklep/basket/add/\d+/)"', client.get(url).content.decode())[1]
    for cookies in ({}, {settings.CSRF_COOKIE_NAME: "x" * 32}):
        visitor = Client(enforce_csrf_checks=True)
        for name, value in cookies.items():
            visitor.cookies[name] = value
        refused = visitor.post(add_url, {"quantity": "2", "csrfmiddlewaretoken": "y" * 64})
        assert refused.status_code == 403
        html = refused.content.decode()
        assert 'name="quantity" value="2"' in html
        assert 'value="' + "y" * 64 not in html  # the old token is not carried over
        assert REAL_TOKEN.search(html)


def test_passwords_are_never_written_back_into_the_page():
    client = Client(enforce_csrf_checks=True)
    refused = client.post(
        "/sklep/accounts/login/",
        {"login-username": "kupujacy@example.org", "login-password": "sekret-123"},
    )
    assert refused.status_code == 403
    html = refused.content.decode()
    assert "kupujacy@example.org" in html
    assert "sekret-123" not in html


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_ORIGIN": "https://evil.example"},
        {"HTTP_SEC_FETCH_SITE": "cross-site"},
    ],
)
def test_a_cross_site_post_keeps_the_plain_403(headers):
    client = Client(enforce_csrf_checks=True)
    event = _open_event()
    refused = client.post(event.url + "rejestracja/", REGISTRATION, **headers)
    assert refused.status_code == 403
    html = refused.content.decode()
    assert REGISTRATION["email"] not in html
    assert not REAL_TOKEN.search(html)
    assert not refused.cookies


def test_admin_areas_keep_the_plain_403():
    client = Client(enforce_csrf_checks=True)
    refused = client.post("/admin/login/", {"username": "admin@es.example.org"})
    assert refused.status_code == 403
    assert "admin@es.example.org" not in refused.content.decode()


def test_places_left_are_fresh_after_a_registration(django_capture_on_commit_callbacks):
    event = _open_event()
    client = Client()
    client.get(event.url)
    cached = client.get(event.url)
    assert cached["X-Page-Cache"] == "hit"
    left = event.capacity - event.confirmed_count()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            event.url + "rejestracja/",
            {**REGISTRATION, "csrfmiddlewaretoken": client.get("/csrf-token/").json()["token"]},
        )
    visitor = Client()
    response = visitor.get(event.url)
    assert response["X-Page-Cache"] == "miss"
    assert f'"remainingAttendeeCapacity": {left - 1}' in response.content.decode()
    # and when a place is given back (cancelled in the admin)
    assert visitor.get(event.url)["X-Page-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        Registration.objects.get(email=REGISTRATION["email"]).delete()
    response = visitor.get(event.url)
    assert response["X-Page-Cache"] == "miss"
    assert f'"remainingAttendeeCapacity": {left}' in response.content.decode()


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


def test_placing_an_order_empties_the_badge_and_refreshes_stock(django_capture_on_commit_callbacks):
    from tests.factories import seller_with_product
    from tests.helpers.shop import choose, guest_to_delivery_step

    client = Client()
    seller, product = seller_with_product(71, "20.00", stock=3)
    guest_to_delivery_step(client, [product, product])
    client.get("/sklep/basket/")
    assert client.cookies["basket_count"].value == "2"
    client.get(product.get_absolute_url())
    assert client.get(product.get_absolute_url())["X-Page-Cache"] == "hit"
    client.post(reverse("checkout:shipping-method"), choose(seller, "courier", "transfer"))
    client.get(reverse("checkout:preview"))
    with django_capture_on_commit_callbacks(execute=True):
        placed = client.post(reverse("checkout:preview"), {"action": "place_order"})
    assert placed.status_code == 302
    assert client.cookies["basket_count"].value == ""  # deleted at once, not at the next basket
    thanks = client.get(placed["Location"])
    assert thanks.status_code == 200
    assert client.cookies["basket_count"].value == ""
    # the allocation (a plain UPDATE) shows on the cached product page at once
    response = client.get(product.get_absolute_url())
    assert response["X-Page-Cache"] == "miss"


def test_the_confirm_page_is_valid_html(tmp_path):
    from tests.helpers.html import VNU, nu_errors

    if not VNU.exists() or not shutil.which("java"):
        pytest.skip("the Nu checker (vnu-jar and Java) is missing")
    client = Client(enforce_csrf_checks=True)
    refused = client.post(_open_event().url + "rejestracja/", REGISTRATION)
    assert refused.status_code == 403
    assert nu_errors({"confirm": refused.content}, tmp_path) == []


def _logged_in(client, email: str):
    client.force_login(get_user_model().objects.get(email=email))
    return client


def test_logged_in_users_share_a_copy_of_the_shop_listing_per_role(client, django_user_model):
    """The catalogue shows nothing of the visitor but the role: customers share one stored copy,
    staff another, and neither ever gets (or leaves) the anonymous one."""
    from django.test import Client

    anonymous = client.get("/sklep/catalogue/")
    assert client.get("/sklep/catalogue/")["X-Page-Cache"] == "hit"
    assert "Moje konto" not in anonymous.content.decode()

    customer = _logged_in(Client(), "kupujacy@example.org")
    first = customer.get("/sklep/catalogue/")
    assert first["X-Page-Cache"] == "miss"
    body = first.content.decode()
    assert "Moje konto" in body and 'href="/admin/"' not in body
    other = django_user_model.objects.create_user(email="drugi@example.org", password="x-demo-2026")
    second_customer = Client()
    second_customer.force_login(other)
    hit = second_customer.get("/sklep/catalogue/")
    assert hit["X-Page-Cache"] == "hit"
    assert hit.content == first.content
    assert "csrfmiddlewaretoken" not in body or 'value=""' in body

    staff = _logged_in(Client(), "admin@es.example.org")
    staff_page = staff.get("/sklep/catalogue/")
    assert staff_page["X-Page-Cache"] == "miss"
    assert 'href="/admin/"' in staff_page.content.decode()
    # the anonymous copy is untouched by all of them
    assert "Moje konto" not in client.get("/sklep/catalogue/").content.decode()


def test_logged_in_users_get_no_stored_copy_of_other_pages(client):
    """Product pages and the rest stay rendered per request for logged-in visitors."""
    customer = _logged_in(client, "kupujacy@example.org")
    product = Product.objects.browsable().filter(product_class__slug="produkt").first()
    for path in [product.get_absolute_url(), "/o-portalu/", "/baza-pes/"]:
        customer.get(path)
        assert "X-Page-Cache" not in customer.get(path), path


def test_a_pending_message_is_shown_not_a_stored_copy(client):
    customer = _logged_in(client, "kupujacy@example.org")
    customer.get("/sklep/catalogue/")
    session = customer.session
    session["_messages"] = '[["__json_message",0,20,"Witaj ponownie"]]'
    session.save()
    response = customer.get("/sklep/catalogue/")
    assert "X-Page-Cache" not in response
