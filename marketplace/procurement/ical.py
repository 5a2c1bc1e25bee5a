"""`/zamowienia/terminy.ics`: the deadlines for offers as an iCalendar feed, for the board's
filters, so a PES can subscribe to "catering in my powiat" in its calendar.

One VEVENT per published notice (open or closed awaiting the award) at its deadline, written in
Europe/Warsaw with its VTIMEZONE like the events' calendar (`portal/events/ical.py`); awarded
and cancelled notices have no deadline left to keep.
"""

from __future__ import annotations

from datetime import timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from icalendar import Calendar, Event

from portal.urls_absolute import absolute_url

from . import board
from .models import Notice, NoticeStatus

PRODID = "-//Regionalny Portal Ekonomii Spolecznej//procurement//PL"
MAX_EVENTS = 500


def deadline_event(notice: Notice) -> Event:
    """One VEVENT at the deadline; no DTEND, so it ends when it starts (RFC 5545 3.6.1)."""
    zone = ZoneInfo(settings.TIME_ZONE)
    url = absolute_url(notice.get_absolute_url())
    event = Event()
    event.add("uid", f"notice-{notice.pk}-deadline@procurement.es-portal")
    event.add("dtstamp", timezone.now())
    event.add("dtstart", notice.deadline.astimezone(zone))
    event.add(
        "summary",
        _("Deadline for offers: %(reference)s %(subject)s")
        % {"reference": notice.reference, "subject": notice.subject},
    )
    event.add("description", f"{notice.buyer.name}\n{notice.get_kind_display()}\n\n{url}")
    event.add("url", url)
    event.add("last-modified", notice.updated)
    return event


def build_calendar(notices: list[Notice]) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", _("Deadlines for offers"))
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    for notice in notices:
        calendar.add_component(deadline_event(notice))
    if notices:
        zone = ZoneInfo(settings.TIME_ZONE)
        first = min(n.deadline for n in notices).astimezone(zone).date() - timedelta(days=366)
        last = max(n.deadline for n in notices).astimezone(zone).date() + timedelta(days=366)
        calendar.add_missing_timezones(first_date=first, last_date=last)
    return calendar.to_ical()


@require_GET
def deadlines_ics(request: HttpRequest) -> HttpResponse:
    query = board.parse_query(request.GET)
    notices = list(
        board.filter_notices(query)
        .filter(status=NoticeStatus.PUBLISHED)
        .select_related("buyer")
        .order_by("-deadline", "-pk")[:MAX_EVENTS]
    )
    response = HttpResponse(build_calendar(notices), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="terminy.ics"'
    return response
