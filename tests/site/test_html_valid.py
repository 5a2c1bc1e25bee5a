"""Public pages validate with the W3C Nu HTML checker (npm vnu-jar, run offline with Java)."""

from __future__ import annotations

import shutil

import pytest
from django.urls import reverse
from oscar.core.loading import get_model

from tests.helpers.html import VNU, nu_errors

pytestmark = [
    pytest.mark.usefixtures("demo"),
    pytest.mark.skipif(not VNU.exists(), reason="vnu-jar missing: `make test` installs it"),
    pytest.mark.skipif(not shutil.which("java"), reason="no Java to run the Nu checker"),
]


def test_public_pages_are_valid_html(client, tmp_path):
    product_model = get_model("catalogue", "Product")
    product = product_model.objects.browsable().first()
    service = product_model.objects.browsable().filter(product_class__slug="usluga").first()
    quote_request = get_model("quotes", "QuoteRequest").objects.first()
    partner = get_model("partner", "Partner").objects.filter(listed_in_directory=True).first()
    certificate = get_model("certificates", "Certificate").objects.valid_on().first()
    paths = [
        "/",
        "/en/",
        "/o-portalu/",
        "/en/about/",
        "/sklep/catalogue/",
        product.get_absolute_url(),
        "/sklep/basket/",
        "/sklep/accounts/login/",
        "/nie-ma/",
        "/aktualnosci/",
        "/aktualnosci/nabor-zakup-prospoleczny-2026/",
        "/en/news/",
        "/organizacje/",
        "/organizacje/swietokrzyski-owes/",
        "/organizacje/rkres/",
        service.get_absolute_url(),
        f"/sklep/zapytania/?product={service.pk}",
        quote_request.get_absolute_url(),
        "/baza-pes/",
        "/en/baza-pes/",
        "/baza-pes/?powiat=kielecki&certified=1&q=spoldzielnia",
        reverse("directory:detail", args=[partner.code]),
        "/baza-pes/lista/",
        "/certyfikat/",
        "/en/certyfikat/",
        certificate.get_absolute_url(),
        "/certyfikat/ZP-2030-0001/",
        "/plany-lokalne/",
        "/en/local-plans/",
        "/plany-lokalne/?powiat=buski&status=adopted",
        "/statystyki/",
        "/en/statistics/",
        "/statystyki/?subregion=swietokrzyski-owes",
    ]
    pages = {}
    for path in paths:
        response = client.get(path)
        assert response.status_code in (200, 404), path
        pages[path] = response.content
    assert nu_errors(pages, tmp_path) == []


def test_competition_and_good_practice_pages_are_valid_html(client, tmp_path):
    """The Lider ES archive, the open edition, a nomination form (empty and with errors), a
    past edition's results, and the good-practice listing (plain and filtered) and a practice."""
    from goodpractices.models import GoodPracticePage
    from portal.competition.models import EditionPage

    editions = EditionPage.originals().live().order_by("-year")
    current, past = editions[0], editions[1]
    category = current.categories.first()
    nominate = current.url + f"zglos/{category.slug}/"
    practice = GoodPracticePage.objects.live().filter(locale__language_code="pl").first()
    paths = {
        "/lider-es/": "get",
        "/en/social-economy-leader/": "get",
        current.url: "get",
        nominate: "get",
        past.url: "get",
        past.url + "wyniki/": "get",
        "/dobre-praktyki/": "get",
        "/dobre-praktyki/?q=maseczki": "get",
        practice.url: "get",
    }
    pages = {}
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
        pages[path] = response.content
    invalid = client.post(nominate, {"candidate_name": ""})
    assert invalid.status_code == 200
    pages[nominate + " (errors)"] = invalid.content
    assert nu_errors(pages, tmp_path) == []


def test_checkout_pages_are_valid_html(client, tmp_path):
    """Every step of a guest's checkout from two PES, and the confirmation."""
    from django.urls import reverse

    from tests.factories import seller_with_product
    from tests.helpers.shop import choose, guest_to_delivery_step

    a, product_a = seller_with_product(21, "20.00")
    b, product_b = seller_with_product(22, "30.00")
    pages = {"delivery": guest_to_delivery_step(client, [product_a, product_b]).content}
    invalid = client.post(reverse("checkout:shipping-method"), choose(a, "courier", "cash"))
    pages["delivery with errors"] = invalid.content
    client.post(
        reverse("checkout:shipping-method"),
        {**choose(a, "pickup", "cash"), **choose(b, "courier", "transfer")},
    )
    pages["review"] = client.get(reverse("checkout:preview")).content
    client.post(reverse("checkout:preview"), {"action": "place_order"})
    pages["confirmation"] = client.get(reverse("checkout:thank-you")).content
    assert nu_errors(pages, tmp_path) == []
