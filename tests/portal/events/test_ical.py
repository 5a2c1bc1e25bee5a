"""iCalendar: one event, the upcoming feed, times in Europe/Warsaw across summer time."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.test import override_settings
from django.utils import timezone
from icalendar import Calendar

from portal.events.ical import build_calendar
from tests.helpers.clock import local

WARSAW = ZoneInfo("Europe/Warsaw")


def vevents(content: bytes) -> list:
    return Calendar.from_ical(content).walk("VEVENT")


def test_event_ics_has_one_vevent_in_warsaw_time(client, make_event):
    event = make_event("test-ical", start=local(30, 9, 15), hours=2)
    response = client.get(event.url + "ical/")
    assert response["Content-Type"].startswith("text/calendar")
    assert 'filename="test-ical.ics"' in response["Content-Disposition"]
    (vevent,) = vevents(response.content)
    start = vevent.decoded("dtstart")
    assert start == event.start
    assert start.tzinfo.key == "Europe/Warsaw"
    assert (start.hour, start.minute) == (9, 15)
    assert vevent.decoded("dtend") == event.end
    assert str(vevent["summary"]) == event.title
    assert "Sala konferencyjna" in str(vevent["location"])
    assert str(vevent["url"]).endswith("/wydarzenia/test-ical/")


@pytest.mark.parametrize("month, offset", [(1, 1), (7, 2)])
def test_local_hour_survives_summer_time(month, offset, make_event):
    """10:00 in Warsaw is 09:00 UTC in winter and 08:00 UTC in summer; the file keeps 10:00."""
    year = timezone.localdate().year + 1
    start = datetime(year, month, 15, 10, 0, tzinfo=WARSAW)
    event = make_event(f"test-strefa-{month}", start=start)
    (vevent,) = vevents(build_calendar([event]))
    assert vevent["dtstart"].to_ical() == f"{year}0{month}15T100000".encode()
    assert vevent["dtstart"].params["TZID"] == "Europe/Warsaw"
    assert vevent.decoded("dtstart").utcoffset() == timedelta(hours=offset)


def test_calendar_feed_has_upcoming_events_only(client, event_index, make_event):
    soon = make_event("test-feed-soon", days=3)
    make_event("test-feed-past", days=-3)
    response = client.get(event_index.url + "kalendarz/")
    assert response["Content-Type"].startswith("text/calendar")
    events = {str(v["summary"]): v for v in vevents(response.content)}
    assert soon.title in events
    assert "Wydarzenie test-feed-past" not in events
    assert events[soon.title].decoded("dtstart") == soon.start
    assert "kalendarz" in client.get(event_index.url).content.decode()


def test_translations_share_one_uid(make_event, translate):
    event = make_event("test-uid")
    english = translate(event, "test-uid-en", "UID event")
    (polish,) = vevents(build_calendar([event]))
    (other,) = vevents(build_calendar([english]))
    assert polish["uid"] == other["uid"]


@override_settings(ROOT_URLCONF="tests.portal.events.urls")
def test_kalendarz_ics_address_when_routed(client, event_index, make_event):
    """With `portal.events.urls` included (see its docstring) the feed answers at `.ics`."""
    make_event("test-feed-ics", days=4)
    response = client.get(event_index.url + "kalendarz.ics")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert "Wydarzenie test-feed-ics" in {str(v["summary"]) for v in vevents(response.content)}
    assert 'href="/wydarzenia/kalendarz.ics"' in client.get(event_index.url).content.decode()
    assert client.get("/o-portalu/kalendarz.ics").status_code == 404
