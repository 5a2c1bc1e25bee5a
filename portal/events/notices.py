"""Announce networking and RKRES meetings to every member organisation, once, 14 days ahead."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from portal.organisations.models import ConsortiumMember, Organisation
from portal.urls_absolute import page_url

from .ical import build_calendar
from .models import MEETING_KINDS, EventPage, MeetingNotice, notice_window_end


@dataclass
class NoticeReport:
    meetings: int = 0
    emails: int = 0
    failures: list[str] = field(default_factory=list)


def member_addresses() -> list[str]:
    """Contacts of the ROPS, every OWES and every consortium member; each address once."""
    addresses = list(
        Organisation.objects.filter(kind__in=[Organisation.Kind.ROPS, Organisation.Kind.OWES])
        .exclude(email="")
        .values_list("email", flat=True)
    )
    addresses += ConsortiumMember.objects.exclude(email="").values_list("email", flat=True)
    unique: dict[str, str] = {}
    for address in addresses:
        unique.setdefault(address.strip().lower(), address.strip())
    return sorted(unique.values(), key=str.lower)


def due_meetings(now: datetime | None = None) -> list[EventPage]:
    """Live meetings starting after now and on or before today + 14 days, not yet announced.

    One page per event: the default-language page when it is live, else its translation.
    """
    now = now or timezone.now()
    pages = (
        EventPage.objects.live()
        .filter(kind__in=MEETING_KINDS, start__gt=now, start__lt=notice_window_end(now))
        .exclude(
            translation_key__in=MeetingNotice.objects.values("event__translation_key"),
        )
        .select_related("locale", "organiser")
        .order_by("start", "pk")
    )
    chosen: dict[object, EventPage] = {}
    for page in pages:
        current = chosen.get(page.translation_key)
        if current is None or page.locale.language_code == settings.LANGUAGE_CODE:
            chosen[page.translation_key] = page
    return list(chosen.values())


def _message(page: EventPage, to: str, calendar: bytes) -> EmailMessage:
    subject = _("Meeting notice: %(title)s, %(date)s") % {
        "title": page.title,
        "date": timezone.localtime(page.start).strftime("%d.%m.%Y"),
    }
    body = render_to_string(
        "events/email/meeting_notice.txt", {"page": page, "page_url": page_url(page)}
    )
    message = EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [to])
    message.attach(f"{page.slug}.ics", calendar, "text/calendar")
    return message


def send_meeting_notices(now: datetime | None = None) -> NoticeReport:
    """E-mail each due meeting to every member contact (one message each, no shared list).

    The notice row is written in the same transaction as the sending, under a lock on the
    event: a failed send leaves no row (tomorrow's run tries again), and two runs at once
    cannot both announce the same meeting.
    """
    report = NoticeReport()
    recipients = member_addresses()
    if not recipients:
        return report
    connection = get_connection()
    with translation.override(settings.LANGUAGE_CODE):
        for page in due_meetings(now):
            try:
                with transaction.atomic():
                    EventPage.objects.select_for_update(of=("self",)).get(pk=page.pk)
                    announced = MeetingNotice.objects.filter(
                        event__translation_key=page.translation_key
                    )
                    if announced.exists():
                        continue
                    calendar = build_calendar([page])
                    sent = connection.send_messages(
                        [_message(page, address, calendar) for address in recipients]
                    )
                    MeetingNotice.objects.create(event=page, recipients=sent or 0)
            except Exception as error:  # noqa: BLE001  (one bad meeting must not stop the rest)
                report.failures.append(f"{page.title}: {error}")
                continue
            report.meetings += 1
            report.emails += sent or 0
    return report
