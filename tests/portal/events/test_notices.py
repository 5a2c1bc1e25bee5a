"""`send_meeting_notices`: every member contact hears of a meeting once, 14 days ahead."""

from __future__ import annotations

from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from icalendar import Calendar

from portal.events.models import EventKind, MeetingNotice
from portal.events.notices import member_addresses
from portal.organisations.models import ConsortiumMember, Organisation


@pytest.fixture
def contacts(demo, owes_a) -> list[str]:
    """Demo consortium members have no e-mail: give one a contact (and one a duplicate)."""
    member = ConsortiumMember.objects.filter(organisation=owes_a).first()
    member.email = "czlonek@konsorcjum.example.org"
    member.save()
    other = ConsortiumMember.objects.exclude(pk=member.pk).first()
    other.email = owes_a.email.upper()  # the same inbox, written differently
    other.save()
    return member_addresses()


def run() -> str:
    out = StringIO()
    call_command("send_meeting_notices", stdout=out)
    return out.getvalue()


def test_addresses_of_every_member_organisation_once(contacts):
    expected = set(
        Organisation.objects.filter(kind__in=["rops", "owes"])
        .exclude(email="")
        .values_list("email", flat=True)
    ) | {"czlonek@konsorcjum.example.org"}
    assert {a.lower() for a in contacts} == {e.lower() for e in expected}
    assert len(contacts) == len(expected)


def test_meeting_is_announced_once_to_each_contact(contacts, make_event, translate):
    run()  # the demo's own meetings are announced first, so only ours count below
    mail.outbox.clear()
    meeting = make_event("test-siec-za-10-dni", days=10, kind=EventKind.NETWORKING)
    translate(meeting, "test-network-in-10-days", "Networking in 10 days")  # not twice
    rkres = make_event("test-rkres-za-14-dni", days=14, kind=EventKind.RKRES)
    make_event("test-siec-za-15-dni", days=15, kind=EventKind.NETWORKING)
    make_event("test-warsztat-za-5-dni", days=5, kind=EventKind.WORKSHOP)
    make_event("test-siec-wczoraj", days=-1, kind=EventKind.NETWORKING)

    assert "2 meeting(s)" in run()
    assert len(mail.outbox) == 2 * len(contacts)
    assert all(len(m.to) == 1 and not m.bcc and not m.cc for m in mail.outbox)
    assert {m.to[0] for m in mail.outbox} == set(contacts)
    assert {n.event_id for n in MeetingNotice.objects.all()} >= {meeting.pk, rkres.pk}
    assert MeetingNotice.objects.get(event=meeting).recipients == len(contacts)
    first = next(m for m in mail.outbox if meeting.title in m.subject)
    (vevent,) = Calendar.from_ical(first.attachments[0][1]).walk("VEVENT")
    assert vevent.decoded("dtstart") == meeting.start

    mail.outbox.clear()
    assert "0 meeting(s)" in run()
    assert mail.outbox == []


def test_unpublished_meetings_wait(contacts, make_event):
    meeting = make_event("test-siec-szkic", days=3, kind=EventKind.NETWORKING)
    meeting.unpublish()
    run()
    assert not MeetingNotice.objects.filter(event=meeting).exists()


def test_a_failing_mail_server_leaves_no_notice(contacts, make_event, monkeypatch):
    from django.core.mail.backends.locmem import EmailBackend

    def refuse(self, messages):
        raise ConnectionRefusedError("no SMTP server")

    monkeypatch.setattr(EmailBackend, "send_messages", refuse)
    meeting = make_event("test-siec-bez-poczty", days=3, kind=EventKind.NETWORKING)
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        run()
    assert not MeetingNotice.objects.filter(event=meeting).exists()


def test_window_is_in_local_days(make_event):
    """Start on today + 14 at 23:30 local time is due; tomorrow + 14 at 00:30 is not."""
    from portal.events.notices import due_meetings
    from tests.helpers.clock import local

    due = make_event("test-okno-koniec", start=local(14, 23, 30), kind=EventKind.RKRES)
    late = make_event("test-okno-za-pozno", start=local(15, 0, 30), kind=EventKind.RKRES)
    pks = {p.pk for p in due_meetings(timezone.now())}
    assert due.pk in pks and late.pk not in pks
    assert timezone.now() + timedelta(days=13) < due.start
