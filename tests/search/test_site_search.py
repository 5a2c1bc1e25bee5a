"""/szukaj/: the site search page, its autocomplete and the header's search box."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse
from django.utils.translation import gettext, override
from wagtail.models import Page

from search.query import KINDS, ProductQuery

pytestmark = pytest.mark.usefixtures("demo")

SEARCH = "/szukaj/"
SEARCH_EN = "/en/szukaj/"


def groups(response) -> dict[str, object]:
    return {group.kind: group.results for group in response.context["results"].groups}


def hrefs(response) -> set[str]:
    return {hit.url for results in groups(response).values() for hit in results.hits}


def test_urls_are_per_language():
    assert reverse("site_search:site") == SEARCH
    assert reverse("site_search:autocomplete") == "/szukaj/podpowiedzi/"
    with override("en"):
        assert reverse("site_search:site") == SEARCH_EN
    # Oscar's own search keeps its namespace under the shop.
    assert reverse("search:search") == "/sklep/search/"


def test_grouped_results_with_counts(client):
    response = client.get(SEARCH, {"q": "spółdzielnia"})
    assert response.status_code == 200
    results = response.context["results"]
    found = groups(response)
    assert {"product", "supplier", "news", "goodpractice", "event"} <= set(found)
    # Groups come in KINDS order, and each count is the total shown in its heading.
    assert [group.kind for group in results.groups] == [k for k in KINDS if k in found]
    html = response.content.decode()
    for kind, group_results in found.items():
        assert results.counts[kind] == group_results.total > 0
        assert f'data-kind="{kind}" data-total="{group_results.total}"' in html
        assert f'data-kind="{kind}" data-count="{group_results.total}"' in html
        assert len(group_results.hits) <= 4  # a preview
    # A preview links to the whole kind.
    assert "?q=sp%C3%B3%C5%82dzielnia&amp;kind=product" in html
    with override("pl"):
        assert str(KINDS["supplier"]) in html
        assert gettext("Search") in html


def test_folding_finds_the_same_suppliers(client):
    with_marks = groups(client.get(SEARCH, {"q": "spółdzielnia", "kind": "supplier"}))
    without = groups(client.get(SEARCH, {"q": "spoldzielnia", "kind": "supplier"}))
    assert with_marks["supplier"].total == without["supplier"].total > 0
    assert with_marks["supplier"].pks == without["supplier"].pks


def test_only_pages_of_the_current_language(client):
    english = hrefs(client.get(SEARCH_EN, {"q": "fair"}))
    assert "/en/events/social-economy-fair/" in english
    assert not hrefs(client.get(SEARCH, {"q": "fair"}))

    polish = hrefs(client.get(SEARCH, {"q": "kiermasz"}))
    assert "/wydarzenia/kiermasz-ekonomii-spolecznej/" in polish
    english = client.get(SEARCH_EN, {"q": "kiermasz"})
    assert not any(url.startswith(("/wydarzenia/", "/aktualnosci/")) for url in hrefs(english))
    assert set(groups(english)) <= {"product", "supplier"}


def test_only_live_pages(client):
    url = "/aktualnosci/nowa-spoldzielnia-kielce/"
    before = client.get(SEARCH, {"q": "spółdzielnia", "kind": "news"})
    assert url in hrefs(before)
    # Other news may match too (PostgreSQL's analysis finds more than SQLite's FTS5).
    news_before = before.context["results"].counts["news"]
    page = Page.objects.get(
        url_path__endswith="/nowa-spoldzielnia-kielce/", locale__language_code="pl"
    )
    page.specific.unpublish()
    response = client.get(SEARCH, {"q": "spółdzielnia", "kind": "news"})
    assert response.status_code == 200
    assert url not in hrefs(response)
    assert response.context["results"].counts["news"] == news_before - 1


def test_kind_filter_and_pagination(client, monkeypatch):
    original = ProductQuery.from_params.__func__

    def five_per_page(cls, params, **overrides):
        return original(cls, params, **{"per_page": 5, **overrides})

    monkeypatch.setattr(ProductQuery, "from_params", classmethod(five_per_page))
    first = client.get(SEARCH, {"q": "spółdzielnia", "kind": "product"})
    second = client.get(SEARCH, {"q": "spółdzielnia", "kind": "product", "page": 2})
    assert first.status_code == second.status_code == 200
    assert set(groups(first)) == set(groups(second)) == {"product"}
    page1, page2 = groups(first)["product"], groups(second)["product"]
    assert page1.total == page2.total > 10
    assert len(page1.hits) == len(page2.hits) == 5
    assert not set(page1.pks) & set(page2.pks)
    assert (page1.page, page2.page) == (1, 2)
    html = second.content.decode()
    # Pagination keeps the query and the kind.
    assert 'href="?q=sp%C3%B3%C5%82dzielnia&amp;kind=product&amp;page=1" rel="prev"' in html
    assert 'href="?q=sp%C3%B3%C5%82dzielnia&amp;kind=product&amp;page=3" rel="next"' in html


def test_product_facets_narrow_to_a_powiat(client):
    everything = groups(client.get(SEARCH, {"q": "miód", "kind": "product"}))["product"]
    response = client.get(SEARCH, {"q": "miód", "kind": "product", "powiat": "buski"})
    narrowed = groups(response)["product"]
    assert 0 < narrowed.total < everything.total
    for hit in narrowed.hits:
        powiats = {record.partner.powiat.code for record in hit.object.stockrecords.all()}
        assert "buski" in powiats
    html = response.content.decode()
    assert 'name="powiat" value="buski" checked' in html
    assert {facet["name"] for facet in response.context["facets"]} >= {"powiat", "category"}


def test_product_kind_facet_uses_its_own_parameter(client):
    goods = groups(client.get(SEARCH, {"q": "miód", "kind": "product", "product_kind": "goods"}))
    everything = groups(client.get(SEARCH, {"q": "miód", "kind": "product"}))
    assert 0 < goods["product"].total < everything["product"].total


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"q": ""},
        {"q": "   "},
        {"q": "\x01\x02"},
        {"q": "a\x00b"},
        {"q": "\x00"},
        {"q": "zzqxjv"},
        {"q": "miód", "kind": "nonsense", "page": "x", "price": "abc", "category": "x"},
        {"q": "miód", "kind": "product", "page": "99999"},
        {"q": "%' OR 1=1 --"},
        {"q": "x" * 5000},
    ],
)
def test_empty_and_junk_queries(client, params):
    response = client.get(SEARCH, params)
    assert response.status_code == 200


def test_empty_query_shows_the_form_only(client):
    for q in ["", "  \t "]:
        response = client.get(SEARCH, {"q": q})
        assert response.status_code == 200
        assert response.context["query"] == ""
        assert not response.context["results"].groups
        assert b'id="site-search-hint"' in response.content


def test_zero_results_link_to_catalogue_and_directory(client):
    response = client.get(SEARCH, {"q": "zzqxjvw"})
    html = response.content.decode()
    assert response.context["results"].total == 0
    assert f'href="{reverse("catalogue:index")}"' in html
    assert f'href="{reverse("directory:index")}"' in html


def test_post_is_refused(client):
    assert client.post(SEARCH, {"q": "miód"}).status_code == 405


def test_autocomplete(client):
    response = client.get("/szukaj/podpowiedzi/", {"q": "mio"})
    assert response.status_code == 200
    assert not response.cookies
    data = json.loads(response.content)
    titles = [item["title"] for item in data["suggestions"]]
    assert any("Miód" in title for title in titles)
    for item in data["suggestions"]:
        assert set(item) == {"kind", "label", "title", "url"}
        assert item["kind"] in KINDS and item["url"].startswith("/")
    assert json.loads(client.get("/szukaj/podpowiedzi/", {"q": "m"}).content) == {"suggestions": []}
    assert client.get("/szukaj/podpowiedzi/", {"q": "\x00\x00"}).status_code == 200


def test_header_search_box_points_to_the_site_search(client):
    html = client.get("/o-portalu/").content.decode()
    assert 'action="/szukaj/"' in html and 'data-autocomplete="/szukaj/podpowiedzi/"' in html
    assert 'role="search"' in html and "js/search-autocomplete.js" in html
    html = client.get("/en/").content.decode()
    assert 'action="/en/szukaj/"' in html and 'data-autocomplete="/en/szukaj/podpowiedzi/"' in html


def test_search_results_are_not_cached(client):
    for _ in range(2):
        response = client.get(SEARCH, {"q": "miód"})
        assert "X-Page-Cache" not in response
    for _ in range(2):
        assert "X-Page-Cache" not in client.get("/szukaj/podpowiedzi/", {"q": "mio"})


def test_query_counts(client, django_assert_max_num_queries):
    client.get(SEARCH, {"q": "spółdzielnia"})  # warm the chrome and the locale caches
    with django_assert_max_num_queries(50):  # measured 41 (no PES facet counts: none shown)
        client.get(SEARCH, {"q": "spółdzielnia"})
    with django_assert_max_num_queries(36):  # measured 26
        client.get(SEARCH, {"q": "miód", "kind": "product"})
    with django_assert_max_num_queries(30):  # measured 23
        client.get(SEARCH, {"q": "spółdzielnia", "kind": "supplier"})


def test_results_page_is_valid_html(client, tmp_path):
    import shutil

    from tests.helpers.html import VNU, nu_errors

    if not VNU.exists() or not shutil.which("java"):
        pytest.skip("the Nu HTML checker needs vnu-jar and Java")
    pages = {
        path: client.get(path).content
        for path in [
            "/szukaj/",
            "/szukaj/?q=sp%C3%B3%C5%82dzielnia",
            "/szukaj/?q=mi%C3%B3d&kind=product&powiat=buski",
            "/szukaj/?q=zzqxjvw",
            "/en/szukaj/?q=social&kind=page",
        ]
    }
    assert nu_errors(pages, tmp_path) == []


def test_product_hits_have_highlighted_snippets(client):
    """Whatever the engine, a product found by its description shows that passage marked."""
    found = groups(client.get(SEARCH, {"q": "miód", "kind": "product"}))["product"]
    described = [hit for hit in found.hits if "miód" in (hit.object.description or "").lower()]
    assert described
    for hit in described:
        assert "<mark>" in str(hit.snippet), hit.title
