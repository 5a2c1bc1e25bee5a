"""Who may open which admin: anonymous, customer, PES staff, OWES editor, ROPS moderator, admin."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth import get_user_model

pytestmark = pytest.mark.usefixtures("demo")

WAGTAIL_ADMIN = "/admin/"
OSCAR_DASHBOARD = "/sklep/dashboard/"
DJANGO_ADMIN = "/django-admin/"
DASHBOARD_ORDERS = "/sklep/dashboard/orders/"
DASHBOARD_USERS = "/sklep/dashboard/users/"

ACCOUNTS = {
    "anonymous": None,
    "customer": "kupujacy@example.org",
    "pes_staff": "sklep@kielecka-spizarnia.example.org",
    "owes_editor": "redakcja@swietokrzyski-owes.example.org",
    "rops_moderator": "moderator@rops.example.org",
    "admin": "admin@es.example.org",
}

# True: the page opens (200); False: refused (redirect to a login page or 403).
MATRIX = {
    WAGTAIL_ADMIN: {
        "anonymous": False,
        "customer": False,
        "pes_staff": False,
        "owes_editor": True,
        "rops_moderator": True,
        "admin": True,
    },
    OSCAR_DASHBOARD: {
        "anonymous": False,
        "customer": False,
        "pes_staff": True,
        "owes_editor": False,
        "rops_moderator": False,
        "admin": True,
    },
    DASHBOARD_ORDERS: {
        "anonymous": False,
        "customer": False,
        "pes_staff": True,
        "owes_editor": False,
        "rops_moderator": False,
        "admin": True,
    },
    DASHBOARD_USERS: {
        "anonymous": False,
        "customer": False,
        "pes_staff": False,
        "owes_editor": False,
        "rops_moderator": False,
        "admin": True,
    },
    DJANGO_ADMIN: {
        "anonymous": False,
        "customer": False,
        "pes_staff": False,
        "owes_editor": False,
        "rops_moderator": False,
        "admin": True,
    },
}


@pytest.mark.parametrize("url", list(MATRIX))
@pytest.mark.parametrize("who", list(ACCOUNTS))
def test_access_matrix(client, url, who):
    email = ACCOUNTS[who]
    if email:
        client.force_login(get_user_model().objects.get(email=email))
    response = client.get(url)
    allowed = MATRIX[url][who]
    if allowed:
        assert response.status_code == 200, (who, url, response.status_code)
    else:
        assert response.status_code in (302, 403), (who, url, response.status_code)
        if response.status_code == 302:
            assert "login" in response["Location"], response["Location"]


def test_one_login_opens_both_admins(client):
    """The demo admin logs in once through the shop's login form and opens both admins."""
    response = client.post(
        "/sklep/accounts/login/",
        {
            "login-username": "admin@es.example.org",
            "login-password": "demo-es-2026",
            "login_submit": "1",
        },
    )
    assert response.status_code == 302
    assert client.get(WAGTAIL_ADMIN).status_code == 200
    assert client.get(OSCAR_DASHBOARD).status_code == 200


def test_wrong_password_gets_a_polish_message(client):
    response = client.post(
        "/sklep/accounts/login/",
        {"login-username": "admin@es.example.org", "login-password": "zle", "login_submit": "1"},
    )
    assert response.status_code == 200
    assert (
        "adres e-mail" in response.content.decode().lower()
        or "hasło" in response.content.decode().lower()
    )


def test_role_groups_come_from_a_migration():
    from django.contrib.auth.models import Group

    from portal.organisations import roles

    names = set(Group.objects.values_list("name", flat=True))
    assert {roles.ROPS_MODERATORS, roles.OWES_EDITORS, roles.PES_STAFF} <= names
    moderators = Group.objects.get(name=roles.ROPS_MODERATORS)
    editors = Group.objects.get(name=roles.OWES_EDITORS)
    codenames = lambda g: set(g.page_permissions.values_list("permission__codename", flat=True))  # noqa: E731
    assert "publish_page" in codenames(moderators)
    assert "publish_page" not in codenames(editors)
    assert "add_page" in codenames(editors)


def test_admins_speak_polish_and_load_no_cdn(client):
    client.force_login(get_user_model().objects.get(email="admin@es.example.org"))
    wagtail = client.get(WAGTAIL_ADMIN).content.decode()
    assert 'lang="pl"' in wagtail
    dashboard = client.get(OSCAR_DASHBOARD).content.decode()
    assert '<html lang="pl">' in dashboard
    assert "Panel" in dashboard or "Pulpit" in dashboard
    assert "oscar/js/jquery/jquery.min.js" in dashboard
    assert "googleapis" not in dashboard and "https://" not in dashboard.split("</head>")[0]


def test_no_page_loads_anything_from_another_host(client):
    """No CDN: every script, stylesheet and image comes from this site."""
    external = re.compile(r'<(?:script|img)[^>]+src="(?:https?:)?//|<link[^>]+href="(?:https?:)?//')
    for path in ["/", "/en/", "/sklep/catalogue/", "/sklep/basket/", "/aktualnosci/"]:
        html = client.get(path).content.decode()
        assert "<script" in html and "<link" in html
        assert external.findall(html) == [], path
