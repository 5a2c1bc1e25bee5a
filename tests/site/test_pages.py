"""Every public page answers in Polish and English, with the portal's layout."""

from __future__ import annotations

import pytest
from oscar.core.loading import get_model
from wagtail.models import Page

from home.models import ContentPage

pytestmark = pytest.mark.usefixtures("demo")

Product = get_model("catalogue", "Product")
Category = get_model("catalogue", "Category")


def public_paths() -> list[str]:
    paths = ["/", "/en/", "/sklep/catalogue/", "/en/sklep/catalogue/", "/sklep/basket/"]
    paths += ["/en/sklep/basket/", "/sklep/accounts/login/", "/en/sklep/accounts/login/"]
    paths += [page.url for page in ContentPage.objects.live()]
    for category in Category.objects.all():
        paths += [category.get_absolute_url()]
    product = Product.objects.browsable().order_by("pk").first()
    paths += [product.get_absolute_url(), "/en" + product.get_absolute_url()]
    return paths


def test_every_public_page_answers_in_both_languages(client):
    paths = public_paths()
    assert len([p for p in paths if p.startswith("/en/")]) >= 6
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
        html = response.content.decode()
        language = "en" if path.startswith("/en/") else "pl"
        assert f'<html lang="{language}">' in html, path
        assert 'class="skip-link"' in html and '<main id="main"' in html, path


def test_home_page_shows_products_with_pictures(client):
    html = client.get("/").content.decode()
    assert "product-card" in html
    assert html.count('class="product-card__image"') >= 4
    assert "Portal Ekonomii Społecznej" in html


def test_english_home_page_is_translated(client):
    html = client.get("/en/").content.decode()
    assert "Social economy in the Świętokrzyskie region" in html
    assert "Skip to main content" in html
    assert "Przejdź do treści" not in html


def test_polish_interface_strings(client):
    html = client.get("/").content.decode()
    assert "Przejdź do treści głównej" in html
    assert "Koszyk" in html


def test_catalogue_lists_every_demo_product_across_pages(client):
    """Every available product (see tests/search/test_catalogue.py for the full definition)."""
    from search.adapters import _offer, product_queryset

    total = sum(1 for product in product_queryset() if _offer(product) is not None)
    assert total >= 60
    seen = set()
    page = 1
    while True:
        response = client.get("/sklep/catalogue/", {"page": page})
        products = response.context["products"]
        seen.update(p.pk for p in products)
        if not response.context["page_obj"].has_next():
            break
        page += 1
    assert len(seen) == total


def test_catalogue_bad_page_number_falls_back_to_first_page(client):
    response = client.get("/sklep/catalogue/", {"page": "9999"})
    assert response.status_code == 200
    assert response.context["page_obj"].number == 1


def test_catalogue_filters_by_query(client):
    response = client.get("/sklep/catalogue/", {"q": "miód"})
    titles = [p.title.lower() for p in response.context["products"]]
    # Relevance: title matches first; others match in the description, category or seller.
    in_title = ["miód" in t for t in titles]
    assert titles and in_title[0] and in_title == sorted(in_title, reverse=True)


def test_product_page_names_the_pes(client):
    product = Product.objects.browsable().filter(product_class__slug="produkt").first()
    partner = product.stockrecords.first().partner
    html = client.get(product.get_absolute_url()).content.decode()
    assert partner.name.replace('"', "&quot;") in html
    assert partner.get_legal_form_display() in html


def test_missing_page_is_a_friendly_404(client):
    for path, text in [
        ("/nie-ma-takiej/", "Nie znaleziono strony"),
        ("/en/no-such/", "Page not found"),
    ]:
        response = client.get(path)
        assert response.status_code == 404
        assert text in response.content.decode()


def test_sitemap_and_robots(client):
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "/o-portalu/" in sitemap and "/en/about/" in sitemap
    assert "/sklep/catalogue/" in sitemap
    robots = client.get("/robots.txt").content.decode()
    assert "Disallow: /admin/" in robots and "Sitemap: http://testserver/sitemap.xml" in robots


def test_language_switcher_leads_to_translation(client):
    html = client.get("/o-portalu/").content.decode()
    assert 'href="/en/about/" lang="en"' in html
    html = client.get("/en/about/").content.decode()
    assert 'href="/o-portalu/" lang="pl"' in html


def test_language_switcher_on_shop_keeps_the_page(client):
    html = client.get("/sklep/catalogue/").content.decode()
    assert 'href="/en/sklep/catalogue/" lang="en"' in html


def test_language_switcher_falls_back_to_home_without_translation(client):
    home = Page.objects.get(depth=2, locale__language_code="pl")
    lonely = ContentPage(title="Tylko po polsku", slug="tylko-po-polsku")
    home.add_child(instance=lonely)
    lonely.save_revision().publish()
    html = client.get("/tylko-po-polsku/").content.decode()
    assert 'href="/en/" lang="en"' in html


def test_catalogue_pages_keep_the_search_and_sort(client):
    html = client.get("/sklep/catalogue/", {"q": "a", "sort_by": "title"}).content.decode()
    assert 'href="?q=a&amp;sort_by=title&amp;page=2" rel="next"' in html


def test_every_section_can_be_created_under_the_home_page():
    """Editors add the sections in the admin, not only the demo loader in code."""
    from goodpractices.models import GoodPracticeIndexPage
    from home.models import HomePage
    from portal.competition.models import CompetitionIndexPage
    from portal.events.models import EventIndexPage
    from portal.news.models import NewsIndexPage

    allowed = set(HomePage.allowed_subpage_models())
    assert {NewsIndexPage, EventIndexPage, GoodPracticeIndexPage, CompetitionIndexPage} <= allowed


@pytest.mark.parametrize(
    ("paths", "home"),
    [
        (
            ("/lider-es/2025/wyniki/", "/szukaj/?q=miod", "/aktualnosci/", "/baza-pes/"),
            "Strona główna",
        ),
        (("/baza-pes/pszczela-dolina/", "{product}", "/sklep/zapytania/"), "Strona główna"),
        (("/en/szukaj/?q=miod", "/en/news/", "/en/baza-pes/", "/en{product}"), "Home"),
    ],
)
def test_breadcrumbs_start_at_the_home_page_by_one_name(client, paths, home):
    """Every page's trail starts with the same word: Wagtail pages, the PES database, the
    shop's product and quote pages."""
    import re

    product = Product.objects.browsable().order_by("pk").first().get_absolute_url()
    for path in paths:
        response = client.get(path.format(product=product))
        assert response.status_code == 200, path
        html = response.content.decode()
        trail = html.split('class="breadcrumbs')[1].split("</nav>")[0]
        first = re.search(r"<li><a [^>]*>([^<]+)</a>", trail).group(1)
        assert first == home, (path, first)
