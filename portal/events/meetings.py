"""Meetings kept: did the ROPS hold its (at least) two ROPS–OWES networking meetings a year,
announce each 14 days ahead and file the minutes?

A meeting is a live networking `EventPage` in the default language (Polish): its translation is
the same meeting. Dates are compared as Europe/Warsaw calendar days, as the agreement reads.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

from django.conf import settings
from django.utils import timezone
from django.utils.translation import pgettext_lazy

from .models import NOTICE_DAYS, EventKind, EventPage, MeetingNotice

MINIMUM_MEETINGS = 2
# From this day of the year (Warsaw) the ROPS is warned when fewer meetings are held or planned.
WARNING_FROM = (7, 1)


class NoticeState:
    ON_TIME = "on_time"
    LATE = "late"
    NOT_SENT = "not_sent"

    LABELS = {
        ON_TIME: pgettext_lazy("meeting notice", "on time"),
        LATE: pgettext_lazy("meeting notice", "late"),
        NOT_SENT: pgettext_lazy("meeting notice", "not sent"),
    }


@dataclass(frozen=True)
class MeetingRecord:
    """One meeting as the compliance table shows it."""

    page: EventPage
    held: bool
    notice_sent_at: datetime | None
    has_minutes: bool

    @property
    def notice_days(self) -> int | None:
        """Whole Warsaw calendar days between the notice and the meeting's start."""
        if self.notice_sent_at is None:
            return None
        sent = timezone.localdate(self.notice_sent_at)
        return (timezone.localdate(self.page.start) - sent).days

    @property
    def notice_state(self) -> str:
        days = self.notice_days
        if days is None:
            return NoticeState.NOT_SENT
        return NoticeState.ON_TIME if days >= NOTICE_DAYS else NoticeState.LATE

    @property
    def notice_label(self) -> str:
        return str(NoticeState.LABELS[self.notice_state])


@dataclass(frozen=True)
class YearCompliance:
    """A year's ROPS–OWES meetings and whether the minimum of two is met."""

    year: int
    meetings: tuple[MeetingRecord, ...]
    today: date

    @property
    def held(self) -> int:
        return sum(1 for meeting in self.meetings if meeting.held)

    @property
    def planned(self) -> int:
        return sum(1 for meeting in self.meetings if not meeting.held)

    @property
    def year_over(self) -> bool:
        return self.today > date(self.year, 12, 31)

    @property
    def met(self) -> bool:
        """Two meetings held or planned; once the year is over, only held ones count."""
        counted = self.held if self.year_over else self.held + self.planned
        return counted >= MINIMUM_MEETINGS

    @property
    def notices_on_time(self) -> int:
        return sum(1 for m in self.meetings if m.notice_state == NoticeState.ON_TIME)

    @property
    def with_minutes(self) -> int:
        return sum(1 for m in self.meetings if m.has_minutes)

    def needs_warning(self, today: date | None = None) -> bool:
        """From 1 July of this year on, fewer than two meetings held or planned."""
        today = today or self.today
        if today.year != self.year or today < date(self.year, *WARNING_FROM):
            return False
        return self.held + self.planned < MINIMUM_MEETINGS


def _year_bounds(year: int) -> tuple[datetime, datetime]:
    start = timezone.make_aware(datetime.combine(date(year, 1, 1), time.min))
    end = timezone.make_aware(datetime.combine(date(year + 1, 1, 1), time.min))
    return start, end


def meeting_pages():
    """Live ROPS–OWES meetings in the default language (translations are the same meeting)."""
    return EventPage.objects.live().filter(
        kind=EventKind.NETWORKING, locale__language_code=settings.LANGUAGE_CODE
    )


def meetings_kept(year: int, now: datetime | None = None) -> YearCompliance:
    """The year's meetings, held or planned, with their notices and minutes (two queries)."""
    now = now or timezone.now()
    start, end = _year_bounds(year)
    pages = list(
        meeting_pages()
        .filter(start__gte=start, start__lt=end)
        .select_related("minutes")
        .order_by("start", "pk")
    )
    # The notice may have been sent from the Polish page or its translation.
    notices: dict[object, datetime] = {}
    if pages:
        for key, sent_at in MeetingNotice.objects.filter(
            event__translation_key__in=[page.translation_key for page in pages]
        ).values_list("event__translation_key", "sent_at"):
            if key not in notices or sent_at < notices[key]:
                notices[key] = sent_at
    records = tuple(
        MeetingRecord(
            page=page,
            held=page.end < now,
            notice_sent_at=notices.get(page.translation_key),
            has_minutes=page.minutes_id is not None,
        )
        for page in pages
    )
    return YearCompliance(year=year, meetings=records, today=timezone.localdate(now))


def years_with_meetings() -> list[int]:
    """Years (Warsaw) that have at least one ROPS–OWES meeting, newest first."""
    return sorted(
        {moment.year for moment in meeting_pages().datetimes("start", "year")}, reverse=True
    )
