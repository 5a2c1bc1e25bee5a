"""The language switcher says when a page has no translation and keeps a view's query string."""

from __future__ import annotations

import re

import pytest
from wagtail.models import Locale, Page

from home.models import ContentPage

pytestmark = pytest.mark.usefixtures("demo")


def publish_under(parent: Page, title: str, slug: str) -> ContentPage:
    page = ContentPage(title=title, slug=slug)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def switch_link(html: str, code: str) -> str:
    """The switcher's <li> for one language."""
    switcher = html.split('<ul class="lang-switcher">', 1)[1].split("</ul>", 1)[0]
    match = re.search(rf'<li[^>]*><a href="[^"]*" lang="{code}".*?</li>', switcher, re.S)
    assert match, switcher
    return match.group(0)


def test_a_page_without_translation_says_so_and_offers_the_nearest_translated_page(client):
    about = Page.objects.get(url_path__endswith="/o-portalu/", locale__language_code="pl")
    publish_under(about, "Tylko po polsku", "tylko-po-polsku")
    html = client.get("/o-portalu/tylko-po-polsku/").content.decode()
    english = switch_link(html, "en")
    assert 'href="/en/about/"' in english
    assert 'aria-describedby="lang-note-en"' in english
    note = re.search(
        r'<span class="lang-switcher__note" id="lang-note-en" lang="en">(.*?)</span>', english
    )
    assert note, english
    assert "This page is not available in English." in note.group(1)
    assert "About" in note.group(1)  # the title of the page the link leads to
    # The current language's link is plain.
    assert "lang-note-pl" not in html


def test_the_nearest_translated_page_is_the_deepest_ancestor_with_a_translation(client):
    home = Page.objects.get(depth=2, locale__language_code="pl")
    section = publish_under(home, "Dział bez tłumaczenia", "dzial-bez-tlumaczenia")
    publish_under(section, "Strona w dziale", "strona-w-dziale")
    english = switch_link(
        client.get("/dzial-bez-tlumaczenia/strona-w-dziale/").content.decode(), "en"
    )
    assert 'href="/en/"' in english
    assert "lang-switcher__note" in english


def test_an_english_page_without_polish_points_to_the_polish_page_above_it(client):
    about_en = Page.objects.get(url_path__endswith="/about/", locale__language_code="en")
    publish_under(about_en, "Only in English", "only-in-english")
    html = client.get("/en/about/only-in-english/").content.decode()
    polish = switch_link(html, "pl")
    assert 'href="/o-portalu/"' in polish
    assert 'id="lang-note-pl" lang="pl"' in polish


def test_a_translated_page_has_no_note(client):
    html = client.get("/o-portalu/").content.decode()
    assert 'href="/en/about/"' in switch_link(html, "en")
    assert "lang-switcher__note" not in html


@pytest.mark.parametrize(
    ("path", "english"),
    [
        ("/szukaj/?q=mi%C3%B3d", "/en/szukaj/?q=mi%C3%B3d"),
        ("/baza-pes/?certified=1&amp;sort_by=name", None),
        ("/sklep/catalogue/?sort_by=title", "/en/sklep/catalogue/?sort_by=title"),
    ],
)
def test_views_keep_their_query_string_in_the_other_language(client, path, english):
    path = path.replace("&amp;", "&")
    response = client.get(path)
    assert response.status_code == 200
    link = switch_link(response.content.decode(), "en")
    expected = english or "/en" + path.replace("&", "&amp;")
    assert f'href="{expected}"' in link
    assert "lang-switcher__note" not in link


def test_cached_pages_keep_the_links_of_their_own_url(client, settings):
    settings.PAGE_CACHE_SECONDS = 600
    first = switch_link(client.get("/baza-pes/?certified=1").content.decode(), "en")
    second = client.get("/baza-pes/?online=1")
    assert 'href="/en/baza-pes/?certified=1"' in first
    assert 'href="/en/baza-pes/?online=1"' in switch_link(second.content.decode(), "en")
    again = client.get("/baza-pes/?certified=1")
    assert again["X-Page-Cache"] == "hit"
    assert 'href="/en/baza-pes/?certified=1"' in switch_link(again.content.decode(), "en")


def test_a_translated_listing_keeps_its_filters_but_a_fallback_does_not(client):
    from goodpractices.models import GoodPracticeIndexPage

    index = GoodPracticeIndexPage.objects.live().get(locale__language_code="pl")
    english = index.get_translation(Locale.objects.get(language_code="en"))
    html = client.get(index.url, {"powiat": "2604", "rok": "2024"}).content.decode()
    assert f'href="{english.url}?powiat=2604&amp;rok=2024"' in switch_link(html, "en")

    about = Page.objects.get(url_path__endswith="/o-portalu/", locale__language_code="pl")
    publish_under(about, "Tylko po polsku", "tylko-po-polsku")
    html = client.get("/o-portalu/tylko-po-polsku/", {"page": "2"}).content.decode()
    assert 'href="/en/about/"' in switch_link(html, "en")
