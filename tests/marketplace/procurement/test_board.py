"""The public notice board: filters, disjunctive facet counts, order, the phase at the deadline
in Warsaw time, non-public notices, bad parameters, query budget and the page cache."""

from __future__ import annotations

from dataclasses import replace
from datetime import time, timedelta

import pytest
from django.http import QueryDict
from django.test import override_settings
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from marketplace.procurement import board
from tests.factories import NoticeFactory
from tests.factories.notice_board import BOARD_SCOPE, build_board
from tests.helpers.clock import clock, local


@pytest.fixture
def world(demo):
    return build_board()


def _subjects(client, params: str) -> list[str]:
    response = client.get(f"/zamowienia/?{params}")
    assert response.status_code == 200
    page_obj = response.context["page_obj"]
    assert not page_obj.has_next()
    return [notice.subject for notice in response.context["notices"]]


SOON, LATER, CLOSED = "Obiady dla przedszkola", "Sprzątanie urzędu", "Catering na konferencję"
AWARDED, CANCELLED = "Paczki świąteczne", "Remont świetlicy"


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ("", {SOON, LATER, CLOSED, AWARDED, CANCELLED}),
        ("powiat=zp-p2", {LATER, CLOSED, CANCELLED}),
        ("activity=zp-catering", {SOON, CLOSED, AWARDED}),
        ("activity=zp-catering&activity=zp-sprzatanie", {SOON, LATER, CLOSED, AWARDED, CANCELLED}),
        ("kind=reserved", {LATER}),
        ("kind=reserved&kind=social_clauses", {LATER, CLOSED}),
        ("phase=open", {SOON, LATER}),
        ("phase=closed", {CLOSED}),
        ("phase=awarded", {AWARDED}),
        ("phase=cancelled", {CANCELLED}),
        ("phase=open&phase=cancelled", {SOON, LATER, CANCELLED}),
        ("phase=open&activity=zp-catering", {SOON}),
        ("powiat=zp-p1&kind=quotation&phase=awarded", {AWARDED}),
    ],
)
def test_filters_alone_and_combined(client, world, params, expected):
    scope = "" if params.startswith("powiat=") else f"{BOARD_SCOPE}&"
    assert set(_subjects(client, scope + params)) == expected


def test_open_first_by_nearest_deadline_then_newest(client, world):
    assert _subjects(client, BOARD_SCOPE) == [SOON, LATER, CANCELLED, CLOSED, AWARDED]


def test_non_public_notices_never_show_on_the_board(client, world):
    subjects = _subjects(client, f"{BOARD_SCOPE}&activity=zp-catering")
    for notice in world.hidden:
        assert notice.subject not in subjects
        assert client.get(f"/zamowienia/{notice.pk}/").status_code == 404
    counts = board.facet_counts(board.parse_query(QueryDict(BOARD_SCOPE)), timezone.now())
    assert sum(counts["phase"].values()) == 5


@pytest.mark.parametrize(
    "query_string",
    [
        BOARD_SCOPE,
        f"{BOARD_SCOPE}&activity=zp-catering",
        f"{BOARD_SCOPE}&phase=open&kind=reserved",
        "powiat=zp-p2&phase=closed&phase=cancelled",
        "activity=zp-sprzatanie&kind=quotation",
    ],
)
def test_facet_counts_equal_the_rows_behind_them(world, query_string):
    """A value's count is what choosing it alone in its facet (the others kept) returns."""
    now = timezone.now()
    query = board.parse_query(QueryDict(query_string))
    counts = board.facet_counts(query, now)
    checked = 0
    for facet, values in counts.items():
        for value, count in values.items():
            rows = board.filter_notices(replace(query, **{facet: (value,)}), now=now).count()
            assert rows == count, (facet, value)
            checked += 1
    assert checked >= 4


def test_the_page_shows_the_counts_and_labels(client, world):
    response = client.get(f"/zamowienia/?{BOARD_SCOPE}&activity=zp-catering")
    facets = {facet.name: facet for facet in response.context["facets"]}
    phases = {value.value: value.count for value in facets["phase"].values}
    assert phases == {"open": 1, "closed": 1, "awarded": 1}
    activities = {value.label: value.count for value in facets["activity"].values}
    assert activities == {"Katering": 3, "Sprzątanie": 2}
    html = response.content.decode()
    assert "Znaleziono 3 ogłoszenia" in html
    for label in ("otwarte na oferty", "zamknięte, czeka na rozstrzygnięcie", "rozstrzygnięte"):
        assert label in html
    assert "Etap" in html and "Rodzaj ogłoszenia" in html


def test_a_row_shows_what_a_pes_needs(client, world):
    html = client.get(f"/zamowienia/?{BOARD_SCOPE}").content.decode()
    assert world.later.reference in html
    assert "Gmina Zamówieniowo" in html
    assert "art. 94" in html
    assert "Pierwszowo" in html and "Katering" in html
    assert "12" in html and "000,00" in html  # the estimated value, Polish formatting
    deadline = timezone.localtime(world.soon.deadline)
    assert deadline.strftime("%H:%M") in html


def test_english_board_labels_fields_in_english(client, world):
    html = client.get(f"/en/procurement/?{BOARD_SCOPE}").content.decode()
    assert "Catering" in html and "Cleaning" in html


def test_phase_flips_at_the_deadline_in_warsaw_time(client, demo):
    """A notice due at 12:00 Warsaw time is open at 11:59 and closed at 12:00 that day, both
    in the facet counts and the rows."""
    world = build_board()
    due = local(3, 12, 0)
    NoticeFactory(subject="Na styk", deadline=due, powiats=[world.p1])
    scope = "powiat=zp-p1&phase=open"
    with clock(due.date(), time(11, 59)):
        assert "Na styk" in _subjects(client, scope)
    with clock(due.date(), time(12, 0)):
        response = client.get(f"/zamowienia/?{scope}")
        assert "Na styk" not in [n.subject for n in response.context["notices"]]
        closed = _subjects(client, "powiat=zp-p1&phase=closed")
        assert "Na styk" in closed
    # The same instant seen from UTC: the deadline is stored as an aware time.
    assert timezone.localtime(due).hour == 12


def test_bad_input_is_ignored_and_explained(client, world):
    response = client.get("/zamowienia/?powiat=nowhere&phase=eternal&kind=<script>")
    assert response.status_code == 200
    assert response.context["query"].dropped == ("kind", "phase", "powiat")
    assert "<script>" not in response.content.decode()
    assert "nieznane" in response.content.decode() or "unknown" in response.content.decode()


@pytest.mark.parametrize(
    "params",
    [
        "page=10000",
        "page=abc",
        "page=-1",
        "powiat=" + "ż" * 5000,
        "phase=%00",
        "activity=%00%25_&kind=",
        "powiat=" + "&powiat=".join(str(n) for n in range(500)),
    ],
)
def test_bad_parameters_give_normal_answers(client, world, params):
    assert client.get(f"/zamowienia/?{params}").status_code == 200
    assert client.get(f"/api/notices/?{params}").status_code == 200
    assert client.get(f"/zamowienia/rss/?{params}").status_code == 200
    assert client.get(f"/zamowienia/terminy.ics?{params}").status_code == 200


NAMES = ("powiat", "activity", "kind", "phase", "page", "x")


def _values() -> st.SearchStrategy[str]:
    return st.one_of(
        st.sampled_from(["open", "zp-p1", "reserved", "zp-catering", "\x00", "9" * 40]),
        st.text(max_size=60),
        st.integers(min_value=-(2**70), max_value=2**70).map(str),
    )


@settings(
    max_examples=15,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(query=st.dictionaries(st.sampled_from(NAMES), st.lists(_values(), max_size=3), max_size=5))
def test_hypothesis_over_the_query_string(client, world, query):
    for url in ("/zamowienia/", "/api/notices/", "/zamowienia/atom/"):
        response = client.get(url, query)
        assert response.status_code == 200, (url, query)


def test_board_query_count_is_bounded(client, world, django_assert_max_num_queries):
    """Constant in the number of notices: parsing, four facet counts, the facet labels, the
    clause library link, the page and its prefetches (the site header is warmed first)."""
    for n in range(25):
        NoticeFactory(
            subject=f"Dodatkowe {n}", activity_fields=[world.catering], powiats=[world.p1]
        )
    client.get("/zamowienia/?page=2")
    with django_assert_max_num_queries(16):
        assert client.get("/zamowienia/").status_code == 200
    with django_assert_max_num_queries(16):
        response = client.get(f"/zamowienia/?{BOARD_SCOPE}&activity=zp-catering&phase=open")
        assert response.status_code == 200
    assert len(response.context["notices"]) == 20


@override_settings(PAGE_CACHE_SECONDS=600)
def test_board_is_cached_only_while_no_deadline_falls_within_the_cache_lifetime(
    client, demo, django_capture_on_commit_callbacks
):
    """A stored copy lives PAGE_CACHE_SECONDS: with a deadline sooner, the page is not kept, so
    it can never say "open" after the deadline."""
    world = build_board()
    first = client.get("/zamowienia/")
    assert first["X-Page-Cache"] == "miss"
    assert "csrfmiddlewaretoken" not in first.content.decode()
    assert client.get("/zamowienia/")["X-Page-Cache"] == "hit"
    # a save empties the cache; a deadline five minutes ahead keeps the page out of it
    with django_capture_on_commit_callbacks(execute=True):
        NoticeFactory(deadline=timezone.now() + timedelta(minutes=5), powiats=[world.p1])
    response = client.get("/zamowienia/")
    assert "X-Page-Cache" not in response, (response["X-Page-Cache"], response["Cache-Control"])
    assert "no-cache" in response["Cache-Control"]
    assert "X-Page-Cache" not in client.get("/zamowienia/")


def test_board_cache_is_emptied_by_notice_changes(
    client, world, django_capture_on_commit_callbacks
):
    client.get(f"/zamowienia/?{BOARD_SCOPE}")
    assert client.get(f"/zamowienia/?{BOARD_SCOPE}")["X-Page-Cache"] == "hit"
    world.soon.subject = "Obiady dla żłobka"
    with django_capture_on_commit_callbacks(execute=True):
        world.soon.save()
    response = client.get(f"/zamowienia/?{BOARD_SCOPE}")
    assert response["X-Page-Cache"] == "miss"
    assert "Obiady dla żłobka" in response.content.decode()
    assert client.get(f"/zamowienia/?{BOARD_SCOPE}")["X-Page-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        world.soon.powiats.add(world.p2)  # a many-to-many change too
    assert client.get(f"/zamowienia/?{BOARD_SCOPE}")["X-Page-Cache"] == "miss"


def test_board_links_its_feeds_for_the_same_filters(client, world):
    html = client.get("/zamowienia/?powiat=zp-p1&phase=open&page=1").content.decode()
    assert 'rel="alternate" type="application/rss+xml"' in html
    assert 'href="/zamowienia/rss/?powiat=zp-p1&amp;phase=open"' in html
    assert 'href="/zamowienia/atom/?powiat=zp-p1&amp;phase=open"' in html
    assert 'href="/zamowienia/terminy.ics?powiat=zp-p1&amp;phase=open"' in html
