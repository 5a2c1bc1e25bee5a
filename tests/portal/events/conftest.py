"""Fixtures for events: the index under the Polish and English home pages, and an event maker.

The index is taken from the demo when the demo loader makes one, else created here (inside
the test's rolled-back transaction), so these tests pass before and after the demo is wired.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Locale

from home.models import HomePage
from portal.events.models import EventIndexPage, EventKind, EventPage
from portal.organisations.models import Powiat
from tests.factories import publish
from tests.helpers.clock import local


@pytest.fixture
def home_pl(demo) -> HomePage:
    return HomePage.objects.get(locale__language_code="pl")


@pytest.fixture
def english(demo) -> Locale:
    return Locale.objects.get(language_code="en")


@pytest.fixture
def event_index(home_pl, english) -> EventIndexPage:
    index = EventIndexPage.objects.child_of(home_pl).first()
    if index is None:
        index = EventIndexPage(title="Wydarzenia", slug="wydarzenia")
        home_pl.add_child(instance=index)
        publish(index)
    if index.get_translation_or_none(english) is None:
        translated = index.copy_for_translation(english).specific
        publish(translated, title="Events", slug="events")
    return index


@pytest.fixture
def make_event(event_index, rops) -> Callable[..., EventPage]:
    """A live event under the Polish index; keyword arguments override the defaults."""

    def make(slug: str, days: int = 20, hours: int = 3, **fields) -> EventPage:
        start = fields.pop("start", None) or local(days)
        defaults = {
            "title": f"Wydarzenie {slug}",
            "kind": EventKind.WORKSHOP,
            "end": start + timedelta(hours=hours),
            "place_name": "Sala konferencyjna",
            "address": "ul. Testowa 1, 25-001 Kielce",
            "powiat": Powiat.objects.get(code="kielce"),
            "organiser": rops,
            "requested_by": rops,
            "lead": "Opis wydarzenia.",
            "capacity": None,
            "registration_open": True,
        }
        page = EventPage(slug=slug, start=start, **{**defaults, **fields})
        event_index.add_child(instance=page)
        return publish(page)

    return make


@pytest.fixture
def translate(english, event_index) -> Callable[..., EventPage]:
    """The English translation of an event (the index's translation exists already)."""

    def make(page: EventPage, slug: str, title: str) -> EventPage:
        translated = page.copy_for_translation(english).specific
        return publish(translated, slug=slug, title=title, lead="An event.")

    return make


@pytest.fixture
def people(demo) -> dict:
    users = get_user_model().objects
    return {
        "owes_a": users.get(email="redakcja@swietokrzyski-owes.example.org"),
        "owes_b": users.get(email="redakcja@kielecko-ostrowiecki-owes.example.org"),
        "rops": users.get(email="moderator@rops.example.org"),
        "customer": users.get(email="kupujacy@example.org"),
    }
