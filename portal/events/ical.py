"""iCalendar (RFC 5545) for one event, the upcoming-events feed and e-mail attachments.

Times are written in the site's zone (Europe/Warsaw) with its VTIMEZONE, so calendar apps
show the hour the organiser meant, also across the change to and from summer time.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from icalendar import Calendar, Event

from portal.urls_absolute import page_url

if TYPE_CHECKING:
    from .models import EventPage

PRODID = "-//Regionalny Portal Ekonomii Spolecznej//events//PL"


def _zone() -> ZoneInfo:
    return ZoneInfo(settings.TIME_ZONE)


def event_component(page: EventPage, url: str | None = None) -> Event:
    """One VEVENT; its UID is the translation key, shared by every language of the event."""
    zone = _zone()
    event = Event()
    event.add("uid", f"{page.translation_key}@events.es-portal")
    event.add("dtstamp", timezone.now())
    event.add("dtstart", page.start.astimezone(zone))
    event.add("dtend", page.end.astimezone(zone))
    event.add("summary", page.title)
    location = ", ".join(part for part in (page.place_name, page.address) if part)
    if location:
        event.add("location", location)
    description = page.lead
    if url:
        description = f"{description}\n\n{url}" if description else url
        event.add("url", url)
    if description:
        event.add("description", description)
    event.add("categories", [str(page.get_kind_display())])
    if page.last_published_at:
        event.add("last-modified", page.last_published_at)
    organiser = page.organiser
    if organiser is not None and organiser.email:
        event.add("organizer", f"mailto:{organiser.email}", parameters={"CN": organiser.name})
    return event


def build_calendar(
    pages: Iterable[EventPage], request: HttpRequest | None = None, name: str = ""
) -> bytes:
    """A VCALENDAR with one VEVENT per page and the time zones they need."""
    pages = list(pages)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    if name:
        calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    for page in pages:
        url = page_url(page, request) if page.pk else None
        calendar.add_component(event_component(page, url))
    if pages:
        # Only the years the events need: the full VTIMEZONE lists every change since 1970.
        first = min(p.start for p in pages).astimezone(_zone()).date() - timedelta(days=366)
        last = max(p.end for p in pages).astimezone(_zone()).date() + timedelta(days=366)
        calendar.add_missing_timezones(first_date=first, last_date=last)
    return calendar.to_ical()


def calendar_response(
    pages: Iterable[EventPage], request: HttpRequest, filename: str, name: str = ""
) -> HttpResponse:
    """text/calendar, named `<filename>.ics`, opened by calendar apps or saved."""
    response = HttpResponse(
        build_calendar(pages, request, name=name), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}.ics"'
    return response
