"""Public pages: the index (archive), an edition with its categories; bounded queries."""

from __future__ import annotations

import pytest

from portal.competition.models import EditionPage, Nomination

pytestmark = pytest.mark.django_db


def test_index_lists_editions(client, competition_index, edition, django_assert_max_num_queries):
    with django_assert_max_num_queries(40):
        response = client.get(competition_index.url)
    assert response.status_code == 200
    assert edition.title in response.content.decode()


def test_edition_page_shows_categories(client, edition, during, django_assert_max_num_queries):
    with django_assert_max_num_queries(40):
        response = client.get(edition.url)
    page = response.content.decode()
    assert response.status_code == 200
    assert "Biznes Prospołeczny" in page
    assert edition.url + "zglos/samorzad-prospoleczny/" in page


def test_closed_edition_shows_no_nomination_links(client, edition):
    page = client.get(edition.url).content.decode()
    assert "zglos/" not in page  # the 2031 window is in the future


def test_demo_competition(demo):
    editions = EditionPage.objects.filter(url_path__contains="/lider-es/").order_by("year")
    assert editions.count() >= 3
    current = editions.last()
    assert current.nomination_window().open
    states = set(Nomination.objects.filter(edition=current).values_list("status", flat=True))
    assert states == {"submitted", "accepted", "rejected"}
    assert all(e.categories.count() == 3 for e in editions)


def test_demo_jury(demo):
    from portal.competition.jury import ranking

    past = EditionPage.objects.filter(url_path__contains="/lider-es/", scoring_closed=True)
    assert past.count() >= 2
    for edition in past:
        rows = [row for group in ranking(edition) for row in group.rows]
        assert rows and all(row.mean is not None for row in rows)
