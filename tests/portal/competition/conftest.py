"""Fixtures: the competition index and an edition whose nomination window is set per test."""

from __future__ import annotations

import pytest

from home.models import HomePage
from portal.competition.models import CompetitionIndexPage, EditionPage
from tests.helpers.clock import warsaw


@pytest.fixture
def competition_index(demo) -> CompetitionIndexPage:
    home = HomePage.objects.get(locale__language_code="pl")
    index = CompetitionIndexPage.objects.child_of(home).first()
    if index is None:
        index = CompetitionIndexPage(title="Lider Ekonomii Społecznej", slug="lider-es")
        home.add_child(instance=index)
        index.save_revision().publish()
    return index


@pytest.fixture
def edition(competition_index) -> EditionPage:
    """Edition 2031: nominations from 1 March 00:00 to 31 March 23:59 Warsaw time (CEST from
    the 29th), so the close is 21:59 UTC."""
    page = EditionPage(
        title="Lider Ekonomii Społecznej 2031",
        slug="2031",
        year=2031,
        nominations_open=warsaw(2031, 3, 1, 0, 0),
        nominations_close=warsaw(2031, 3, 31, 23, 59),
    )
    competition_index.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def during():
    """Patch the clock into the middle of the window."""
    from unittest import mock

    with mock.patch("django.utils.timezone.now", return_value=warsaw(2031, 3, 15, 12, 0)):
        yield
