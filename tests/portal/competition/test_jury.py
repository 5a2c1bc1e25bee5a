"""The jury: group per edition, scoring only accepted nominations, isolation until the scoring
is closed, conflicts of interest, and the computed ranking with ties."""

from __future__ import annotations

from fractions import Fraction

import pytest
from django.contrib.auth.models import Group

from portal.competition import jury
from portal.competition.models import EditionPage, JuryScore, Nomination
from tests.factories import UserFactory, nominate

pytestmark = pytest.mark.django_db


@pytest.fixture
def jurors(edition):
    group = Group.objects.get(name="Jury Lider ES 2031")
    first, second = UserFactory(), UserFactory()
    for user in (first, second):
        user.groups.add(group)
    return first, second


def marks(edition, *values):
    return dict(zip([c.pk for c in edition.criteria.all()], values, strict=True))


def close(edition):
    EditionPage.objects.filter(pk=edition.pk).update(scoring_closed=True)
    edition.refresh_from_db()


def score_url(nomination):
    return f"/admin/jury-lider-es/ocena/{nomination.pk}/"


def test_group_and_default_criteria(edition):
    group = Group.objects.get(name="Jury Lider ES 2031")
    assert group.permissions.filter(codename="access_admin").exists()
    assert edition.criteria.count() == 3


def test_juror_scores_in_the_admin(client, edition, jurors):
    nomination = nominate(edition, "Gmina A")
    first, _second = jurors
    client.force_login(first)
    assert client.get("/admin/jury-lider-es/").status_code == 200
    page = client.get(f"/admin/jury-lider-es/{edition.pk}/").content.decode()
    assert "Gmina A" in page
    data = {f"criterion_{pk}": value for pk, value in marks(edition, 7, 8, 9).items()}
    response = client.post(score_url(nomination), {**data, "comment": "Dobra praktyka"})
    assert response.status_code == 302
    score = JuryScore.objects.get(nomination=nomination, juror=first)
    assert sorted(m.value for m in score.marks.all()) == [7, 8, 9]
    bad = {**data, f"criterion_{edition.criteria.first().pk}": "11"}
    assert client.post(score_url(nomination), bad).status_code == 200
    assert sorted(m.value for m in score.marks.all()) == [7, 8, 9]


def test_only_accepted_nominations_and_only_jurors(client, edition, jurors):
    submitted = nominate(edition, "Zgłoszona", status=Nomination.Status.SUBMITTED)
    accepted = nominate(edition, "Przyjęta")
    with pytest.raises(jury.JuryError):
        jury.save_score(submitted, jurors[0], marks(edition, 5, 5, 5), "")
    outsider = UserFactory(is_staff=True)
    with pytest.raises(jury.JuryError):
        jury.save_score(accepted, outsider, marks(edition, 5, 5, 5), "")
    client.force_login(jurors[0])
    assert client.get(score_url(submitted)).status_code in (302, 403)
    client.force_login(outsider)
    assert client.get(score_url(accepted)).status_code in (302, 403)
    assert not JuryScore.objects.filter(nomination__edition=edition).exists()


def test_no_juror_sees_others_until_scoring_closed(client, edition, jurors):
    nomination = nominate(edition, "Gmina B")
    first, second = jurors
    jury.save_score(nomination, first, marks(edition, 9, 9, 9), "Sekret pierwszego")
    client.force_login(second)
    page = client.get(score_url(nomination)).content.decode()
    assert "Sekret pierwszego" not in page
    assert client.get(f"/admin/jury-lider-es/{edition.pk}/ranking/").context["ranking"] is None
    close(edition)
    page = client.get(score_url(nomination)).content.decode()
    assert "Sekret pierwszego" in page
    with pytest.raises(jury.JuryError):  # closed: no more scoring
        jury.save_score(nomination, second, marks(edition, 1, 1, 1), "")


def test_conflict_blocks_scoring_and_withdraws_score(client, edition, jurors):
    nomination = nominate(edition, "Firma C")
    first, _second = jurors
    jury.save_score(nomination, first, marks(edition, 5, 5, 5), "")
    client.force_login(first)
    response = client.post(score_url(nomination) + "konflikt/", {"reason": "Członek zarządu"})
    assert response.status_code == 302
    assert not JuryScore.objects.filter(nomination=nomination, juror=first).exists()
    with pytest.raises(jury.JuryError):
        jury.save_score(nomination, first, marks(edition, 5, 5, 5), "")
    data = {f"criterion_{pk}": value for pk, value in marks(edition, 5, 5, 5).items()}
    assert client.post(score_url(nomination), data).status_code in (302, 403)
    assert not JuryScore.objects.filter(nomination=nomination, juror=first).exists()


def test_ranking_mean_of_juror_means_with_ties(client, edition, jurors):
    first, second = jurors
    category = edition.categories.first()
    a = nominate(edition, "A", category=category)
    b = nominate(edition, "B", category=category)
    c = nominate(edition, "C", category=category)
    d = nominate(edition, "D (bez ocen)", category=category)
    jury.save_score(a, first, marks(edition, 6, 7, 8), "")  # 7
    jury.save_score(a, second, marks(edition, 9, 9, 9), "")  # 9 → 8
    jury.save_score(b, first, marks(edition, 8, 8, 8), "")  # 8
    jury.save_score(c, first, marks(edition, 10, 10, 1), "")  # 7
    groups = {g.category.pk: g for g in jury.ranking(edition)}
    rows = groups[category.pk].rows
    assert [(r.nomination.candidate_name, r.rank, r.tied) for r in rows] == [
        ("A", 1, True),
        ("B", 1, True),
        ("C", 3, False),
        ("D (bez ocen)", 4, False),
    ]
    assert rows[0].mean == Fraction(8)
    assert rows[3].mean is None
    assert d.pk == rows[3].nomination.pk
    close(edition)
    client.force_login(first)
    page = client.get(f"/admin/jury-lider-es/{edition.pk}/ranking/").content.decode()
    assert page.count('class="ranking-row"') == 4


@pytest.mark.parametrize("nominations", [2, 12])
def test_jury_pages_query_count_does_not_grow(
    client, edition, jurors, nominations, django_assert_max_num_queries
):
    """The list, the score form and the ranking: a fixed number of queries however many
    nominations and scores there are (no N+1)."""
    created = [nominate(edition, f"Gmina {n}") for n in range(nominations)]
    first, second = jurors
    for nomination in created:
        for juror in (first, second):
            jury.save_score(nomination, juror, marks(edition, 6, 7, 8), "")
    client.force_login(first)
    with django_assert_max_num_queries(30):
        assert client.get(f"/admin/jury-lider-es/{edition.pk}/").status_code == 200
    with django_assert_max_num_queries(30):
        assert client.get(score_url(created[0])).status_code == 200
    close(edition)
    with django_assert_max_num_queries(30):
        assert client.get(score_url(created[0])).status_code == 200
    with django_assert_max_num_queries(30):
        assert client.get(f"/admin/jury-lider-es/{edition.pk}/ranking/").status_code == 200
