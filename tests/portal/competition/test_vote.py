"""The public vote: the window in Europe/Warsaw, confirmation by e-mail, one confirmed vote per
category and address (whatever its letter case), only accepted nominations, counts only after
the close; bad input is an answer, never a server error; the pages are never cached."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from unittest import mock

import pytest
from django.core import mail
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext, override

from portal.competition import voting
from portal.competition.forms.votes import VoteForm
from portal.competition.models import EditionPage, Nomination, Vote
from tests.factories import nominate
from tests.helpers.clock import warsaw

pytestmark = pytest.mark.django_db

DURING = warsaw(2031, 6, 10, 12, 0)
AFTER = warsaw(2031, 6, 30, 12, 0)


@pytest.fixture(autouse=True)
def _only_this_tests_votes(demo_region, db) -> None:
    """The demo region holds last year's public vote; these tests count only their own
    (deleted inside the test's transaction, so the demo keeps them)."""
    Vote.objects.all().delete()


@pytest.fixture
def voting_edition(edition) -> EditionPage:
    """The vote runs from 1 June 00:00 to 20 June 23:59 Warsaw time (CEST: 22:00/21:59 UTC)."""
    EditionPage.objects.filter(pk=edition.pk).update(
        vote_start=warsaw(2031, 6, 1, 0, 0), vote_end=warsaw(2031, 6, 20, 23, 59)
    )
    edition.refresh_from_db()
    return edition


@pytest.fixture
def candidates(voting_edition):
    first, second = voting_edition.categories.all()[:2]
    return {
        "a": nominate(voting_edition, "Gmina A", category=first),
        "b": nominate(voting_edition, "Gmina B", category=first),
        "other": nominate(voting_edition, "Firma C", category=second),
    }


def clock(now):
    return mock.patch("django.utils.timezone.now", return_value=now)


def vote_url(edition, category) -> str:
    return edition.url + edition.reverse_subpage("vote", kwargs={"category_slug": category.slug})


def confirm_url(edition, token) -> str:
    return edition.url + edition.reverse_subpage("vote_confirm", kwargs={"token": token})


def data(candidate, **changes):
    values = {
        "nomination": str(candidate.pk),
        "email": "ala@example.org",
        "consent": "on",
        "website": "",
    }
    values.update(changes)
    return {key: value for key, value in values.items() if value is not None}


def cast(client, candidate, **changes):
    return client.post(vote_url(candidate.edition, candidate.category), data(candidate, **changes))


def token_from_mail(message) -> str:
    return re.search(r"/glosuj/potwierdz/([^/\s]+)/", message.body).group(1)


def confirmed(**filters) -> int:
    return Vote.objects.filter(confirmed_at__isnull=False, **filters).count()


# The window ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("now", "is_open"),
    [
        (datetime(2031, 5, 31, 21, 59, tzinfo=UTC), False),  # 23:59 on 31 May in Warsaw
        (datetime(2031, 5, 31, 22, 0, tzinfo=UTC), True),  # 00:00 on 1 June in Warsaw
        (datetime(2031, 6, 20, 21, 58, tzinfo=UTC), True),  # 23:58 in Warsaw
        (datetime(2031, 6, 20, 21, 59, tzinfo=UTC), False),  # 23:59: closed
        (datetime(2031, 6, 20, 22, 30, tzinfo=UTC), False),  # still 20 June in UTC
    ],
)
def test_window_in_warsaw_time(client, voting_edition, candidates, now, is_open):
    nomination = candidates["a"]
    with clock(now):
        state = voting.vote_window(voting_edition)
        assert state.open is is_open
        assert state.closed is (not is_open and now > DURING)
        response = client.get(vote_url(voting_edition, nomination.category))
        assert response.status_code == 200
        assert ('name="email"' in response.content.decode()) is is_open
        posted = cast(client, nomination)
    assert (posted.status_code == 303) is is_open
    assert Vote.objects.exists() is is_open
    assert len(mail.outbox) == (1 if is_open else 0)


def test_no_vote_without_both_dates(client, edition):
    state = voting.vote_window(edition)
    assert not state.held and not state.open
    category = edition.categories.first()
    assert client.get(vote_url(edition, category)).status_code == 200
    assert voting.vote_counts(edition) == []
    assert client.get(edition.url).status_code == 200


def test_pages_are_never_cached_and_get_never_writes(client, candidates):
    nomination = candidates["a"]
    edition = nomination.edition
    with clock(DURING):
        for _ in range(2):
            response = client.get(vote_url(edition, nomination.category))
            assert response.status_code == 200
            assert "no-cache" in response["Cache-Control"]
            assert "X-Page-Cache" not in response
        assert "no-cache" in cast(client, nomination)["Cache-Control"]
        token = token_from_mail(mail.outbox[0])
        response = client.get(confirm_url(edition, token))
        assert response.status_code == 200
        assert "no-cache" in response["Cache-Control"]
        assert 'method="post"' in response.content.decode()
    assert Vote.objects.count() == 1
    assert confirmed() == 0  # a GET of the link (a mail scanner, say) does not confirm


def test_unknown_category_is_404(client, voting_edition):
    with clock(DURING):
        assert client.get(voting_edition.url + "glosuj/nie-ma-takiej/").status_code == 404


def test_other_methods_are_refused(client, candidates):
    nomination = candidates["a"]
    with clock(DURING):
        response = client.put(vote_url(nomination.edition, nomination.category))
    assert response.status_code == 405


# Casting and confirming ---------------------------------------------------------------------
def test_cast_sends_mail_and_stores_pending_vote(client, candidates):
    nomination = candidates["a"]
    with clock(DURING):
        response = cast(client, nomination, email="Ala@Example.org")
    assert response.status_code == 303
    assert response["Location"] == nomination.edition.url
    vote = Vote.objects.get()
    assert vote.nomination == nomination and vote.category == nomination.category
    assert vote.confirmed_at is None
    assert vote.email_key == "ala@example.org"
    assert len(vote.token) >= 40
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["Ala@Example.org"]
    assert token_from_mail(mail.outbox[0]) == vote.token
    assert mail.outbox[0].body.count("http") == 1  # an absolute link


def test_confirm_counts_the_vote_and_twice_is_harmless(client, candidates):
    nomination = candidates["a"]
    edition = nomination.edition
    with clock(DURING):
        cast(client, nomination)
        token = token_from_mail(mail.outbox[0])
        response = client.post(confirm_url(edition, token))
        assert response.status_code == 303
        assert client.get(response["Location"]).status_code == 200
        again = client.post(confirm_url(edition, token))
        assert again.status_code == 303
        assert voting.confirm_vote(edition, token).code == "already_confirmed"
    assert confirmed() == 1


def test_same_address_refused_at_cast_and_at_confirm_whatever_the_case(client, candidates):
    first, second = candidates["a"], candidates["b"]
    edition = first.edition
    with clock(DURING):
        cast(client, first, email="ala@example.org")
        cast(client, second, email="ALA@example.ORG")  # pending, both allowed until confirmed
        assert Vote.objects.count() == 2
        tokens = [token_from_mail(message) for message in mail.outbox]
        assert client.post(confirm_url(edition, tokens[0])).status_code == 303
        # at confirmation: the second pending vote of the address is refused
        response = client.post(confirm_url(edition, tokens[1]))
        assert response.status_code == 409
        assert voting.confirm_vote(edition, tokens[1]).code == "already_voted"
        # at casting: a third vote of the address is refused, nothing stored, no mail
        response = cast(client, second, email="Ala@Example.Org")
        assert response.status_code == 200
        form = response.context["form"]
        assert form.errors.as_data()["email"][0].code == "already_voted"
        with pytest.raises(voting.VoteRefused) as refused:
            voting.cast_vote(edition, second.category, second, "ala@EXAMPLE.org")
        assert refused.value.code == "already_voted"
    assert Vote.objects.count() == 2
    assert len(mail.outbox) == 2
    assert confirmed(nomination=first) == 1 and confirmed(nomination=second) == 0


def test_constraint_is_the_last_word(candidates):
    first, second = candidates["a"], candidates["b"]
    edition = first.edition
    with clock(DURING):
        one, _ = voting.cast_vote(edition, first.category, first, "ola@example.org")
        two, _ = voting.cast_vote(edition, second.category, second, "Ola@example.org")
        assert voting.confirm_vote(edition, one.token).ok
        # a confirmation that slipped past the check still cannot count twice
        with mock.patch.object(voting, "has_confirmed_vote", return_value=False):
            outcome = voting.confirm_vote(edition, two.token)
        assert (outcome.ok, outcome.code) == (False, "already_voted")
        with pytest.raises(IntegrityError), transaction.atomic():
            Vote.objects.filter(pk=two.pk).update(confirmed_at=timezone.now())
    assert confirmed() == 1


def test_same_address_may_vote_in_another_category(client, candidates):
    edition = candidates["a"].edition
    with clock(DURING):
        cast(client, candidates["a"])
        cast(client, candidates["other"])
        for message in mail.outbox:
            assert client.post(confirm_url(edition, token_from_mail(message))).status_code == 303
    assert confirmed() == 2


def test_confirm_after_close_is_refused(client, candidates):
    nomination = candidates["a"]
    edition = nomination.edition
    with clock(DURING):
        cast(client, nomination)
    token = token_from_mail(mail.outbox[0])
    with clock(AFTER):
        assert client.get(confirm_url(edition, token)).status_code == 200
        response = client.post(confirm_url(edition, token))
        assert response.status_code == 409
        assert voting.confirm_vote(edition, token).code == "closed"
    assert confirmed() == 0


@pytest.mark.parametrize("status", [Nomination.Status.SUBMITTED, Nomination.Status.REJECTED])
def test_only_accepted_nominations_can_be_voted_for(client, candidates, status):
    edition = candidates["a"].edition
    other = nominate(edition, "Nie kandydat", status=status, category=candidates["a"].category)
    with clock(DURING):
        page = client.get(vote_url(edition, other.category)).content.decode()
        assert f'value="{other.pk}"' not in page
        assert f'value="{candidates["a"].pk}"' in page
        response = cast(client, other)
        assert response.status_code == 200
        errors = response.context["form"].errors.as_data()
        assert errors["nomination"][0].code == "invalid_choice"
        # nor through another category's form
        response = client.post(
            vote_url(edition, candidates["other"].category), data(candidates["a"])
        )
        assert response.context["form"].errors.as_data()["nomination"][0].code == "invalid_choice"
        with pytest.raises(voting.VoteRefused) as refused:
            voting.cast_vote(edition, other.category, other, "ala@example.org")
        assert refused.value.code == "not_candidate"
    assert not Vote.objects.exists()
    assert not mail.outbox


def test_nomination_rejected_after_casting_is_not_confirmed(client, candidates):
    nomination = candidates["a"]
    with clock(DURING):
        cast(client, nomination)
        Nomination.objects.filter(pk=nomination.pk).update(status=Nomination.Status.REJECTED)
        outcome = voting.confirm_vote(nomination.edition, token_from_mail(mail.outbox[0]))
    assert outcome.code == "not_candidate"
    assert confirmed() == 0


@pytest.mark.parametrize(
    ("changes", "field", "code"),
    [
        ({"nomination": None}, "nomination", "required"),
        ({"nomination": "not-a-number"}, "nomination", "invalid_choice"),
        ({"nomination": "999999"}, "nomination", "invalid_choice"),
        ({"email": "not-an-address"}, "email", "invalid"),
        ({"email": ""}, "email", "required"),
        ({"consent": None}, "consent", "required"),
    ],
)
def test_bad_input_is_an_answer_and_stores_nothing(client, candidates, changes, field, code):
    with clock(DURING):
        response = cast(client, candidates["a"], **changes)
    assert response.status_code == 200
    assert response.context["form"].errors.as_data()[field][0].code == code
    assert not Vote.objects.exists()
    assert not mail.outbox


@pytest.mark.parametrize("token", ["nie-ma-takiego", "x" * 200, "%00", "a.b"])
def test_unknown_token_is_404_and_stores_nothing(client, candidates, token):
    edition = candidates["a"].edition
    with clock(DURING):
        assert client.get(confirm_url(edition, token)).status_code == 404
        assert client.post(confirm_url(edition, token)).status_code == 404
        assert voting.confirm_vote(edition, token).code == "unknown"
    assert not Vote.objects.exists()


def test_honeypot_stores_nothing(client, candidates):
    with clock(DURING):
        response = cast(client, candidates["a"], website="http://spam.example")
    assert response.status_code == 303
    assert not Vote.objects.exists()
    assert not mail.outbox


def test_rate_limit_per_address(client, candidates, settings):
    settings.RATE_LIMITS = {"vote": (2, 3600)}
    with clock(DURING):
        for _ in range(2):
            assert cast(client, candidates["a"], consent=None).status_code == 200
        response = cast(client, candidates["a"])
        assert response.status_code == 429
        assert response.context["form"]["email"].value()  # what was typed is kept
    assert not Vote.objects.exists()


def test_mail_failure_is_logged_not_raised(client, candidates):
    with clock(DURING), mock.patch.object(voting, "send_mail", side_effect=OSError("down")):
        response = cast(client, candidates["a"])
    assert response.status_code == 503
    errors = response.context["form"].errors.as_data()
    assert errors["__all__"][0].code == "mail_failed"
    assert not Vote.objects.exists()


# Counting -----------------------------------------------------------------------------------
def test_only_confirmed_votes_count_and_only_after_close(client, candidates):
    a, b, other = candidates["a"], candidates["b"], candidates["other"]
    edition = a.edition
    with clock(DURING):
        for email in ("1@example.org", "2@example.org"):
            voting.confirm_vote(edition, voting.cast_vote(edition, a.category, a, email)[0].token)
        voting.confirm_vote(edition, voting.cast_vote(edition, b.category, b, "3@x.org")[0].token)
        voting.cast_vote(edition, b.category, b, "4@example.org")  # never confirmed
        assert voting.vote_counts(edition) == []
        page = client.get(edition.url).content.decode()
        assert "vote-results-heading" not in page
        assert vote_url(edition, a.category) in page
    with clock(AFTER):
        counts = voting.vote_counts(edition)
        page = client.get(edition.url).content.decode()
    assert "vote-results-heading" in page
    assert vote_url(edition, a.category) not in page
    first = next(group for group in counts if group.category == a.category)
    assert [(row.nomination, row.votes, row.rank, row.tied) for row in first.rows] == [
        (a, 2, 1, False),
        (b, 1, 2, False),
    ]
    assert first.total == 3
    second = next(group for group in counts if group.category == other.category)
    assert [(row.nomination, row.votes) for row in second.rows] == [(other, 0)]
    assert len(counts) == edition.categories.count()


def test_ties_are_noted(candidates):
    a, b = candidates["a"], candidates["b"]
    edition = a.edition
    with clock(DURING):
        voting.confirm_vote(edition, voting.cast_vote(edition, a.category, a, "1@x.org")[0].token)
        voting.confirm_vote(edition, voting.cast_vote(edition, b.category, b, "2@x.org")[0].token)
    with clock(AFTER):
        group = next(g for g in voting.vote_counts(edition) if g.category == a.category)
    assert [(row.rank, row.tied) for row in group.rows] == [(1, True), (1, True)]
    assert group.has_ties


def test_results_table_renders_in_polish(candidates):
    from django.template.loader import render_to_string

    edition = candidates["a"].edition
    with clock(AFTER), override("pl"):
        html = render_to_string(
            "competition/includes/vote_results.html",
            {"vote_results": voting.vote_counts(edition)},
        )
        assert gettext("Confirmed votes") in html
    assert "Gmina A" in html and "<caption>" in html


def test_vote_form_query_count(client, candidates, django_assert_max_num_queries):
    """25 measured with 12 candidates (most are Wagtail's site, page and locale look-ups); the
    candidates cost one query, however many there are (no N+1 in the radio labels)."""
    nomination = candidates["a"]
    for index in range(10):
        nominate(nomination.edition, f"Kandydat {index}", category=nomination.category)
    with clock(DURING), django_assert_max_num_queries(25):
        response = client.get(vote_url(nomination.edition, nomination.category))
    assert response.status_code == 200


def test_form_email_is_checked_case_insensitively(candidates):
    a = candidates["a"]
    with clock(DURING):
        vote, _ = voting.cast_vote(a.edition, a.category, a, "Ewa@Example.org")
        voting.confirm_vote(a.edition, vote.token)
        form = VoteForm(data(a, email="EWA@example.ORG"), category=a.category)
        assert not form.is_valid()
        assert form.errors.as_data()["email"][0].code == "already_voted"
        form = VoteForm(
            data(candidates["other"], email="ewa@example.org"),
            category=candidates["other"].category,
        )
        assert form.is_valid()
