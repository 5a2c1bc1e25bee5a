"""Builders for the self-evaluation tests: people in each role, questionnaires and answers."""

from __future__ import annotations

from datetime import date, timedelta
from itertools import count

from django.contrib.auth.models import Group
from django.utils import timezone

from portal.organisations import roles
from portal.organisations.models import Organisation
from portal.selfevaluation.models import Answer, Question, Questionnaire, Response
from tests.factories import OrganisationFactory, UserFactory

# Years no demo questionnaire uses.
_years = count(3001)


def person(role: str, organisation: Organisation | None = None):
    """A user in one role: "rops", "rkres", "owes" (with `organisation`) or a plain account."""
    group = {
        "rops": roles.ROPS_MODERATORS,
        "rkres": roles.RKRES_MEMBERS,
        "owes": roles.OWES_EDITORS,
    }
    user = UserFactory(organisation=organisation)
    if role in group:
        user.groups.add(Group.objects.get(name=group[role]))
    return user


def owes() -> Organisation:
    return OrganisationFactory(kind=Organisation.Kind.OWES)


def questionnaire(
    opens_on: date | None = None, closes_on: date | None = None, kinds: str = "sst"
) -> Questionnaire:
    """A questionnaire open today unless told, with one question per letter of `kinds`
    (s: scale, t: text), all required."""
    today = timezone.localdate()
    made = Questionnaire.objects.create(
        year=next(_years),
        title="Samoocena testowa",
        opens_on=opens_on or today - timedelta(days=5),
        closes_on=closes_on or today + timedelta(days=5),
    )
    for order, letter in enumerate(kinds):
        Question.objects.create(
            questionnaire=made,
            sort_order=order,
            text=f"Pytanie {order + 1}",
            kind=Question.Kind.SCALE if letter == "s" else Question.Kind.TEXT,
            required=True,
        )
    return made


def submitted(made: Questionnaire, organisation: Organisation, values: list) -> Response:
    """A submitted response with `values` (int for scale, str for text) in question order."""
    response = Response.objects.create(
        questionnaire=made,
        owes=organisation,
        status=Response.Status.SUBMITTED,
        submitted_at=timezone.now(),
    )
    for question, value in zip(made.questions.all(), values, strict=True):
        if value is None:
            continue
        Answer.objects.create(
            response=response,
            question=question,
            scale=value if isinstance(value, int) else None,
            text=value if isinstance(value, str) else "",
        )
    return response
