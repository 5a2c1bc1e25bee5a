"""The events index: upcoming and past lists, filters, pagination, queries; the event page."""

from __future__ import annotations

import json
import re

import pytest

from portal.events import models as event_models
from portal.events.models import EventKind
from portal.organisations.models import Powiat
from tests.helpers.clock import local


@pytest.fixture(autouse=True)
def _no_page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 0


@pytest.fixture
def some_events(make_event):
    return {
        "soon": make_event("test-warsztaty-wkrotce", days=5, kind=EventKind.WORKSHOP),
        "fair": make_event(
            "test-kiermasz",
            days=30,
            kind=EventKind.FAIR,
            powiat=Powiat.objects.get(code="sandomierski"),
        ),
        "past": make_event("test-dawne-spotkanie", days=-30, kind=EventKind.NETWORKING),
    }


def slugs_in(html: str) -> set[str]:
    return set(re.findall(r'href="/wydarzenia/(test-[\w-]+)/"', html))


def test_upcoming_and_past_lists(client, event_index, some_events):
    upcoming = client.get(event_index.url).content.decode()
    assert slugs_in(upcoming) >= {"test-warsztaty-wkrotce", "test-kiermasz"}
    assert "test-dawne-spotkanie" not in slugs_in(upcoming)
    assert upcoming.index("test-warsztaty-wkrotce") < upcoming.index("test-kiermasz")
    past = client.get(event_index.url + "archiwum/").content.decode()
    assert slugs_in(past) == {"test-dawne-spotkanie"}
    assert '<a href="/wydarzenia/archiwum/" aria-current="page">' in past


def test_an_event_in_progress_is_still_upcoming(client, event_index, make_event):
    from datetime import timedelta

    from django.utils import timezone

    make_event("test-trwa", start=timezone.now() - timedelta(hours=1), hours=3)
    assert "test-trwa" in slugs_in(client.get(event_index.url).content.decode())


def test_filters_by_kind_and_powiat(client, event_index, some_events):
    by_kind = client.get(event_index.url, {"rodzaj": "fair"}).content.decode()
    assert slugs_in(by_kind) == {"test-kiermasz"}
    assert '<option value="fair" selected>' in by_kind
    by_powiat = client.get(event_index.url, {"powiat": "sandomierski"}).content.decode()
    assert slugs_in(by_powiat) == {"test-kiermasz"}
    both = client.get(event_index.url, {"rodzaj": "workshop", "powiat": "sandomierski"})
    assert slugs_in(both.content.decode()) == set()
    past = client.get(event_index.url + "archiwum/", {"rodzaj": "networking"}).content.decode()
    assert slugs_in(past) == {"test-dawne-spotkanie"}


def test_unknown_filter_values_are_ignored(client, event_index, some_events):
    response = client.get(event_index.url, {"rodzaj": "<script>", "powiat": "atlantyda"})
    assert response.status_code == 200
    assert slugs_in(response.content.decode()) >= {"test-warsztaty-wkrotce", "test-kiermasz"}


def test_pagination_keeps_the_filters(client, event_index, make_event, monkeypatch):
    monkeypatch.setattr(event_models, "EVENTS_PER_PAGE", 2)
    for number in range(3):
        make_event(f"test-gala-{number}", days=40 + number, kind=EventKind.GALA)
    first = client.get(event_index.url, {"rodzaj": "gala"}).content.decode()
    assert 'href="?rodzaj=gala&amp;page=2" rel="next"' in first
    # The demo may hold galas too; every test gala shows exactly once across the pages.
    seen: list[str] = []
    for number in range(1, 6):
        html = client.get(event_index.url, {"rodzaj": "gala", "page": number}).content.decode()
        seen += sorted(s for s in slugs_in(html) if s.startswith("test-gala-"))
        if 'rel="next"' not in html:
            break
    assert seen == ["test-gala-0", "test-gala-1", "test-gala-2"]


def test_index_query_bound(client, event_index, make_event, django_assert_max_num_queries):
    for number in range(6):
        make_event(f"test-zapytania-{number}", days=10 + number)
    client.get(event_index.url)
    with django_assert_max_num_queries(14):
        response = client.get(event_index.url)
    assert response.status_code == 200
    with django_assert_max_num_queries(14):
        client.get(event_index.url, {"rodzaj": "workshop", "powiat": "kielce"})


def test_event_page_shows_everything(client, make_event, owes_a, rops):
    event = make_event(
        "test-pelny-opis",
        start=local(30, 10, 30),
        kind=EventKind.STUDY_VISIT,
        organiser=owes_a,
        requested_by=owes_a,
        capacity=20,
    )
    html = client.get(event.url).content.decode()
    start = event.start.astimezone(__import__("zoneinfo").ZoneInfo("Europe/Warsaw"))
    assert f'<time datetime="{start.isoformat()}">' in html
    assert ", 10:30</time>" in html
    assert owes_a.name in html.split('class="requested-by"')[1]
    assert 'href="/wydarzenia/test-pelny-opis/ical/"' in html
    assert 'action="/wydarzenia/test-pelny-opis/rejestracja/"' in html
    data = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    )
    assert data["@type"] == "Event"
    assert data["startDate"] == start.isoformat()
    assert data["organizer"]["name"] == owes_a.name
    assert data["remainingAttendeeCapacity"] == 20


def test_english_index_lists_english_events(client, make_event, translate):
    event = make_event("test-dwujezyczne")
    translate(event, "test-bilingual", "Bilingual")
    html = client.get("/en/events/").content.decode()
    assert 'href="/en/events/test-bilingual/"' in html
    assert "test-dwujezyczne" not in html
