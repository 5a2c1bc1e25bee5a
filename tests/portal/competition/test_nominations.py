"""Nominations: the window in Europe/Warsaw, the PDF letter, honeypot, rate limit, decisions
and their e-mails; bad input is an answer, never a server error; the form is never cached."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from unittest import mock

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.exceptions import ValidationError

from marketplace.partner.models import Partner
from portal.competition import nominations
from portal.competition.models import DEFAULT_CATEGORIES, Nomination
from portal.competition.uploads import MAX_LETTER_BYTES
from tests.helpers.clock import warsaw
from tests.helpers.pdfs import PLAIN_PDF as PDF
from tests.helpers.pdfs import letter

pytestmark = pytest.mark.django_db


def form_url(edition, slug="przedsiebiorstwo-spoleczne"):
    return edition.url + f"zglos/{slug}/"


def data(**changes):
    values = {
        "candidate_name": "Gmina Testowa",
        "justification": "Od lat kupuje usługi od spółdzielni socjalnych.",
        "recommendation_letter": letter(),
        "nominator_name": "Jan Nowak",
        "nominator_email": "jan.nowak@example.org",
        "nominator_phone": "",
        "consent_data": "on",
        "consent_candidate": "on",
        "website": "",
    }
    values.update(changes)
    return {key: value for key, value in values.items() if value is not None}


def letter_files() -> set[str]:
    folder = Path(settings.STORAGES["private"]["OPTIONS"]["location"]) / "competition" / "letters"
    return {p.name for p in folder.iterdir()} if folder.exists() else set()


def test_default_categories_and_slugs(edition):
    names = [c.name for c in edition.categories.all()]
    assert names == [name for name, _description in DEFAULT_CATEGORIES]
    assert [c.slug for c in edition.categories.all()] == [
        "samorzad-prospoleczny",
        "biznes-prospoleczny",
        "przedsiebiorstwo-spoleczne",
    ]


@pytest.mark.parametrize(
    ("now", "is_open"),
    [
        (datetime(2031, 2, 28, 22, 59, tzinfo=UTC), False),  # 23:59 on 28 Feb in Warsaw
        (datetime(2031, 2, 28, 23, 0, tzinfo=UTC), True),  # 00:00 on 1 March in Warsaw
        (datetime(2031, 3, 31, 21, 58, tzinfo=UTC), True),  # 23:58 in Warsaw (CEST)
        (datetime(2031, 3, 31, 21, 59, tzinfo=UTC), False),  # 23:59: closed
        (datetime(2031, 3, 31, 22, 30, tzinfo=UTC), False),  # still 31 March in UTC
    ],
)
def test_window_in_warsaw_time(client, edition, now, is_open):
    with mock.patch("django.utils.timezone.now", return_value=now):
        assert edition.nomination_window().open is is_open
        response = client.get(form_url(edition))
        assert response.status_code == 200
        assert ('name="justification"' in response.content.decode()) is is_open
        posted = client.post(form_url(edition), data())
    assert (posted.status_code == 303) is is_open
    assert Nomination.objects.filter(edition=edition).exists() is is_open


def test_submission_saves_once_and_emails(client, edition, during):
    before = letter_files()
    response = client.post(form_url(edition), data())
    assert response.status_code == 303
    assert response["Location"] == edition.url
    nomination = Nomination.objects.get(edition=edition)
    assert nomination.status == Nomination.Status.SUBMITTED
    assert nomination.category.slug == "przedsiebiorstwo-spoleczne"
    stored = letter_files() - before
    assert len(stored) == 1
    assert "list" not in stored.pop()  # a random name, not the visitor's
    assert not (Path(settings.MEDIA_ROOT) / "competition" / "letters").exists()  # not public
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["jan.nowak@example.org"]
    assert "2031" in mail.outbox[0].subject
    page = client.get(response["Location"]).content.decode()
    assert "competition-message--success" in page


def test_candidate_from_the_pes_database(client, edition, during):
    partner = Partner.objects.order_by("pk").first()
    response = client.post(
        form_url(edition), data(candidate_name="", candidate_partner=str(partner.pk))
    )
    assert response.status_code == 303
    nomination = Nomination.objects.get(edition=edition)
    assert nomination.candidate_partner == partner
    assert nomination.candidate_name == partner.name


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        (
            {"recommendation_letter": letter(b"GIF89a not a pdf", "list.pdf")},
            "recommendation_letter",
        ),
        (
            {"recommendation_letter": letter(PDF + b"0" * MAX_LETTER_BYTES)},
            "recommendation_letter",
        ),
        ({"recommendation_letter": None}, "recommendation_letter"),
        ({"candidate_name": ""}, "candidate_name"),
        ({"candidate_partner": "abc"}, "candidate_partner"),
        ({"candidate_partner": "999999999"}, "candidate_partner"),
        ({"nominator_email": "not-an-address"}, "nominator_email"),
        ({"nominator_phone": "call me"}, "nominator_phone"),
        ({"consent_data": None}, "consent_data"),
        ({"justification": "x" * 6000}, "justification"),
    ],
)
def test_bad_input_is_refused_and_nothing_stored(client, edition, during, changes, field):
    before = letter_files()
    response = client.post(form_url(edition), data(**changes))
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not Nomination.objects.filter(edition=edition).exists()
    assert letter_files() == before
    assert not mail.outbox


def test_not_a_pdf_says_so(client, edition, during):
    response = client.post(form_url(edition), data(recommendation_letter=letter(b"<html>")))
    assert [e.code for e in response.context["form"].errors.as_data()["recommendation_letter"]] == [
        "not_pdf"
    ]
    too_big = letter(PDF + b"0" * MAX_LETTER_BYTES)
    response = client.post(form_url(edition), data(recommendation_letter=too_big))
    assert [e.code for e in response.context["form"].errors.as_data()["recommendation_letter"]] == [
        "too_large"
    ]


def test_both_candidates_refused(client, edition, during):
    from portal.organisations.models import Organisation

    partner = Partner.objects.order_by("pk").first()
    organisation = Organisation.objects.order_by("pk").first()
    response = client.post(
        form_url(edition),
        data(candidate_partner=str(partner.pk), candidate_organisation=str(organisation.pk)),
    )
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert not Nomination.objects.filter(edition=edition).exists()


def test_honeypot_keeps_nothing(client, edition, during):
    before = letter_files()
    response = client.post(form_url(edition), data(website="http://spam.example"))
    assert response.status_code == 303
    assert not Nomination.objects.filter(edition=edition).exists()
    assert letter_files() == before
    assert not mail.outbox


def test_rate_limit_per_address(client, edition, during, settings):
    settings.RATE_LIMITS = {"nomination": (3, 3600)}
    for number in range(3):
        response = client.post(form_url(edition), data(candidate_name=f"Kandydat {number}"))
        assert response.status_code == 303
    response = client.post(form_url(edition), data(candidate_name="Jeden za dużo"))
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert "Jeden za dużo" in response.content.decode()  # what was typed is kept
    assert Nomination.objects.filter(edition=edition).count() == 3
    other = client.post(
        form_url(edition), data(candidate_name="Inny adres"), REMOTE_ADDR="10.0.0.9"
    )
    assert other.status_code == 303


def test_form_is_never_cached_and_get_never_writes(client, edition, during):
    count = Nomination.objects.count()
    for _attempt in range(2):
        response = client.get(form_url(edition))
        assert response.status_code == 200
        assert "no-store" in response["Cache-Control"]
        assert "X-Page-Cache" not in response
    assert Nomination.objects.count() == count


def test_unknown_category_and_methods(client, edition, during):
    assert client.get(form_url(edition, "nie-ma-takiej")).status_code == 404
    assert client.put(form_url(edition)).status_code == 405


def test_accept_and_reject_email_the_nominator(client, edition, during):
    client.post(form_url(edition), data(candidate_name="A"))
    client.post(form_url(edition), data(candidate_name="B"))
    first, second = Nomination.objects.filter(edition=edition).order_by("candidate_name")
    mail.outbox.clear()
    assert nominations.accept(first)
    with pytest.raises(ValidationError):
        nominations.reject(second, "  ")
    second.refresh_from_db()
    assert second.status == Nomination.Status.SUBMITTED
    assert nominations.reject(second, "Poza województwem.")
    second.refresh_from_db()
    assert second.status == Nomination.Status.REJECTED
    assert len(mail.outbox) == 2
    assert "jury" in mail.outbox[0].subject
    assert "Poza województwem." in mail.outbox[1].body


def test_admin_requires_a_reason_to_reject(client, edition, during):
    client.post(form_url(edition), data(candidate_name="C"))
    nomination = Nomination.objects.get(edition=edition)
    admin = get_user_model().objects.filter(is_superuser=True).first()
    client.force_login(admin)
    url = f"/django-admin/competition/nomination/{nomination.pk}/change/"
    mail.outbox.clear()
    response = client.post(url, {"status": "rejected", "decision_reason": ""})
    assert response.status_code == 200
    nomination.refresh_from_db()
    assert nomination.status == Nomination.Status.SUBMITTED
    response = client.post(url, {"status": "rejected", "decision_reason": "Brak listu."})
    assert response.status_code == 302
    nomination.refresh_from_db()
    assert nomination.status == Nomination.Status.REJECTED
    assert nomination.decided_by == admin
    assert len(mail.outbox) == 1
    response = client.post(
        "/django-admin/competition/nomination/",
        {"action": "accept_selected", "_selected_action": [nomination.pk]},
    )
    assert response.status_code == 302
    nomination.refresh_from_db()
    assert nomination.status == Nomination.Status.REJECTED  # only submitted ones are accepted


def test_letter_validator_unit():
    from django.core.files.uploadedfile import SimpleUploadedFile

    from portal.competition.uploads import validate_pdf_upload

    validate_pdf_upload(SimpleUploadedFile("a.txt", PDF))  # named oddly, but a PDF
    with pytest.raises(ValidationError):
        validate_pdf_upload(SimpleUploadedFile("a.pdf", b"%PD"))
    assert warsaw(2031, 1, 1).utcoffset().total_seconds() == 3600


@pytest.mark.parametrize(
    "who, expected",
    [
        ("anonymous", False),
        ("buyer", False),
        ("owes_editor", False),
        ("juror_of_edition", True),
        ("juror_of_other_edition", False),
        ("rops_moderator", True),
        ("superuser", True),
    ],
)
def test_letter_is_private_and_served_to_who_may_read_it(client, edition, who, expected):
    """The letter is downloaded through a checked admin view, never from MEDIA_URL."""
    from django.contrib.auth.models import Group, Permission
    from django.urls import reverse

    from portal.competition.jury import ensure_jury_group
    from portal.competition.models import Nomination
    from portal.organisations import roles
    from tests.factories import UserFactory

    nomination = Nomination(
        edition=edition,
        category=edition.categories.first(),
        candidate_name="Spółdzielnia Socjalna Przykład",
        justification="Uzasadnienie.",
        nominator_name="Anna",
        nominator_email="anna@example.org",
        status=Nomination.Status.ACCEPTED,
    )
    nomination.recommendation_letter.save("x.pdf", letter(), save=False)
    nomination.save()
    access = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    user = None
    if who == "superuser":
        user = UserFactory(is_superuser=True, is_staff=True)
    elif who != "anonymous":
        user = UserFactory()
        if who == "owes_editor":
            user.groups.add(Group.objects.get(name=roles.OWES_EDITORS))
        elif who == "rops_moderator":
            user.groups.add(Group.objects.get(name=roles.ROPS_MODERATORS))
        elif who == "juror_of_edition":
            user.groups.add(ensure_jury_group(edition))
        elif who == "juror_of_other_edition":
            other, _ = Group.objects.get_or_create(name="Jury Lider ES 1999")
            other.permissions.add(access)
            user.groups.add(other)
    if user is not None:
        client.force_login(user)
    response = client.get(reverse("competition_letter", args=[nomination.pk]))
    if expected:
        assert response.status_code == 200
        assert b"".join(response.streaming_content).startswith(b"%PDF-")
        assert "no-store" in response["Cache-Control"]
    else:  # the admin's login page, or its "permission denied" redirect
        assert response.status_code in (302, 403)
        assert response.get("Content-Type", "").startswith("text/html")


def test_field_errors_are_announced_with_their_field(client, edition, during):
    """A field in error points (aria-describedby) at its help and its error message."""
    import re

    response = client.post(form_url(edition), data(recommendation_letter=letter(b"text")))
    html = response.content.decode()
    field = re.search(r"<input[^>]*name=\"recommendation_letter\"[^>]*>", html).group(0)
    described = re.search(r'aria-describedby="([^"]+)"', field).group(1).split()
    assert "id_recommendation_letter_error" in described
    assert "id_recommendation_letter_helptext" in described
    for target in described:
        assert html.count(f'id="{target}"') == 1
    assert 'aria-invalid="true"' in field
