"""Demo meetings kept: 2025 meets the rule (two ROPS–OWES meetings held, announced on time,
minutes filed) and 2026 does not (the third-quarter meeting of the events demo was announced
late and has no minutes).

Expects the events demo (portal/demo/events.py) to have made the events index and its
networking meetings; reuses the third-quarter one for 2026. Keyed on page slugs, the document
title and the meeting notice's event, so loading again changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta

from django.utils import timezone

from home.models import HomePage
from portal.events.models import EventIndexPage, EventKind, EventPage, MeetingNotice
from portal.organisations.models import Organisation, Powiat

from .publishing import child_page, document, publish_changes

ROPS = "rops-kielce"
# The events demo's past networking meeting (40 days before the day the demo is loaded).
THIRD_QUARTER_SLUG = "spotkanie-sieciujace-rops-owes-iii-kwartal"
LATE_NOTICE_DAYS = 9

# slug, title, day, lead, days of notice
MEETINGS_2025 = [
    (
        "spotkanie-sieciujace-rops-owes-marzec-2025",
        "Spotkanie sieciujące ROPS–OWES – marzec 2025",
        date(2025, 3, 20),
        "Plan wsparcia PES na 2025 rok i podział zadań między OWES.",
        21,
    ),
    (
        "spotkanie-sieciujace-rops-owes-wrzesien-2025",
        "Spotkanie sieciujące ROPS–OWES – wrzesień 2025",
        date(2025, 9, 18),
        "Półroczne podsumowanie wsparcia i przygotowanie kiermaszu ekonomii społecznej.",
        16,
    ),
]


def _at(day: date, hour: int) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour)))


def _notice(page: EventPage, sent_at: datetime) -> None:
    MeetingNotice.objects.update_or_create(
        event=page, defaults={"sent_at": sent_at, "recipients": 12}
    )


def load_meetings(say: Callable[[str], None]) -> None:
    home = HomePage.objects.get(locale__language_code="pl")
    index = EventIndexPage.objects.child_of(home).filter(slug="wydarzenia").first()
    if index is None:
        say("meetings kept: no events index (load the events demo first)")
        return
    rops = Organisation.objects.get(slug=ROPS)
    kielce = Powiat.objects.filter(code="kielce").first()
    for slug, title, day, lead, notice_days in MEETINGS_2025:
        start, end = _at(day, 10), _at(day, 14)
        page = child_page(
            index, EventPage, slug, title, lead=lead, start=start, end=end, place_name="ROPS"
        )
        minutes = document(f"Protokół – {title}")
        publish_changes(
            page,
            {
                "title": title,
                "kind": EventKind.NETWORKING,
                "start": start,
                "end": end,
                "place_name": "Sala konferencyjna ROPS",
                "address": "ul. Józefa Piłsudskiego 1, 25-001 Kielce",
                "powiat": kielce,
                "organiser": rops,
                "requested_by": rops,
                "lead": lead,
                "registration_open": False,
                "minutes": minutes,
            },
        )
        _notice(page, _at(day - timedelta(days=notice_days), 9))
    # 2026: the events demo's third-quarter meeting, announced late and without minutes.
    late = EventPage.objects.child_of(index).filter(slug=THIRD_QUARTER_SLUG).first()
    if late is not None:
        sent_on = timezone.localdate(late.start) - timedelta(days=LATE_NOTICE_DAYS)
        _notice(late, _at(sent_on, 9))
    say("meetings kept: 2025 two meetings with notices and minutes, 2026 one late notice")
