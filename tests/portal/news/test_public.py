"""The public newsroom: listing with filters, pages with metadata, feeds that parse."""

from __future__ import annotations

import json
import re

import feedparser
import pytest

pytestmark = pytest.mark.usefixtures("demo")


def test_news_index_lists_filters_and_paginates(client):
    html = client.get("/aktualnosci/").content.decode()
    assert html.count('class="news-list__item"') == 10  # first page of the twelve
    assert 'rel="next"' in html
    owes = client.get("/aktualnosci/", {"organizacja": "kielecko-ostrowiecki-owes"})
    items = owes.context["news_items"]
    assert len(items) == 3 and all(
        i.requested_by.slug == "kielecko-ostrowiecki-owes" for i in items
    )
    tagged = client.get("/aktualnosci/", {"tag": "dotacje"}).context["news_items"]
    assert {i.slug for i in tagged} == {"nowa-spoldzielnia-kielce", "dotacje-pinczow"}
    year = client.get("/aktualnosci/", {"rok": "1999"}).context["news_items"]
    assert list(year) == []
    assert client.get("/aktualnosci/", {"page": "abc"}).status_code == 200


def test_english_news_index_shows_only_english_news(client):
    items = client.get("/en/news/").context["news_items"]
    assert items and all(i.locale.language_code == "en" for i in items)


def test_news_page_has_open_graph_and_news_article(client):
    html = client.get("/aktualnosci/nabor-zakup-prospoleczny-2026/").content.decode()
    assert '<meta property="og:type" content="article">' in html
    data = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', html).group(1)
    )
    assert data["@type"] == "NewsArticle"
    assert data["author"]["name"] == "Regionalny Ośrodek Polityki Społecznej w Kielcach"
    assert "Powiązane aktualności" in html


@pytest.mark.parametrize("path", ["/aktualnosci/rss/", "/aktualnosci/atom/", "/en/news/rss/"])
def test_feeds_parse(client, path):
    response = client.get(path)
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    assert feed.entries
    assert all(entry.link.startswith("http://testserver/") for entry in feed.entries)


def test_per_organisation_feed(client):
    feed = feedparser.parse(client.get("/aktualnosci/trzeci-swietokrzyski-owes/atom/").content)
    assert not feed.bozo
    assert len(feed.entries) == 3
    assert all("Świętokrzyski OWES – południe" in e.author for e in feed.entries)
    assert client.get("/aktualnosci/nie-ma-takiej/rss/").status_code == 404


def test_organisation_pages(client):
    html = client.get("/organizacje/kielecko-ostrowiecki-owes/").content.decode()
    assert (
        'Stowarzyszenie "Integracja i Rozwój"' in html or "Stowarzyszenie &quot;Integracja" in html
    )
    assert "ostrowiecki" in html and "2029" in html
    rkres = client.get("/organizacje/rkres/").content.decode()
    assert rkres.count('class="thematic-group"') == 4
    assert ".pdf" in rkres


def test_image_without_alt_text_is_refused(news_index, people):
    from django.core.exceptions import ValidationError
    from wagtail.images import get_image_model
    from wagtail.images.tests.utils import get_test_image_file

    from portal.news.models import NewsPage

    image = get_image_model().objects.create(title="Zdjęcie", file=get_test_image_file())
    page = NewsPage(title="Bez opisu", slug="bez-opisu", lead="Lead.", image=image)
    with pytest.raises(ValidationError) as error:
        news_index.add_child(instance=page)
    assert "image_alt" in error.value.message_dict
