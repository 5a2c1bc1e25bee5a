"""The PES dashboard: each PES sees and edits only its own; ROPS staff see everything.

The matrix asks every dashboard page a PES, a staff member, a customer and an anonymous visitor
might open, with another PES's order and product among them; the rest checks the lists, the
JSON product lookup, stock alerts, the order page and the "My PES profile" page.
"""

from __future__ import annotations

import io
import os
import re
from dataclasses import dataclass
from decimal import Decimal

import pytest
from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from oscar.core.loading import get_model
from PIL import Image

from marketplace.order import statuses
from marketplace.shipping.models import DeliveryOption
from tests.factories import (
    DeliveryOptionFactory,
    PartnerFactory,
    PesUserFactory,
    UserFactory,
    create_pes_order,
)

Partner = get_model("partner", "Partner")
StockAlert = get_model("partner", "StockAlert")

pytestmark = pytest.mark.django_db

VALID_IBAN = "PL61109010140000071219812874"


@dataclass
class Shop:
    """Two PES with a user, a product and an order each, a staff member and a customer."""

    own: Partner
    other: Partner
    pes_user: object
    staff: object
    customer: object
    own_product: object
    other_product: object
    own_order: object
    other_order: object


@pytest.fixture
def shop() -> Shop:
    own = PartnerFactory(name="Spółdzielnia Własna", iban=VALID_IBAN)
    other = PartnerFactory(name="Fundacja Cudza", iban=VALID_IBAN)
    pes_user = PesUserFactory(partners=[own])
    PesUserFactory(partners=[other])
    own_order = create_pes_order(own, guest_email="gosc@example.org")
    other_order = create_pes_order(other, guest_email="inny@example.org")
    return Shop(
        own=own,
        other=other,
        pes_user=pes_user,
        staff=UserFactory(is_staff=True, is_superuser=True),
        customer=UserFactory(),
        own_product=own_order.lines.get().product,
        other_product=other_order.lines.get().product,
        own_order=own_order,
        other_order=other_order,
    )


# What each dashboard page answers: 200, 404 (exists, not yours), 403 (not for you), 302 to
# log in (anonymous) or a redirect elsewhere.
OK, MISSING, FORBIDDEN, LOGIN, REDIRECT = 200, 404, 403, "login", 302


def _url(name: str, shop: Shop) -> str:
    order_a, order_b = shop.own_order, shop.other_order
    urls = {
        "order-list": reverse("dashboard:order-list"),
        "order-stats": reverse("dashboard:order-stats"),
        "own order": reverse("dashboard:order-detail", args=[order_a.number]),
        "other order": reverse("dashboard:order-detail", args=[order_b.number]),
        "other order line": reverse(
            "dashboard:order-line-detail", args=[order_b.number, order_b.lines.get().pk]
        ),
        "product-list": reverse("dashboard:catalogue-product-list"),
        "own product": reverse("dashboard:catalogue-product", args=[shop.own_product.pk]),
        "other product": reverse("dashboard:catalogue-product", args=[shop.other_product.pk]),
        "other product delete": reverse(
            "dashboard:catalogue-product-delete", args=[shop.other_product.pk]
        ),
        "product-lookup": reverse("dashboard:catalogue-product-lookup"),
        "stock-alerts": reverse("dashboard:stock-alert-list"),
        "categories": reverse("dashboard:catalogue-category-list"),
        "offers": reverse("dashboard:offer-list"),
        "vouchers": reverse("dashboard:voucher-list"),
        "reports": reverse("dashboard:reports-index"),
        "users": reverse("dashboard:users-index"),
        "pages": reverse("dashboard:page-list"),
        "partners": reverse("dashboard:partner-list"),
        "ranges": reverse("dashboard:range-list"),
        "communications": reverse("dashboard:comms-list"),
        "profile": reverse("pes-dashboard:profile"),
        "other profile": reverse("pes-dashboard:profile") + f"?partner={shop.other.pk}",
    }
    return urls[name]


MATRIX = {
    #                       pes        staff     customer   anonymous
    "order-list": (OK, OK, FORBIDDEN, LOGIN),
    "order-stats": (OK, OK, FORBIDDEN, LOGIN),
    "own order": (OK, OK, FORBIDDEN, LOGIN),
    "other order": (MISSING, OK, FORBIDDEN, LOGIN),
    "other order line": (MISSING, OK, FORBIDDEN, LOGIN),
    "product-list": (OK, OK, FORBIDDEN, LOGIN),
    "own product": (OK, OK, FORBIDDEN, LOGIN),
    "other product": (MISSING, OK, FORBIDDEN, LOGIN),
    "other product delete": (MISSING, OK, FORBIDDEN, LOGIN),
    "product-lookup": (OK, OK, FORBIDDEN, LOGIN),
    "stock-alerts": (OK, OK, FORBIDDEN, LOGIN),
    "categories": (FORBIDDEN, OK, FORBIDDEN, LOGIN),
    "offers": (FORBIDDEN, OK, FORBIDDEN, LOGIN),
    "vouchers": (FORBIDDEN, OK, FORBIDDEN, LOGIN),
    "reports": (FORBIDDEN, OK, FORBIDDEN, LOGIN),
    "users": (FORBIDDEN, OK, FORBIDDEN, LOGIN),
    "pages": (FORBIDDEN, OK, FORBIDDEN, LOGIN),
    "partners": (FORBIDDEN, OK, FORBIDDEN, LOGIN),
    "ranges": (FORBIDDEN, OK, FORBIDDEN, LOGIN),
    "communications": (FORBIDDEN, OK, FORBIDDEN, LOGIN),
    # staff have no PES of their own: sent to Oscar's partner list, or edit the PES they name
    "profile": (OK, REDIRECT, FORBIDDEN, LOGIN),
    "other profile": (MISSING, OK, FORBIDDEN, LOGIN),
}
ROLES = ("pes", "staff", "customer", "anonymous")


@pytest.mark.parametrize("page", list(MATRIX))
@pytest.mark.parametrize("role", ROLES)
def test_permission_matrix(client, shop, page, role):
    user = {"pes": shop.pes_user, "staff": shop.staff, "customer": shop.customer}.get(role)
    if user is not None:
        client.force_login(user)
    response = client.get(_url(page, shop))
    expected = MATRIX[page][ROLES.index(role)]
    if expected == LOGIN:
        assert response.status_code == 302, response.status_code
        assert "login" in response["Location"]
    else:
        assert response.status_code == expected, (role, page, response.status_code)


def test_pes_lists_show_only_its_own_orders_and_products(client, shop):
    client.force_login(shop.pes_user)
    orders = client.get(reverse("dashboard:order-list"))
    assert list(orders.context["orders"]) == [shop.own_order]
    products = client.get(reverse("dashboard:catalogue-product-list"))
    assert list(products.context["products"].data) == [shop.own_product]
    # searching for the other PES's order number finds nothing either
    search = client.get(reverse("dashboard:order-list"), {"order_number": shop.other_order.number})
    assert list(search.context["orders"]) == []


def test_staff_lists_show_every_pes(client, shop):
    client.force_login(shop.staff)
    orders = client.get(reverse("dashboard:order-list"))
    assert {shop.own_order, shop.other_order} <= set(orders.context["orders"])


def test_product_lookup_returns_only_own_titles(client, shop):
    shop.own_product.title, shop.other_product.title = "Powidła własne", "Powidła cudze"
    shop.own_product.save()
    shop.other_product.save()
    url = reverse("dashboard:catalogue-product-lookup")
    client.force_login(shop.pes_user)
    titles = {item["text"] for item in client.get(url, {"q": "Powidła"}).json()["results"]}
    assert titles == {"Powidła własne"}
    client.force_login(shop.staff)
    titles = {item["text"] for item in client.get(url, {"q": "Powidła"}).json()["results"]}
    assert {"Powidła własne", "Powidła cudze"} <= titles


def test_stock_alerts_show_only_own_stock(client, shop):
    own_alert = StockAlert.objects.create(
        stockrecord=shop.own_product.stockrecords.get(), threshold=5
    )
    other_alert = StockAlert.objects.create(
        stockrecord=shop.other_product.stockrecords.get(), threshold=5
    )
    url = reverse("dashboard:stock-alert-list")
    client.force_login(shop.pes_user)
    assert list(client.get(url).context["alerts"]) == [own_alert]
    client.force_login(shop.staff)
    assert {own_alert, other_alert} <= set(client.get(url).context["alerts"])


def test_product_of_another_pes_cannot_be_changed(client, shop):
    """Posting to the other PES's product edit page changes nothing (404 before any form)."""
    client.force_login(shop.pes_user)
    url = reverse("dashboard:catalogue-product", args=[shop.other_product.pk])
    response = client.post(url, {"title": "Przejęty"})
    assert response.status_code == 404
    shop.other_product.refresh_from_db()
    assert shop.other_product.title != "Przejęty"


def test_mixed_order_shows_a_pes_only_its_own_lines(client, shop):
    """Checkout splits baskets by PES; should a mixed order exist, a PES sees only its part."""
    mixed = create_pes_order([shop.own, shop.other], guest_email="gosc@example.org")
    client.force_login(shop.pes_user)
    response = client.get(reverse("dashboard:order-detail", args=[mixed.number]))
    assert [line.partner for line in response.context["lines"]] == [shop.own]
    assert "Fundacja Cudza" not in response.content.decode()
    client.force_login(shop.staff)
    response = client.get(reverse("dashboard:order-detail", args=[mixed.number]))
    assert len(response.context["lines"]) == 2


def test_order_page_shows_labels_payment_and_delivery(client, shop):
    order = shop.own_order
    order.payment_method = "transfer"
    order.delivery_kind = "pickup"
    order.delivery_details = "ul. Sienkiewicza 1, Kielce"
    order.group_reference = "ES-2026-0042"
    order.save()
    order.set_status(statuses.READY)
    client.force_login(shop.pes_user)
    with translation.override("en"):
        detail = client.get(reverse("dashboard:order-detail", args=[order.number]))
        listing = client.get(reverse("dashboard:order-list"))
    html = detail.content.decode()
    for text in ["ready for pickup", "bank transfer", "pickup in person", "ES-2026-0042"]:
        assert text in html
    assert "ul. Sienkiewicza 1, Kielce" in html
    assert ">ready_for_pickup<" not in html
    # the status form offers labels; the status history shows labels
    assert '<option value="completed">completed</option>' in html
    assert "<td>new</td>" in html and "<td>ready for pickup</td>" in html
    listing_html = listing.content.decode()
    assert "<td>ready for pickup</td>" in listing_html
    assert '<option value="ready_for_pickup">ready for pickup</option>' in listing_html


def test_status_change_message_uses_labels(client, shop):
    client.force_login(shop.pes_user)
    with translation.override("en"):
        url = reverse("dashboard:order-detail", args=[shop.own_order.number])
        response = client.post(
            url, {"order_action": "change_order_status", "new_status": statuses.READY}, follow=True
        )
    shop.own_order.refresh_from_db()
    assert shop.own_order.status == statuses.READY
    assert "from 'new' to 'ready for pickup'" in response.content.decode().replace("&#x27;", "'")
    assert shop.own_order.notes.get().message.endswith("'ready for pickup'")


def test_bulk_status_change_touches_only_own_orders(client, shop):
    client.force_login(shop.pes_user)
    with translation.override("en"):
        url = reverse("dashboard:order-list")
    response = client.post(
        url,
        {
            "action": "change_order_statuses",
            "new_status": statuses.PAID,
            "selected_order": [shop.own_order.pk, shop.other_order.pk],
        },
        follow=True,
    )
    shop.own_order.refresh_from_db()
    shop.other_order.refresh_from_db()
    assert (shop.own_order.status, shop.other_order.status) == (statuses.PAID, statuses.NEW)
    assert "from 'new' to 'paid'" in response.content.decode().replace("&#x27;", "'")


def test_order_list_query_count_is_bounded(client, shop, django_assert_max_num_queries):
    for _ in range(12):
        create_pes_order(shop.own, guest_email="gosc@example.org")
    client.force_login(shop.pes_user)
    url = reverse("dashboard:order-list")
    client.get(url)  # warm the session and the site caches
    with django_assert_max_num_queries(18):  # 13–17 when written, whatever the count
        response = client.get(url)
    assert len(response.context["orders"]) == 13


# My PES profile ------------------------------------------------------------------------------


def _form_data(form) -> dict:
    """What a browser would send back for an unchanged form."""
    data = {}
    for name, field in form.fields.items():
        bound = form[name]
        value = bound.value()
        if isinstance(field, forms.FileField):
            continue
        if isinstance(field, forms.BooleanField):
            if value:
                data[bound.html_name] = "on"
        elif value is None:
            data[bound.html_name] = ""
        else:
            data[bound.html_name] = value
    return data


def _profile_data(response, **changes) -> dict:
    """The profile page's forms as submitted, with `changes` keyed by the HTML field name."""
    context = response.context
    data = _form_data(context["form"])
    formset = context["formset"]
    for key, value in formset.management_form.initial.items():
        data[f"{formset.prefix}-{key}"] = value
    for form in formset:
        data.update(_form_data(form))
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


@pytest.fixture
def profile(client, shop):
    """The PES user's profile page, with two delivery options on record."""
    DeliveryOptionFactory(partner=shop.own, name="Odbiór w sklepie", display_order=0)
    DeliveryOptionFactory(
        partner=shop.own, kind="courier", name="Kurier", charge=Decimal("15.00"), display_order=1
    )
    client.force_login(shop.pes_user)
    return reverse("pes-dashboard:profile")


def test_profile_page_edits_own_pes_and_its_delivery_options(client, shop, profile):
    page = client.get(profile)
    assert page.context["partner"] == shop.own
    pickup, courier = shop.own.delivery_options.order_by("display_order")
    data = _profile_data(
        page,
        **{
            "profile-name": "Spółdzielnia Własna i Syn",
            "profile-iban": "61 1090 1014 0000 0712 1981 2874",
            "profile-accepts_cash_on_pickup": None,
            "delivery-0-details": "ul. Nowa 2, Kielce",
            "delivery-1-is_active": None,
            "delivery-2-kind": "fair",
            "delivery-2-name": "Odbiór na targach",
            "delivery-2-charge": "0",
            "delivery-2-display_order": "2",
            "delivery-2-is_active": "on",
        },
    )
    response = client.post(profile, data)
    assert response.status_code == 302, response.context and response.context["form"].errors
    shop.own.refresh_from_db()
    assert shop.own.name == "Spółdzielnia Własna i Syn"
    assert shop.own.iban == VALID_IBAN
    assert shop.own.accepts_cash_on_pickup is False
    pickup.refresh_from_db()
    courier.refresh_from_db()
    assert pickup.details == "ul. Nowa 2, Kielce"
    assert courier.is_active is False
    assert shop.own.delivery_options.filter(kind="fair", name="Odbiór na targach").exists()

    # delete the courier option
    page = client.get(profile)
    data = _profile_data(page, **{"delivery-1-DELETE": "on"})
    assert client.post(profile, data).status_code == 302
    assert not DeliveryOption.objects.filter(pk=courier.pk).exists()


def _png(size: tuple[int, int] = (40, 40), noise: bool = False) -> bytes:
    if noise:  # random pixels do not compress: a large file
        image = Image.frombytes("RGB", size, os.urandom(size[0] * size[1] * 3))
    else:
        image = Image.new("RGB", size, (200, 30, 30))
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def test_profile_accepts_a_logo(client, shop, profile):
    data = _profile_data(client.get(profile))
    data["profile-logo"] = SimpleUploadedFile("logo.png", _png(), content_type="image/png")
    assert client.post(profile, data).status_code == 302
    shop.own.refresh_from_db()
    assert shop.own.logo.name.startswith("pes/logos/")


BAD_INPUT = {
    "wrong NIP": ({"profile-nip": "5260250275"}, "form", "nip"),
    "wrong REGON": ({"profile-regon": "000002218"}, "form", "regon"),
    "wrong KRS": ({"profile-krs": "12345"}, "form", "krs"),
    "wrong IBAN": ({"profile-iban": "PL61109010140000071219812875"}, "form", "iban"),
    "transfers without IBAN": (
        {"profile-iban": "", "profile-accepts_transfer": "on"},
        "form",
        "iban",
    ),
    "empty PES name": ({"profile-name": ""}, "form", "name"),
    "logo not an image": ({"profile-logo": "text"}, "form", "logo"),
    "logo too large": ({"profile-logo": "large"}, "form", "logo"),
    "negative delivery charge": ({"delivery-1-charge": "-5.00"}, "formset", "charge"),
    "empty delivery name": ({"delivery-0-name": ""}, "formset", "name"),
}


@pytest.mark.parametrize("case", list(BAD_INPUT))
def test_bad_input_saves_nothing_and_says_why(client, shop, profile, case):
    changes, where, field = BAD_INPUT[case]
    before = Partner.objects.values().get(pk=shop.own.pk)
    options_before = list(shop.own.delivery_options.values())
    data = _profile_data(
        client.get(profile),
        # every case also changes a valid field, which must not be saved either
        **{"profile-city": "Sandomierz", "delivery-0-details": "inne"},
    )
    for key, value in changes.items():
        if value == "text":
            value = SimpleUploadedFile("logo.png", b"just some text", content_type="image/png")
        elif value == "large":
            value = SimpleUploadedFile(
                "logo.png", _png((1100, 1100), noise=True), content_type="image/png"
            )
        data[key] = value
    response = client.post(profile, data)
    assert response.status_code == 200
    if where == "form":
        errors = response.context["form"].errors
    else:
        errors = {}
        for form in response.context["formset"]:
            errors.update(form.errors)
    assert field in errors, (case, dict(errors))
    html = response.content.decode()
    assert "error-block" in html  # shown at the field
    assert Partner.objects.values().get(pk=shop.own.pk) == before
    assert list(shop.own.delivery_options.values()) == options_before


def test_profile_and_delivery_errors_show_together(client, shop, profile):
    data = _profile_data(
        client.get(profile), **{"profile-nip": "5260250275", "delivery-0-charge": "-1"}
    )
    response = client.post(profile, data)
    assert "nip" in response.context["form"].errors
    assert "charge" in response.context["formset"].forms[0].errors


def test_too_large_logo_names_the_limit(client, shop, profile):
    data = _profile_data(client.get(profile))
    data["profile-logo"] = SimpleUploadedFile(
        "logo.png", _png((1100, 1100), noise=True), content_type="image/png"
    )
    response = client.post(profile, data)
    message = " ".join(response.context["form"].errors["logo"])
    assert re.search(r"2[.,]0\xa0MB", message), message


def test_pes_with_several_partners_chooses_among_its_own(client, shop):
    second = PartnerFactory(name="Warsztat Drugi")
    second.users.add(shop.pes_user)
    client.force_login(shop.pes_user)
    url = reverse("pes-dashboard:profile")
    page = client.get(url)
    assert page.context["partner"] == shop.own  # first by name
    assert 'name="partner"' in page.content.decode()  # the chooser
    assert client.get(url, {"partner": second.pk}).context["partner"] == second
    assert client.get(url, {"partner": shop.other.pk}).status_code == 404
    assert client.get(url, {"partner": "abc"}).status_code == 404
    # a POST to another PES's profile is refused too
    assert client.post(f"{url}?partner={shop.other.pk}", {}).status_code == 404


def test_pes_user_without_a_partner_gets_404(client):
    user = PesUserFactory(partners=[])
    user.partners.clear()
    client.force_login(user)
    assert client.get(reverse("pes-dashboard:profile")).status_code == 404


def test_staff_edit_any_pes_by_naming_it(client, shop):
    client.force_login(shop.staff)
    url = reverse("pes-dashboard:profile")
    assert client.get(url)["Location"] == reverse("dashboard:partner-list")
    page = client.get(url, {"partner": shop.other.pk})
    data = _profile_data(page, **{"profile-city": "Busko-Zdrój"})
    assert client.post(f"{url}?partner={shop.other.pk}", data).status_code == 302
    shop.other.refresh_from_db()
    assert shop.other.city == "Busko-Zdrój"


def test_staff_without_partner_permission_cannot_edit(client, shop):
    client.force_login(UserFactory(is_staff=True))
    url = reverse("pes-dashboard:profile")
    assert client.get(url, {"partner": shop.own.pk}).status_code == 403


def test_profile_page_query_count_is_bounded(client, shop, profile, django_assert_max_num_queries):
    for number in range(5):
        DeliveryOptionFactory(partner=shop.own, display_order=10 + number)
    client.get(profile)
    with django_assert_max_num_queries(14):  # 8–12 when written, whatever the count
        response = client.get(profile)
    assert len(response.context["formset"].forms) == 8  # 7 on record and an empty one


def test_dashboard_menu_links_the_profile_for_pes_only(client, shop):
    url = reverse("pes-dashboard:profile")
    client.force_login(shop.pes_user)
    assert f'href="{url}"' in client.get(reverse("dashboard:index")).content.decode()
    client.force_login(shop.staff)
    assert f'href="{url}"' not in client.get(reverse("dashboard:index")).content.decode()


# Oscar's own partner pages for staff --------------------------------------------------------


def test_staff_create_a_pes_in_oscars_partner_form(client, shop):
    client.force_login(shop.staff)
    url = reverse("dashboard:partner-create")
    refused = client.post(
        url,
        {"name": "Nowa Spółdzielnia", "legal_form": "social_cooperative", "accepts_transfer": "on"},
    )
    assert refused.status_code == 200
    assert "iban" in refused.context["form"].errors
    assert not Partner.objects.filter(name="Nowa Spółdzielnia").exists()
    created = client.post(
        url,
        {
            "name": "Nowa Spółdzielnia",
            "legal_form": "social_cooperative",
            "accepts_transfer": "on",
            "iban": VALID_IBAN,
        },
    )
    partner = Partner.objects.get(name="Nowa Spółdzielnia")
    assert created["Location"] == reverse("pes-dashboard:profile") + f"?partner={partner.pk}"


def test_staff_partner_manage_page_still_saves(client, shop):
    client.force_login(shop.staff)
    url = reverse("dashboard:partner-manage", args=[shop.other.pk])
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "name": "Fundacja Przemianowana",
            "line1": "ul. Długa 1",
            "line4": "Kielce",
            "postcode": "25-001",
            "country": _poland().pk,
        },
    )
    assert response.status_code == 302
    shop.other.refresh_from_db()
    assert shop.other.name == "Fundacja Przemianowana"


def _poland():
    country_model = get_model("address", "Country")
    return country_model.objects.get_or_create(
        iso_3166_1_a2="PL", defaults={"name": "Polska", "printable_name": "Polska"}
    )[0]


def test_a_pes_cannot_change_what_the_rops_verifies(client):
    """The PS decision and the supporting OWES are shown to the PES but kept by the ROPS."""
    from tests.factories import PesUserFactory

    user = PesUserFactory()
    partner = user.partners.get()
    partner.ps_decision_number = ""
    partner.ps_decision_date = None
    partner.save()
    client.force_login(user)
    url = reverse("pes-dashboard:profile")
    page = client.get(url)
    form = page.context["form"]
    data = {
        f"profile-{name}": value
        for name, value in form.initial.items()
        if value is not None and name != "logo"
    }
    data.pop("profile-accepts_transfer", None)  # no IBAN in this factory's PES
    data.update(
        {
            "profile-city": "Nowa Słupia",
            "profile-ps_decision_number": "PS.1/2026",
            "profile-ps_decision_date": "2026-01-10",
            "delivery-TOTAL_FORMS": "0",
            "delivery-INITIAL_FORMS": "0",
        }
    )
    response = client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors
    partner.refresh_from_db()
    assert partner.city == "Nowa Słupia"
    assert partner.ps_decision_number == ""
    assert partner.ps_decision_date is None
