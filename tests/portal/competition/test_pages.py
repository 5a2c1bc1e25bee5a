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
    assert all(e.rules_document for e in editions)
    assert current.gala_event.live and current.gala_event.specific.start == current.gala_date


def test_demo_public_vote_of_last_year(client, demo):
    """Last year's edition had a public vote: confirmed votes count, unconfirmed ones do not,
    and the results page shows the counts apart from the jury's laureates."""
    from portal.competition.voting import vote_counts

    last = EditionPage.objects.filter(url_path__contains="/lider-es/").order_by("year")
    last = list(last)[-2]
    counts = vote_counts(last)
    assert [c.category for c in counts] == list(last.categories.all())
    for category in counts:
        assert category.rows and category.rows[0].votes == 14 and not category.has_ties
        confirmed = last.votes.filter(category=category.category, confirmed_at__isnull=False)
        assert (
            category.total
            == confirmed.count()
            < last.votes.filter(category=category.category).count()
        )
    html = client.get(last.url + "wyniki/").content.decode()
    vote = html.split('id="results-vote"')[1]
    assert "14" in vote and counts[0].rows[0].nomination.candidate_name in vote


def test_edition_page_links_its_rules_and_gala(client, demo):
    current = EditionPage.objects.filter(url_path__contains="/lider-es/").order_by("year").last()
    html = client.get(current.url).content.decode()
    assert f'href="{current.rules_document.url}"' in html
    assert f'href="{current.gala_event.url}"' in html


def test_demo_jury(demo):
    from portal.competition.jury import ranking

    past = EditionPage.objects.filter(url_path__contains="/lider-es/", scoring_closed=True)
    assert past.count() >= 2
    for edition in past:
        rows = [row for group in ranking(edition) for row in group.rows]
        assert rows and all(row.mean is not None for row in rows)


def test_english_edition_shows_and_collects_into_the_polish_one(client, edition, during):
    """The English translation shows the Polish edition's categories, and a nomination sent
    from it joins the Polish edition (one set of nominations for the jury)."""
    from wagtail.models import Locale

    from portal.competition.models import CompetitionIndexPage
    from tests.helpers.pdfs import letter

    english = Locale.objects.get(language_code="en")
    index = edition.get_parent().specific
    index_en = index.get_translation_or_none(english) or index.copy_for_translation(english)
    index_en.specific.save_revision().publish()
    edition_en = edition.copy_for_translation(english).specific
    edition_en.title = "Social Economy Leader 2031"
    edition_en.save_revision().publish()
    edition_en.refresh_from_db()
    assert isinstance(index_en.specific, CompetitionIndexPage)
    assert edition_en.data_edition.pk == edition.pk
    assert edition_en.url.startswith("/en/")
    response = client.get(edition_en.url)
    assert response.status_code == 200
    assert "zglos/przedsiebiorstwo-spoleczne/" in response.content.decode()
    response = client.post(
        edition_en.url + "zglos/przedsiebiorstwo-spoleczne/",
        {
            "candidate_name": "Spółdzielnia Socjalna Angielska",
            "justification": "…",
            "recommendation_letter": letter(),
            "nominator_name": "John Smith",
            "nominator_email": "john@example.org",
            "consent_data": "on",
            "consent_candidate": "on",
            "website": "",
        },
    )
    assert response.status_code == 303
    assert response["Location"] == edition_en.url
    nomination = Nomination.objects.get(candidate_name="Spółdzielnia Socjalna Angielska")
    assert nomination.edition_id == edition.pk
    assert nomination.category.edition_id == edition.pk
    assert not Nomination.objects.filter(edition=edition_en).exists()


def test_jury_lists_each_edition_once(demo):
    from portal.competition.views.jury import EditionPage as Editions

    years = list(Editions.originals().values_list("year", flat=True))
    assert len(years) == len(set(years))
