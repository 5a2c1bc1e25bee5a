"""Meetings kept: the two ROPS–OWES meetings a year, their 14-day notices (Warsaw days) and
minutes; the admin page (ROPS and RKRES members) and the ROPS's warning on the admin home."""

from __future__ import annotations

from datetime import date, time

import pytest
from django.urls import reverse
from django.utils import timezone

from portal.demo.publishing import document
from portal.events.meetings import NoticeState, meetings_kept
from portal.events.models import EventKind, MeetingNotice
from tests.factories.selfevaluation import person
from tests.helpers.clock import clock, warsaw
from tests.helpers.html import VNU, nu_errors

pytestmark = pytest.mark.django_db

# A year no demo meeting falls in.
YEAR = 2033


@pytest.fixture
def meeting(make_event):
    """A networking meeting on a given Warsaw day (10:00–14:00), optionally announced."""

    def make(slug: str, day: date, notice_at=None, **fields):
        page = make_event(
            slug, start=warsaw(day.year, day.month, day.day, 10), hours=4,
            kind=EventKind.NETWORKING, **fields,
        )  # fmt: skip
        if notice_at is not None:
            MeetingNotice.objects.create(event=page, sent_at=notice_at, recipients=3)
        return page

    return make


@pytest.mark.parametrize(
    ("sent", "state", "days"),
    [
        # the meeting starts on 15 March 2033 at 10:00 in Warsaw
        (warsaw(YEAR, 3, 1, 23, 30), NoticeState.ON_TIME, 14),  # 22:30 UTC, 1 March
        (warsaw(YEAR, 3, 2, 0, 30), NoticeState.LATE, 13),  # 23:30 UTC, still 1 March
        (warsaw(YEAR, 2, 20, 9), NoticeState.ON_TIME, 23),
        (None, NoticeState.NOT_SENT, None),
    ],
)
def test_notice_at_the_14_day_edge_in_warsaw_days(meeting, sent, state, days):
    meeting("test-spotkanie-marzec", date(YEAR, 3, 15), notice_at=sent)
    (record,) = meetings_kept(YEAR, now=warsaw(YEAR, 6, 1, 12)).meetings
    assert (record.notice_state, record.notice_days) == (state, days)


def test_held_planned_and_the_rule(meeting):
    meeting("test-spotkanie-luty", date(YEAR, 2, 10))
    meeting("test-spotkanie-pazdziernik", date(YEAR, 10, 10))
    # before the first one ends: both planned, the rule is met on plan
    during = meetings_kept(YEAR, now=warsaw(YEAR, 2, 10, 13, 59))
    assert (during.held, during.planned, during.met) == (0, 2, True)
    after_first = meetings_kept(YEAR, now=warsaw(YEAR, 2, 10, 14, 1))
    assert (after_first.held, after_first.planned) == (1, 1)
    # once the year is over only held meetings count
    assert meetings_kept(YEAR, now=warsaw(YEAR + 1, 1, 2, 12)).met
    one = meetings_kept(YEAR + 1, now=warsaw(YEAR + 2, 1, 2, 12))
    assert (one.held, one.met) == (0, False)


def test_year_over_with_only_one_held_is_not_met(meeting):
    meeting("test-spotkanie-jedno", date(YEAR, 4, 10))
    compliance = meetings_kept(YEAR, now=warsaw(YEAR + 1, 1, 1, 0, 30))
    assert compliance.year_over and (compliance.held, compliance.met) == (1, False)


def test_translations_and_other_kinds_are_not_meetings(meeting, make_event, translate):
    page = meeting("test-spotkanie-tlumaczone", date(YEAR, 5, 5))
    english = translate(page, "test-meeting-translated", "A meeting")
    # the notice was sent from the English page: it is the same meeting's notice
    MeetingNotice.objects.create(event=english, sent_at=warsaw(YEAR, 4, 1, 9))
    make_event("test-warsztat", start=warsaw(YEAR, 5, 6, 10), kind=EventKind.WORKSHOP)
    make_event("test-rkres", start=warsaw(YEAR, 5, 7, 10), kind=EventKind.RKRES)
    (record,) = meetings_kept(YEAR, now=warsaw(YEAR, 6, 1, 12)).meetings
    assert record.page.pk == page.pk and record.notice_state == NoticeState.ON_TIME


def test_minutes_are_counted(meeting):
    meeting("test-z-protokolem", date(YEAR, 3, 3), minutes=document("Protokół testowy"))
    meeting("test-bez-protokolu", date(YEAR, 9, 3))
    compliance = meetings_kept(YEAR, now=warsaw(YEAR, 12, 1, 12))
    assert [m.has_minutes for m in compliance.meetings] == [True, False]
    assert compliance.with_minutes == 1


@pytest.mark.parametrize(
    ("today", "warned"),
    [(date(YEAR, 6, 30), False), (date(YEAR, 7, 1), True), (date(YEAR, 12, 31), True)],
)
def test_warning_from_1_july(meeting, today, warned):
    meeting("test-spotkanie-jedyne", date(YEAR, 3, 3))
    compliance = meetings_kept(YEAR, now=warsaw(today.year, today.month, today.day, 12))
    assert compliance.needs_warning(today) is warned
    # another year's compliance never warns about this one
    assert not meetings_kept(YEAR - 1).needs_warning(today)


def test_warning_turns_on_at_warsaw_midnight(meeting):
    meeting("test-spotkanie-polnoc", date(YEAR, 3, 3))
    # 00:30 on 1 July in Warsaw is still 30 June in UTC
    assert meetings_kept(YEAR, now=warsaw(YEAR, 7, 1, 0, 30)).needs_warning()
    assert not meetings_kept(YEAR, now=warsaw(YEAR, 6, 30, 23, 30)).needs_warning()


def test_two_planned_meetings_mean_no_warning(meeting):
    meeting("test-spotkanie-a", date(YEAR, 3, 3))
    meeting("test-spotkanie-b", date(YEAR, 11, 3))
    assert not meetings_kept(YEAR, now=warsaw(YEAR, 8, 1, 12)).needs_warning()


# role → (meetings page status, warning shown on the admin home)
MATRIX = {
    "anonymous": (302, None),
    "plain": (302, None),
    "owes": (302, False),
    "rkres": (200, False),
    "rops": (200, True),
}


@pytest.mark.parametrize("role", list(MATRIX))
def test_permission_matrix(client, meeting, owes_a, role):
    meeting("test-spotkanie-macierz", date(YEAR, 3, 3), notice_at=warsaw(YEAR, 2, 1, 9))
    status, warned = MATRIX[role]
    with clock(date(YEAR, 8, 1), time(12)):
        if role != "anonymous":
            client.force_login(person(role, owes_a if role == "owes" else None))
        page = client.get(reverse("events_meetings_kept"), {"year": YEAR})
        assert page.status_code == status
        if status == 200:
            body = page.content.decode()
            assert "Wydarzenie test-spotkanie-macierz" in body
        if warned is not None:
            home = client.get(reverse("wagtailadmin_home"))
            if home.status_code == 200:
                assert ('id="meetings-kept-warning' in home.content.decode()) is warned
            else:
                assert not warned


@pytest.mark.parametrize("year", ["", "abc", "99999", "-1"])
def test_bad_year_shows_this_year(client, year):
    client.force_login(person("rops"))
    assert client.get(reverse("events_meetings_kept"), {"year": year}).status_code == 200


def test_query_budget_does_not_grow(client, meeting, django_assert_max_num_queries):
    client.force_login(person("rops"))
    url = reverse("events_meetings_kept")
    for month in (1, 2):
        meeting(f"test-budzet-{month}", date(YEAR, month, 5), notice_at=warsaw(YEAR, 1, 1, 9))
    with django_assert_max_num_queries(20) as few:
        client.get(url, {"year": YEAR})
    for month in range(3, 9):
        meeting(
            f"test-budzet-{month}", date(YEAR, month, 5), notice_at=warsaw(YEAR, 1, 1, 9),
            minutes=document(f"Protokół {month}"),
        )  # fmt: skip
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(url, {"year": YEAR}).status_code == 200
    assert len(meetings_kept(YEAR).meetings) == 8


def test_demo_meetings_load_twice_without_changes(demo):
    from wagtail.models import Revision

    from portal.demo.meetings import THIRD_QUARTER_SLUG, load_meetings

    load_meetings(lambda message: None)
    counts = (MeetingNotice.objects.count(), Revision.objects.count())
    notices = list(MeetingNotice.objects.order_by("pk").values_list("event_id", "sent_at"))
    load_meetings(lambda message: None)
    assert (MeetingNotice.objects.count(), Revision.objects.count()) == counts
    assert list(MeetingNotice.objects.order_by("pk").values_list("event_id", "sent_at")) == notices

    kept_2025 = meetings_kept(2025)
    assert (kept_2025.held, kept_2025.met, kept_2025.notices_on_time) == (2, True, 2)
    assert kept_2025.with_minutes == 2
    assert all(m.page.minutes.file.read(5) == b"%PDF-" for m in kept_2025.meetings)
    third = next(
        m for m in meetings_kept(timezone.localdate().year).meetings
        if m.page.slug == THIRD_QUARTER_SLUG
    )  # fmt: skip
    assert third.held and third.notice_state == NoticeState.LATE and not third.has_minutes


@pytest.mark.skipif(not VNU.exists(), reason="vnu-jar missing: `make test` installs it")
def test_meetings_page_and_warning_are_valid_html(client, meeting, tmp_path):
    meeting("test-html-spotkanie", date(YEAR, 1, 15), notice_at=warsaw(YEAR, 1, 2, 9))
    meeting("test-html-z-protokolem", date(YEAR, 2, 15), minutes=document("Protokół HTML"))
    with clock(date(YEAR, 1, 20), time(12)):
        client.force_login(person("rops"))
        pages = {"meetings": client.get(reverse("events_meetings_kept"), {"year": YEAR}).content}
    with clock(date(YEAR + 1, 8, 1), time(12)):
        client.force_login(person("rops"))
        home = client.get(reverse("wagtailadmin_home")).content
        assert b'id="meetings-kept-warning' in home
        pages["admin home with the warning"] = home
    assert nu_errors(pages, tmp_path) == []
