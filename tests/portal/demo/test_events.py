"""The demo events: idempotent, every kind upcoming, translations made page by page."""

from __future__ import annotations

from wagtail.models import Locale, Page, Revision

from home.models import HomePage
from portal.demo.events import EVENTS, load_events
from portal.events.models import EventIndexPage, EventKind, EventPage, Registration
from portal.organisations.models import Organisation, Powiat


def load() -> None:
    load_events(
        HomePage.objects.get(locale__language_code="pl"),
        HomePage.objects.get(locale__language_code="en"),
        {o.slug: o for o in Organisation.objects.all()},
        {p.code: p for p in Powiat.objects.all()},
    )


def test_demo_events_load_twice_without_duplicates(demo):
    load()
    counts = (EventPage.objects.count(), Registration.objects.count(), Revision.objects.count())
    load()
    # nothing changed since the first load: no duplicates and not even a new revision
    assert (EventPage.objects.count(), Registration.objects.count(), Revision.objects.count()) == (
        counts
    )
    assert EventIndexPage.objects.filter(show_in_menus=True).count() == 2
    index = EventIndexPage.objects.get(locale__language_code="pl", slug="wydarzenia")
    assert index.get_translation(Locale.objects.get(language_code="en")).slug == "events"
    upcoming_kinds = set(index.upcoming().values_list("kind", flat=True))
    assert upcoming_kinds == set(EventKind.values)
    assert index.past().exists()
    titles = set(index.events().values_list("title", flat=True))
    assert {"Kiermasz Ekonomii Społecznej", "Spotkanie sieciujące ROPS–OWES – IV kwartał"} <= titles
    assert EventPage.objects.filter(locale__language_code="en").count() == sum(
        1 for e in EVENTS if e.english
    )
    assert Page.find_problems() == ([], [], [], [], [])  # treebeard's numchild stays right
