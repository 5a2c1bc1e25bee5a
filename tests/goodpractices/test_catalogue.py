"""The good-practice catalogue: facets that count what they show, folded search, bad input."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from django.core.management import call_command
from wagtail.models import Locale, Page

from goodpractices.models import GoodPracticeIndexPage, GoodPracticePage, PracticeArea

pytestmark = pytest.mark.usefixtures("demo")

URL = "/dobre-praktyki/"


def shown(client, **params) -> list[str]:
    """The titles listed for these filters (all pages of the listing)."""
    response = client.get(URL, {**params, "page": 1})
    assert response.status_code == 200
    count = int(re.search(r'role="status">(\d+) ', response.content.decode()).group(1))
    titles: list[str] = []
    page = 1
    while True:
        html = client.get(URL, {**params, "page": page}).content.decode()
        titles += re.findall(r'practice-list__title"><a href="[^"]+">([^<]+)</a>', html)
        if 'rel="next"' not in html:
            break
        page += 1
    assert len(titles) == count
    return titles


def options(client, name: str, **params) -> dict[str, int]:
    """The values a facet offers, each with its count."""
    html = client.get(URL, params).content.decode()
    select = re.search(rf'name="{name}">(.*?)</select>', html, re.S).group(1)
    return {
        value: int(count)
        for value, count in re.findall(r'<option value="([^"]+)"[^>]*>[^<]*\((\d+)\)', select)
    }


def test_taxonomy_is_seeded():
    names = set(PracticeArea.objects.values_list("slug", flat=True))
    assert len(names) >= 8
    assert {"reagowanie-kryzysowe", "franczyza-innowacja", "klauzule-spoleczne"} <= names


def test_demo_has_a_dozen_practices_with_masks_and_franchise():
    polish = GoodPracticePage.objects.live().filter(locale__language_code="pl")
    assert polish.count() >= 12
    masks = polish.get(slug="maseczki-nitka-2020")
    assert masks.year == 2020
    assert masks.areas.filter(slug="reagowanie-kryzysowe").exists()
    assert masks.pes.filter(legal_form="social_cooperative").exists()
    assert polish.filter(is_franchise_or_innovation=True, title__icontains="franczyz").exists()
    assert polish.values("powiats").distinct().count() >= 8
    assert polish.values("areas").distinct().count() == 8
    years = set(polish.values_list("year", flat=True))
    assert min(years) >= 2018 and max(years) <= 2026
    english = GoodPracticePage.objects.live().filter(locale__language_code="en")
    assert english.count() >= 2


@pytest.mark.parametrize("facet", ["obszar", "powiat", "rok", "typ"])
def test_each_facet_count_equals_the_rows_behind_it(client, facet):
    offered = options(client, facet)
    assert offered
    for value, count in offered.items():
        assert len(shown(client, **{facet: value})) == count, (facet, value)


def test_franchise_count_equals_the_rows_behind_it(client):
    html = client.get(URL, {"obszar": "franczyza-innowacja"}).content.decode()
    count = int(re.search(r'for="practice-franchise">[^<]*\((\d+)\)', html).group(1))
    assert len(shown(client, obszar="franczyza-innowacja", franczyza="1")) == count


def test_facet_counts_hold_when_combined(client):
    offered = options(client, "powiat", obszar="reintegracja")
    assert offered
    for value, count in offered.items():
        assert len(shown(client, obszar="reintegracja", powiat=value)) == count


def test_each_filter_alone_and_combined(client):
    crisis = shown(client, obszar="reagowanie-kryzysowe")
    assert "Szycie maseczek dla szpitali – zamówienie z 2020 r." in crisis
    assert all(
        GoodPracticePage.objects.get(title=t, locale__language_code="pl")
        .areas.filter(slug="reagowanie-kryzysowe")
        .exists()
        for t in crisis
    )
    konecki = shown(client, powiat="konecki")
    assert len(konecki) >= 2
    assert shown(client, rok="2020") == ["Szycie maseczek dla szpitali – zamówienie z 2020 r."]
    franchise = shown(client, franczyza="1")
    assert "Społeczna franczyza kawiarni „Smaki Ponidzia”" in franchise
    assert all(
        GoodPracticePage.objects.get(title=t, locale__language_code="pl").is_franchise_or_innovation
        for t in franchise
    )
    assert len(shown(client, typ="pes")) < len(shown(client))
    plan = "Lokalny plan rozwoju ekonomii społecznej powiatu kieleckiego"
    assert plan in shown(client, typ="rops")
    both = shown(client, obszar="reagowanie-kryzysowe", powiat="konecki")
    assert both == ["Szycie maseczek dla szpitali – zamówienie z 2020 r."]
    assert set(both) == set(crisis) & set(konecki)
    assert shown(client, obszar="reagowanie-kryzysowe", powiat="konecki", rok="2024") == []
    assert options(client, "obszar", franczyza="1")["franczyza-innowacja"] == 2


@pytest.mark.parametrize(
    "query",
    ["szycie maseczek", "SZYCIE MASECZEK", "maseczek nitka", "zamowienie 2020", "ZAMÓWIENIE"],
)
def test_folded_search(client, query):
    titles = shown(client, q=query)
    assert "Szycie maseczek dla szpitali – zamówienie z 2020 r." in titles


def test_search_without_diacritics_finds_polish_words(client):
    assert "Od CIS do zatrudnienia w firmie budowlanej" in shown(client, q="zatrudnionych")
    assert "Społeczna franczyza kawiarni „Smaki Ponidzia”" in shown(client, q="spoleczna franczyza")
    assert "Społeczna franczyza kawiarni „Smaki Ponidzia”" in shown(client, q="Społeczną"[:8])
    assert shown(client, q="lysogorskie zupelnie nic") == []


def test_only_live_pages_of_the_current_language(client):
    index = GoodPracticeIndexPage.objects.get(locale__language_code="pl")
    draft = GoodPracticePage(
        title="Szkic praktyki", slug="szkic-praktyki", summary="S.", year=2024, live=False
    )
    index.add_child(instance=draft)
    draft.save_revision()
    assert not Page.objects.get(pk=draft.pk).live
    titles = shown(client)
    assert "Szkic praktyki" not in titles
    assert "Sewing masks for hospitals: a 2020 order" not in titles
    english = client.get("/en/good-practices/")
    assert english.status_code == 200
    html = english.content.decode()
    assert "Sewing masks for hospitals: a 2020 order" in html
    assert "Szycie maseczek dla szpitali" not in html
    assert client.get("/en/good-practices/", {"q": "sewing masks"}).status_code == 200


@pytest.mark.parametrize(
    "params",
    [
        {"obszar": "nie-ma-takiego"},
        {"powiat": "<script>"},
        {"rok": "abcd"},
        {"rok": "99999999999999999999999"},
        {"rok": "-1"},
        {"typ": "x" * 500},
        {"franczyza": "tak"},
        {"page": "9999"},
        {"page": "abc"},
        {"page": "-5"},
        {"q": "a" * 100_000},
        {"q": "x\x00y"},
        {"q": "%' OR 1=1 --"},
        {"q": " ".join(["słowo"] * 500)},
    ],
)
def test_bad_input_never_fails(client, params):
    response = client.get(URL, params)
    assert response.status_code == 200


def test_unknown_values_show_nothing_rather_than_everything(client):
    assert shown(client, obszar="nie-ma-takiego") == []
    assert shown(client, powiat="nieznany") == []


def test_detail_page_links_and_related(client):
    page = GoodPracticePage.objects.get(slug="maseczki-nitka-2020", locale__language_code="pl")
    response = client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "/organizacje/swietokrzyski-owes/" in html
    partner = page.pes.first()
    if partner.listed_in_directory:
        assert f"/{partner.code}/" in html
    assert "css/goodpractices.css" in html
    assert "Dobra praktyka – szycie maseczek 2020 – opis" in html
    assert page.attachments[0].value["document"].url in html
    related = page.related_practices()
    assert 0 < len(related) <= 3
    shared = set(page.areas.values_list("pk", flat=True))
    for other in related:
        assert other.pk != page.pk and other.locale_id == page.locale_id and other.live
        assert shared & set(other.areas.values_list("pk", flat=True))
        assert other.title in html


def test_print_stylesheet_exists():
    from django.contrib.staticfiles import finders

    css = Path(finders.find("css/goodpractices.css")).read_text()
    assert "@media print" in css


@pytest.fixture
def _no_page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 0


def test_listing_queries_do_not_grow_with_practices(client, _no_page_cache):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(URL)
    counts = []
    for params in ({}, {"rok": "2020"}):
        with CaptureQueriesContext(connection) as ctx:
            client.get(URL, params)
        counts.append(len(ctx.captured_queries))
    assert counts[0] == counts[1]


def test_listing_query_count_is_bounded(client, django_assert_max_num_queries, _no_page_cache):
    client.get(URL)  # warm Wagtail's site and locale caches
    with django_assert_max_num_queries(24):
        assert client.get(URL, {"obszar": "reintegracja", "q": "spoldzielnia"}).status_code == 200
    with django_assert_max_num_queries(24):
        assert client.get(URL).status_code == 200


def test_detail_query_count_is_bounded(client, django_assert_max_num_queries, _no_page_cache):
    page = GoodPracticePage.objects.get(slug="maseczki-nitka-2020", locale__language_code="pl")
    client.get(page.url)
    with django_assert_max_num_queries(20):
        assert client.get(page.url).status_code == 200


def test_running_the_loader_again_changes_nothing():
    def state():
        return (
            GoodPracticePage.objects.count(),
            GoodPracticeIndexPage.objects.count(),
            PracticeArea.objects.count(),
            Locale.objects.count(),
            sorted(GoodPracticePage.areas.through.objects.values_list("pk", flat=True)),
        )

    before = state()
    call_command("load_demo", stdout=io.StringIO())
    assert state() == before
