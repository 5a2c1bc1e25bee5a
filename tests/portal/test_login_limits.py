"""Login throttling (django-axes) on every login page: after five wrong passwords for one
account from one address, that account is locked out from that address for a while, even with
the right password, and the page says so (429) in the portal's layout."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from portal.login_limits import TEMPLATE
from tests.factories import UserFactory, seller_with_product

pytestmark = pytest.mark.django_db

PASSWORD = "haslo-testowe-1"


def wagtail_login(client: Client, email: str, password: str, **extra):
    return client.post("/admin/login/", {"username": email, "password": password}, **extra)


def shop_login(client: Client, email: str, password: str, **extra):
    data = {"login-username": email, "login-password": password, "login_submit": "1"}
    return client.post("/sklep/accounts/login/", data, **extra)


def django_admin_login(client: Client, email: str, password: str, **extra):
    data = {"username": email, "password": password, "next": "/django-admin/"}
    return client.post("/django-admin/login/?next=/django-admin/", data, **extra)


def dashboard_login(client: Client, email: str, password: str, **extra):
    data = {"username": email, "password": password}
    return client.post("/sklep/dashboard/login/", data, **extra)


LOGINS = [wagtail_login, shop_login, django_admin_login, dashboard_login]


def assert_locked_out(response) -> None:
    assert response.status_code == 429
    assert TEMPLATE in [template.name for template in response.templates]
    html = response.content.decode()
    assert 'role="alert"' in html
    assert "15" in html  # the minutes the lockout lasts
    assert int(response["Retry-After"]) == 15 * 60


@pytest.mark.parametrize("login", LOGINS, ids=lambda login: login.__name__)
def test_five_wrong_passwords_lock_the_account_out_from_that_address(login, settings):
    settings.AXES_FAILURE_LIMIT = 5
    user = UserFactory(is_staff=True, is_superuser=True)
    client = Client()
    for _attempt in range(4):
        response = login(client, user.email, "zle-haslo")
        assert response.status_code == 200  # the form again, with its error
    assert_locked_out(login(client, user.email, "zle-haslo"))
    # the right password does not help while locked out…
    assert_locked_out(login(client, user.email, PASSWORD))
    assert "_auth_user_id" not in client.session
    # …but the same account from another address, and another account, are not locked
    other_address = login(Client(), user.email, PASSWORD, REMOTE_ADDR="10.0.0.8")
    assert other_address.status_code == 302
    other_user = UserFactory(is_staff=True, is_superuser=True)
    assert login(Client(), other_user.email, PASSWORD).status_code == 302


def test_a_success_before_the_limit_starts_the_count_again(settings):
    settings.AXES_FAILURE_LIMIT = 3
    user = UserFactory()
    client = Client()
    for _attempt in range(2):
        assert shop_login(client, user.email, "zle-haslo").status_code == 200
    assert shop_login(client, user.email, PASSWORD).status_code == 302
    client.logout()
    for _attempt in range(2):
        assert shop_login(client, user.email, "zle-haslo").status_code == 200
    assert shop_login(client, user.email, PASSWORD).status_code == 302


def test_the_checkout_gateway_login_counts_too(settings):
    settings.AXES_FAILURE_LIMIT = 2
    user = UserFactory()
    client = Client()
    _partner, product = seller_with_product(41, "20.00")
    client.post(reverse("basket:add", kwargs={"pk": product.pk}), {"quantity": 1})
    data = {"username": user.email, "password": "zle-haslo", "options": "existing"}
    client.post("/sklep/checkout/", data)
    response = client.post("/sklep/checkout/", data)
    assert_locked_out(response)


def test_registering_a_new_account_still_logs_it_in():
    """Oscar logs the new account in with authenticate() and no request: not throttled."""
    client = Client()
    response = client.post(
        "/sklep/accounts/login/",
        {
            "registration-email": "nowa-osoba@example.org",
            "registration-password1": "Bardzo-dlugie-haslo-2026",
            "registration-password2": "Bardzo-dlugie-haslo-2026",
            "registration_submit": "1",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert "_auth_user_id" in client.session


def test_a_login_without_an_address_records_none():
    """axes keeps the address in an IP column: PostgreSQL refuses 'unknown' or ''."""
    from django.http import HttpRequest

    from portal.login_limits import login_address

    request = HttpRequest()
    assert login_address(request) is None
    request.META["REMOTE_ADDR"] = "unix:/run/gunicorn.sock"
    assert login_address(request) is None
    request.META["REMOTE_ADDR"] = "2001:db8::1"
    assert login_address(request) == "2001:db8::1"
    assert login_address(None) is None


def test_force_login_goes_through(client):
    user = UserFactory()
    client.force_login(user)
    response = client.get("/sklep/accounts/", follow=True)
    assert response.status_code == 200
    assert all("/login/" not in url for url, _status in response.redirect_chain)
    assert response.wsgi_request.user == user
