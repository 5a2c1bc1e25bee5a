"""The board's RSS and Atom feeds and the `.ics` of deadlines: the board's filters, newest first,
absolute links under BASE_URL, nothing that is not public."""

from __future__ import annotations

from xml.etree import ElementTree

import pytest
from django.conf import settings
from icalendar import Calendar

from tests.factories.notice_board import BOARD_SCOPE, build_board

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def world(demo):
    return build_board()


def _rss_items(client, params: str) -> list[ElementTree.Element]:
    response = client.get(f"/zamowienia/rss/?{params}")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    root = ElementTree.fromstring(response.content)
    return root.findall("./channel/item")


def test_rss_lists_the_filtered_notices_newest_first(client, world):
    items = _rss_items(client, BOARD_SCOPE)
    titles = [item.findtext("title") for item in items]
    # published 1, 3, 4, 5 and 20 days ago
    expected = [world.later, world.soon, world.cancelled, world.closed, world.awarded]
    assert titles == [f"{n.reference}: {n.subject}" for n in expected]
    link = items[0].findtext("link")
    assert link == f"{settings.BASE_URL.rstrip('/')}/zamowienia/{world.later.pk}/"
    assert "Gmina Zamówieniowo" in items[0].findtext("description")
    assert "czasu polskiego" in items[0].findtext("description")


def test_rss_takes_the_board_filters(client, world):
    titles = {item.findtext("title") for item in _rss_items(client, "powiat=zp-p2&phase=open")}
    assert titles == {f"{world.later.reference}: {world.later.subject}"}


def test_feeds_never_carry_non_public_notices(client, world):
    rss = client.get(f"/zamowienia/rss/?{BOARD_SCOPE}").content.decode()
    atom = client.get(f"/zamowienia/atom/?{BOARD_SCOPE}").content.decode()
    ics = client.get(f"/zamowienia/terminy.ics?{BOARD_SCOPE}").content.decode()
    for notice in world.hidden:
        for body in (rss, atom, ics):
            assert notice.reference not in body
            assert notice.subject not in body


def test_atom_parses_and_names_itself(client, world):
    response = client.get(f"/zamowienia/atom/?{BOARD_SCOPE}&kind=reserved")
    assert response.status_code == 200
    root = ElementTree.fromstring(response.content)
    entries = root.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}title") for e in entries] == [
        f"{world.later.reference}: {world.later.subject}"
    ]
    self_link = [
        link.get("href") for link in root.findall(f"{ATOM}link") if link.get("rel") == "self"
    ]
    assert self_link and self_link[0].startswith(settings.BASE_URL.rstrip("/"))
    assert "kind=reserved" in self_link[0]


def test_english_feed_links_english_pages(client, world):
    response = client.get(f"/en/procurement/rss/?{BOARD_SCOPE}")
    root = ElementTree.fromstring(response.content)
    assert root.findtext("./channel/title") == "Procurement notices for the social economy"
    link = root.find("./channel/item").findtext("link")
    assert "/en/procurement/" in link


def test_ics_has_one_event_per_open_or_closed_notice_at_its_deadline(client, world):
    response = client.get(f"/zamowienia/terminy.ics?{BOARD_SCOPE}")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    events = {str(e["uid"]): e for e in calendar.walk("VEVENT")}
    expected = {world.soon, world.later, world.closed}  # not the awarded nor the cancelled
    assert set(events) == {f"notice-{n.pk}-deadline@procurement.es-portal" for n in expected}
    event = events[f"notice-{world.soon.pk}-deadline@procurement.es-portal"]
    start = event.decoded("dtstart")
    assert start == world.soon.deadline.replace(microsecond=0)
    assert str(start.tzinfo) == "Europe/Warsaw"
    assert "Termin składania ofert" in str(event["summary"])
    assert world.soon.reference in str(event["summary"])
    assert str(event["url"]).startswith(settings.BASE_URL.rstrip("/"))
    assert calendar.walk("VTIMEZONE")


def test_ics_takes_the_board_filters(client, world):
    response = client.get("/zamowienia/terminy.ics?powiat=zp-p2&activity=zp-catering")
    calendar = Calendar.from_ical(response.content)
    uids = [str(e["uid"]) for e in calendar.walk("VEVENT")]
    assert uids == [f"notice-{world.closed.pk}-deadline@procurement.es-portal"]


def test_an_empty_calendar_is_still_a_calendar(client, world):
    response = client.get("/zamowienia/terminy.ics?powiat=zp-p2&kind=quotation&phase=open")
    calendar = Calendar.from_ical(response.content)
    assert calendar.walk("VEVENT") == []


def test_feeds_query_count_is_bounded(client, world, django_assert_max_num_queries):
    with django_assert_max_num_queries(6):
        client.get(f"/zamowienia/rss/?{BOARD_SCOPE}")
    with django_assert_max_num_queries(6):
        client.get(f"/zamowienia/terminy.ics?{BOARD_SCOPE}")
