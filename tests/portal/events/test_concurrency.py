"""Capacity holds when people register at the same moment: 10 at once for 3 places.

The threads need committed rows on connections of their own. pytest-django's
`transactional_db` would give that, but it empties every table afterwards, and with it the
demo region the session loads once for the whole suite. So the test keeps the ordinary `db`
mark (which also makes pytest-django build the test database when this file runs alone) and
does all its writes on threads of their own, which commit; it deletes its event at the end.
"""

from __future__ import annotations

import threading

import pytest
from django.core.cache import caches
from django.db import connection, connections
from django.test import Client

from portal.events.models import Registration
from tests.factories.pages import delete_pages, live_event
from tests.helpers.threads import in_own_thread

pytestmark = pytest.mark.django_db

PEOPLE, PLACES = 10, 3


def committed_event() -> tuple[int, str, list[int]]:
    """An event (and the index, when the demo has none): its pk, URL and what to delete."""
    event, made = live_event("Warsztaty dla wszystkich naraz", "test-rownoczesne-zapisy", PLACES)
    return event.pk, event.url, made


def test_simultaneous_registrations_never_exceed_capacity(demo_region):
    if connection.vendor != "postgresql":
        pytest.skip(
            "needs PostgreSQL: SQLite has no row locks; its BEGIN IMMEDIATE serialises whole "
            "transactions instead, which the settings already use (run with DATABASE_URL=postgres…)"
        )
    event_pk, url, made = in_own_thread(committed_event)
    try:
        barrier = threading.Barrier(PEOPLE)
        statuses: list[int] = []

        def person(number: int) -> None:
            try:
                client = Client()
                barrier.wait(timeout=30)
                response = client.post(
                    url + "rejestracja/",
                    {
                        "name": f"Osoba {number}",
                        "email": f"osoba{number}@example.org",
                        "consent": "on",
                    },
                )
                statuses.append(response.status_code)
            finally:
                connections.close_all()

        threads = [threading.Thread(target=person, args=(n,)) for n in range(PEOPLE)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
        assert statuses == [303] * PEOPLE

        def count() -> tuple[int, int]:
            registrations = Registration.objects.filter(event_id=event_pk)
            return (
                registrations.filter(status="confirmed").count(),
                registrations.filter(status="waitlist").count(),
            )

        assert in_own_thread(count) == (PLACES, PEOPLE - PLACES)
    finally:
        in_own_thread(lambda: delete_pages(made))
        # the registrations' rate-limit counters were committed too
        in_own_thread(caches["ratelimit"].clear)
