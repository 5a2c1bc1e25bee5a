"""The results: laureates, the results page (only once published), the "Lider ES" badges on the
PES and organisation profiles (computed, and right through the page cache), and the ROPS's
moderation of nominations in the Wagtail admin (who may, decisions, validation, queries)."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse
from django.utils.translation import gettext, override

from portal.competition import results
from portal.competition.jury import ensure_jury_group
from portal.competition.models import Award, EditionPage, Nomination
from portal.organisations import roles
from portal.organisations.models import OrganisationIndexPage
from tests.factories import (
    OrganisationFactory,
    PartnerFactory,
    PesUserFactory,
    UserFactory,
    nominate,
)

pytestmark = pytest.mark.django_db


def publish_results(edition, published: bool = True) -> EditionPage:
    page = EditionPage.objects.get(pk=edition.pk)
    page.results_published = published
    page.save_revision().publish()
    return EditionPage.objects.get(pk=edition.pk)


@pytest.fixture
def pes():
    return PartnerFactory(name="Spółdzielnia Socjalna Laur", listed_in_directory=True)


@pytest.fixture
def organisation():
    return OrganisationFactory(name="Gmina Laureatka", slug="gmina-laureatka")


@pytest.fixture
def laureates(edition, pes, organisation):
    samorzad, biznes, ps = list(edition.categories.all())[:3]
    return {
        "winner": nominate(
            edition, pes.name, category=ps, award=Award.WINNER, candidate_partner=pes
        ),
        "distinction": nominate(edition, "Druga PES", category=ps, award=Award.DISTINCTION),
        "org": nominate(
            edition,
            organisation.name,
            category=samorzad,
            award=Award.WINNER,
            candidate_organisation=organisation,
        ),
        "special": nominate(
            edition,
            "Firma Specjalna",
            category=biznes,
            award=Award.SPECIAL,
            award_name="Nagroda Marszałka Województwa",
        ),
        "plain": nominate(edition, "Bez nagrody", category=ps),
        # An award on a nomination that is not accepted never counts.
        "rejected": nominate(
            edition,
            "Odrzucona",
            category=ps,
            status=Nomination.Status.REJECTED,
            award=Award.WINNER,
        ),
    }


def organisation_url(organisation) -> str:
    index = OrganisationIndexPage.objects.live().first()
    return index.url + index.reverse_subpage("organisation", kwargs={"slug": organisation.slug})


# Laureates and the results page -----------------------------------------------------------------


def test_laureates_per_category(edition, laureates):
    samorzad, biznes, ps = list(edition.categories.all())[:3]
    groups = {group.category.pk: group for group in results.laureates(edition)}
    assert list(groups) == [c.pk for c in edition.categories.all()]
    assert groups[ps.pk].winners == [laureates["winner"]]
    assert groups[ps.pk].distinctions == [laureates["distinction"]]
    assert groups[samorzad.pk].winners == [laureates["org"]]
    assert groups[biznes.pk].special == [laureates["special"]]
    assert groups[biznes.pk].special[0].award_name == "Nagroda Marszałka Województwa"
    everyone = [n for g in groups.values() for n in (*g.winners, *g.distinctions, *g.special)]
    assert laureates["plain"] not in everyone and laureates["rejected"] not in everyone


def test_results_page_only_once_published(client, edition, laureates, pes, organisation):
    url = results.results_url(edition)
    assert url.endswith("/wyniki/")
    assert client.get(url).status_code == 404
    assert "results_url" not in client.get(edition.url).context
    edition = publish_results(edition)
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert reverse("directory:detail", kwargs={"code": pes.code}) in html
    assert organisation_url(organisation) in html
    assert "Nagroda Marszałka Województwa" in html
    assert "Odrzucona" not in html and "Bez nagrody" not in html
    assert response.context["vote_results"] is None  # no public vote in this edition
    # The edition page links to the results; the archive links past editions' results.
    page = client.get(edition.url)
    assert page.context["results_url"] == url
    assert url in page.content.decode()


def test_badge_labels_translated():
    with override("pl"):
        assert results.badge_label(2025, Award.WINNER) == gettext("Lider ES %(year)s") % {
            "year": 2025
        }


# Badges on the profiles, through the anonymous page cache --------------------------------------


def test_badges_follow_publication_through_the_page_cache(
    client, edition, laureates, pes, organisation
):
    pes_url = reverse("directory:detail", kwargs={"code": pes.code})
    org_url = organisation_url(organisation)
    results_url = results.results_url(edition)
    for url in (pes_url, org_url):
        response = client.get(url)
        assert response.status_code == 200
        assert results_url not in response.content.decode()
    assert client.get(pes_url)["X-Page-Cache"] == "hit"  # visitors get the cached copy

    edition = publish_results(edition)
    for url in (pes_url, org_url):
        response = client.get(url)
        assert results_url in response.content.decode()
    assert results.lider_badges_for_partner(pes) == [
        {
            "year": 2031,
            "award": Award.WINNER,
            "award_name": "",
            "label": results.badge_label(2031, Award.WINNER),
            "url": results_url,
        }
    ]
    assert client.get(pes_url)["X-Page-Cache"] == "hit"

    edition = publish_results(edition, False)
    for url in (pes_url, org_url):
        assert results_url not in client.get(url).content.decode()

    # Unpublishing the edition itself takes the badges away as well.
    edition = publish_results(edition)
    assert results_url in client.get(pes_url).content.decode()
    edition.unpublish()
    assert results.lider_badges_for_partner(pes) == []
    assert results_url not in client.get(pes_url).content.decode()


def test_badge_not_for_other_holders(edition, laureates):
    publish_results(edition)
    assert results.lider_badges_for_partner(PartnerFactory()) == []
    assert results.lider_badges_for_organisation(OrganisationFactory()) == []


# The Wagtail admin: who may moderate -----------------------------------------------------------


def make_user(who: str, edition):
    if who == "anonymous":
        return None
    if who == "superuser":
        return UserFactory(is_superuser=True, is_staff=True)
    if who == "pes_staff":
        return PesUserFactory()
    user = UserFactory()
    if who == "owes_editor":
        user.organisation = OrganisationFactory()
        user.save()
        user.groups.add(Group.objects.get(name=roles.OWES_EDITORS))
    elif who == "rops_moderator":
        user.groups.add(Group.objects.get(name=roles.ROPS_MODERATORS))
    elif who == "juror":
        user.groups.add(ensure_jury_group(edition))
    return user


MATRIX = [
    ("anonymous", False),
    ("buyer", False),
    ("owes_editor", False),
    ("juror", False),
    ("pes_staff", False),
    ("rops_moderator", True),
    ("superuser", True),
]


@pytest.mark.parametrize(("who", "allowed"), MATRIX)
def test_admin_nomination_views_permission_matrix(client, edition, who, allowed):
    nomination = nominate(edition, "Kandydat Macierzy", status=Nomination.Status.SUBMITTED)
    user = make_user(who, edition)
    if user is not None:
        client.force_login(user)
    index = client.get(reverse("competition_nominations:index"))
    edit_url = reverse("competition_nominations:edit", args=[nomination.pk])
    edit = client.get(edit_url)
    post = client.post(edit_url, {"status": "accepted", "decision_reason": "", "award": ""})
    if allowed:
        assert index.status_code == 200
        assert edit.status_code == 200
        assert reverse("competition_letter", args=[nomination.pk]) in edit.content.decode()
        assert post.status_code == 302
        nomination.refresh_from_db()
        assert nomination.status == Nomination.Status.ACCEPTED
    else:
        for response in (index, edit, post):
            assert response.status_code in (302, 403)
        nomination.refresh_from_db()
        assert nomination.status == Nomination.Status.SUBMITTED
        assert mail.outbox == []
    # Nobody adds or deletes nominations here (they come from the public form).
    assert client.get(reverse("competition_nominations:add")).status_code in (302, 403)
    delete_url = reverse("competition_nominations:delete", args=[nomination.pk])
    assert client.post(delete_url).status_code in (302, 403)
    assert Nomination.objects.filter(pk=nomination.pk).exists()


@pytest.mark.parametrize(("who", "allowed"), [("owes_editor", False), ("rops_moderator", True)])
def test_competition_pages_edited_by_the_rops_only(client, edition, who, allowed):
    client.force_login(make_user(who, edition))
    for page in (edition, edition.get_parent()):
        response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        assert (response.status_code == 200) is allowed
        if not allowed:
            assert response.status_code in (302, 403)
    index = edition.get_parent()
    add = reverse("wagtailadmin_pages:add", args=["competition", "editionpage", index.pk])
    assert (client.get(add).status_code == 200) is allowed


# The Wagtail admin: decisions and awards ------------------------------------------------------


@pytest.fixture
def moderator(client, edition):
    user = make_user("rops_moderator", edition)
    client.force_login(user)
    return user


def edit(client, nomination, **data):
    fields = {"status": nomination.status, "decision_reason": "", "award": "", "award_name": ""}
    return client.post(
        reverse("competition_nominations:edit", args=[nomination.pk]), {**fields, **data}
    )


def test_decision_emails_the_nominator(client, edition, moderator):
    nomination = nominate(edition, "Kandydat", status=Nomination.Status.SUBMITTED)
    assert (
        edit(client, nomination, status="rejected", decision_reason="Spoza regionu").status_code
        == 302
    )
    nomination.refresh_from_db()
    assert nomination.status == Nomination.Status.REJECTED
    assert nomination.decision_reason == "Spoza regionu"
    assert nomination.decided_by == moderator
    assert [m.to for m in mail.outbox] == [["anna@example.org"]]
    # Saving again without changing the status sends nothing more.
    assert edit(client, nomination, decision_reason="Spoza województwa").status_code == 302
    assert len(mail.outbox) == 1


def test_reject_without_reason_refused(client, edition, moderator):
    nomination = nominate(edition, "Kandydat", status=Nomination.Status.SUBMITTED)
    response = edit(client, nomination, status="rejected", decision_reason="  ")
    assert response.status_code == 200
    codes = [e.code for e in response.context["form"].errors.as_data()["decision_reason"]]
    assert codes == ["reason_required"]
    nomination.refresh_from_db()
    assert nomination.status == Nomination.Status.SUBMITTED
    assert nomination.decided_at is None
    assert mail.outbox == []


@pytest.mark.parametrize(
    ("status", "data", "field", "code"),
    [
        ("submitted", {"award": "winner"}, "award", "award_needs_acceptance"),
        ("accepted", {"award": "special"}, "award_name", "award_name_required"),
        ("accepted", {"status": "submitted"}, "status", "already_decided"),
    ],
)
def test_award_validation(client, edition, moderator, status, data, field, code):
    nomination = nominate(edition, "Kandydat", status=status)
    response = edit(client, nomination, **data)
    assert response.status_code == 200
    assert [e.code for e in response.context["form"].errors.as_data()[field]] == [code]
    nomination.refresh_from_db()
    assert (nomination.status, nomination.award) == (status, "")


def test_award_marked_in_the_admin(client, edition, moderator, pes):
    nomination = nominate(edition, pes.name, candidate_partner=pes)
    response = edit(client, nomination, award="special", award_name="Nagroda Marszałka")
    assert response.status_code == 302
    nomination.refresh_from_db()
    assert (nomination.award, nomination.award_name) == ("special", "Nagroda Marszałka")
    assert mail.outbox == []  # no status change, no e-mail


# Query counts ---------------------------------------------------------------------------------


def test_query_counts_do_not_grow(
    client, edition, laureates, pes, organisation, django_assert_max_num_queries
):
    edition = publish_results(edition)
    ps = list(edition.categories.all())[2]
    for i in range(8):
        nominate(
            edition,
            f"Wyróżniona {i}",
            category=ps,
            award=Award.DISTINCTION,
            candidate_partner=PartnerFactory(),
        )
    client.get("/")  # warm the site's one-off look-ups
    with django_assert_max_num_queries(20):
        assert client.get(results.results_url(edition)).status_code == 200
    with django_assert_max_num_queries(12):
        response = client.get(reverse("directory:detail", kwargs={"code": pes.code}))
        assert results.results_url(edition) in response.content.decode()
    client.force_login(make_user("rops_moderator", edition))
    with django_assert_max_num_queries(22):
        assert client.get(reverse("competition_nominations:index")).status_code == 200


def test_admin_list_search_and_filters(client, edition, moderator, laureates):
    index = reverse("competition_nominations:index")
    response = client.get(index, {"q": "Marszałka"})
    assert response.status_code == 200
    response = client.get(index, {"q": "Firma Specjalna"})
    assert [n.pk for n in response.context["object_list"]] == [laureates["special"].pk]
    response = client.get(index, {"edition": edition.pk, "award": "winner", "status": "accepted"})
    assert {n.pk for n in response.context["object_list"]} == {
        laureates["winner"].pk,
        laureates["org"].pk,
    }
    response = client.get(
        index, {"q": "anna@example.org", "category": laureates["plain"].category_id}
    )
    assert laureates["plain"] in response.context["object_list"]
