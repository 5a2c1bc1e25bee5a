"""/szukaj/ answered in a few queries: one search across page kinds, cached vocabularies and
snippet texts, and whole result pages reused until the index or a page changes."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from oscar.core.loading import get_model

from search.pages import count_pages, search_pages, site_pages
from search.query import PAGE_KINDS, PageQuery
from search.service import get_backend

pytestmark = pytest.mark.usefixtures("demo")

SEARCH = "/szukaj/"
Product = get_model("catalogue", "Product")


@pytest.fixture(params=["database", "elasticsearch"])
def backend(request, demo):
    """The backend under test, its indexes rebuilt from the demo data."""
    if request.param == "elasticsearch":
        request.getfixturevalue("use_elasticsearch")
    engine = get_backend()
    assert engine.name == request.param
    engine.rebuild()
    if request.param == "elasticsearch":
        call_command("wagtail_update_index", verbosity=0)
    return engine


@pytest.fixture
def no_result_cache(settings):
    settings.SEARCH_RESULTS_CACHE_SECONDS = 0
    settings.PAGE_CACHE_SECONDS = 0


@pytest.mark.parametrize(
    "params",
    [
        {"q": "miod"},
        {"q": "spółdzielnia"},
        {"q": "spółdzielnia", "kind": "product"},
        {"q": "spółdzielnia", "kind": "supplier", "page": "2"},
        {"q": "spółdzielnia", "kind": "news"},
        {"q": "zastrzeglo zamowienie", "kind": "goodpractice"},
    ],
)
def test_a_new_search_costs_at_most_ten_queries(
    client, no_result_cache, django_assert_max_num_queries, params
):
    """Every search with the result cache off, once the site's chrome, the vocabularies and
    the pages' snippet texts are in the cache (as after the first request that needs them)."""
    assert client.get(SEARCH, params).status_code == 200
    with django_assert_max_num_queries(10):
        response = client.get(SEARCH, params)
    assert response.status_code == 200


def test_a_repeated_search_is_served_from_the_cache(client, settings, django_assert_num_queries):
    settings.PAGE_CACHE_SECONDS = 0
    first = client.get(SEARCH, {"q": "miód"})
    with django_assert_num_queries(0):
        again = client.get(SEARCH, {"q": "miód"})
    assert again.content == first.content
    assert again.context["results"].counts == first.context["results"].counts
    assert [g.results.pks for g in again.context["results"].groups] == [
        g.results.pks for g in first.context["results"].groups
    ]


def test_cached_results_follow_the_index(client):
    before = client.get(SEARCH, {"q": "miód", "kind": "product"}).context["results"]
    product = Product.objects.get(pk=before.groups[0].results.pks[0])
    product.is_public = False
    product.save()  # the index is updated and the cache generation bumped
    after = client.get(SEARCH, {"q": "miód", "kind": "product"}).context["results"]
    assert after.counts["product"] == before.counts["product"] - 1
    assert product.pk not in after.groups[0].results.pks


def test_cached_results_are_per_language(client):
    polish = client.get(SEARCH, {"q": "spółdzielnia"}).content.decode()
    english = client.get("/en/szukaj/", {"q": "spółdzielnia"}).content.decode()
    assert "Aktualności" in polish or "Dobre praktyki" in polish
    assert "Suppliers (PES)" in english and "Suppliers (PES)" not in polish


def test_one_search_across_kinds_gives_each_kinds_hits(backend):
    """The previews come from one search across kinds: the same counts and the same first
    hits, in the same order, as a search of each kind on its own."""
    for text in ("spółdzielnia", "ekonomii społecznej", "społecznej", "kiermasz"):
        counts, groups = site_pages(text, "pl", preview=4)
        expected = count_pages(text, "pl")
        assert {k: n for k, n in counts.items() if n} == {k: n for k, n in expected.items() if n}
        for kind in PAGE_KINDS:
            if not expected.get(kind):
                assert kind not in groups
                continue
            alone = search_pages(PageQuery(text, "pl", kind, 1, 4))
            assert groups[kind].pks == alone.pks, (text, kind)
            assert [h.url for h in groups[kind].hits] == [h.url for h in alone.hits]
            assert groups[kind].total == alone.total


def test_chosen_kind_pages_through_the_same_hits(backend):
    counts, groups = site_pages("społecznej", "pl", kind="event", page=1, per_page=4)
    _, second = site_pages("społecznej", "pl", kind="event", page=2, per_page=4)
    assert set(groups) == {"event"} and counts["event"] > 8
    alone = search_pages(PageQuery("społecznej", "pl", "event", 2, 4))
    assert second["event"].pks == alone.pks
    assert not set(groups["event"].pks) & set(second["event"].pks)


def test_good_practice_snippets_keep_polish_letters(backend):
    """The snippet quotes the page as written (the folded copy it is matched on is never
    shown), with the matches marked."""
    for results in (
        search_pages(PageQuery("zastrzeglo zamowienie", "pl", "goodpractice")),
        site_pages("zastrzeglo zamowienie", "pl")[1]["goodpractice"],
    ):
        snippets = [str(hit.snippet) for hit in results.hits]
        assert snippets, "the practice about reserved contracts is found"
        # Marked from the stem on: "zastrzegł" of "zastrzegło", as every snippet marks.
        assert any("<mark>zastrzegł</mark>o" in s for s in snippets), snippets
        assert any("<mark>zamówien</mark>ie" in s for s in snippets), snippets
        assert not any("zastrzeglo" in s or "zamowienie" in s for s in snippets), snippets


def test_site_search_page_shows_polish_snippets(client):
    html = client.get(SEARCH, {"q": "zastrzeglo zamowienie"}).content.decode()
    assert "<mark>zastrzegł</mark>o <mark>zamówien</mark>ie dla PES" in html
    assert "zastrzeglo zamowienie dla pes" not in html


def test_page_hits_cost_no_query_per_result(client, no_result_cache):
    """Each page kind's hits: URLs from the site root paths read once, snippet texts from
    the cache; more hits do not cost more queries."""
    client.get(SEARCH, {"q": "spółdzielnia", "kind": "news"})
    with CaptureQueriesContext(connection) as few:
        client.get(SEARCH, {"q": "kielce", "kind": "news"})
    with CaptureQueriesContext(connection) as many:
        client.get(SEARCH, {"q": "spółdzielnia", "kind": "news"})
    assert len(many) <= len(few) + 1  # at most the specific load of pages not seen yet
