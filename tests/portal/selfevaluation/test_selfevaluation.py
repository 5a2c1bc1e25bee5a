"""OWES self-evaluation: who may do what, answering (drafts, submit, lock, window), the summary
against an independent computation, the CSV and the questionnaire editor's guard."""

from __future__ import annotations

import csv
import io
import statistics
from datetime import date, time

import pytest
from django.urls import reverse

from portal.selfevaluation.models import Answer, Question, Questionnaire, Response
from portal.selfevaluation.services import summary
from tests.factories.selfevaluation import owes, person, questionnaire, submitted
from tests.helpers.clock import clock

pytestmark = pytest.mark.django_db

ROLES = ("anonymous", "owes_a", "owes_b", "rops", "rkres")
# Wagtail turns PermissionDenied in an admin view into a redirect to the dashboard.
DENIED = 302


@pytest.fixture
def world():
    owes_a, owes_b = owes(), owes()
    made = questionnaire()
    response_a = submitted(made, owes_a, [4, 5, "Dobrze"])
    people = {
        "anonymous": None,
        "owes_a": person("owes", owes_a),
        "owes_b": person("owes", owes_b),
        "rops": person("rops"),
        "rkres": person("rkres"),
    }
    return {"q": made, "response_a": response_a, "people": people, "owes_a": owes_a}


def url_for(action: str, world: dict) -> str:
    made = world["q"]
    return {
        "edit": reverse("wagtailsnippets_selfevaluation_questionnaire:edit", args=[made.pk]),
        "answer_own": reverse("selfevaluation_answer", args=[made.year]),
        "read_own_or_other": reverse("selfevaluation_response", args=[world["response_a"].pk]),
        "summary": reverse("selfevaluation_summary", args=[made.year]),
        "csv": reverse("selfevaluation_csv", args=[made.year]),
        "index": reverse("selfevaluation_index"),
    }[action]


# role → action → expected status (302 for anonymous: the admin's login page)
EXPECTED = {
    "anonymous": dict.fromkeys(
        ("edit", "answer_own", "read_own_or_other", "summary", "csv", "index"), 302
    ),
    # OWES A reads its own response; OWES B must not learn A's exists
    "owes_a": {"edit": 302, "answer_own": 200, "read_own_or_other": 200, "summary": DENIED,
               "csv": DENIED, "index": 200},
    "owes_b": {"edit": 302, "answer_own": 200, "read_own_or_other": 404, "summary": DENIED,
               "csv": DENIED, "index": 200},
    "rops": {"edit": 200, "answer_own": DENIED, "read_own_or_other": 200, "summary": 200,
             "csv": 200, "index": 200},
    "rkres": {"edit": 302, "answer_own": DENIED, "read_own_or_other": 200, "summary": 200,
              "csv": DENIED, "index": 200},
}  # fmt: skip


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(
    "action", ("edit", "answer_own", "read_own_or_other", "summary", "csv", "index")
)
def test_permission_matrix(client, world, role, action):
    user = world["people"][role]
    if user is not None:
        client.force_login(user)
    response = client.get(url_for(action, world))
    assert response.status_code == EXPECTED[role][action], (role, action)
    if response.status_code == 302:
        # Wagtail's "permission denied" goes to the dashboard, anonymous to the login page
        assert ("login" in response["Location"]) == (role == "anonymous")
    if response.status_code == 200 and action == "read_own_or_other":
        assert "Dobrze" in response.content.decode()


def test_draft_of_another_owes_is_hidden_from_readers(client, world):
    draft = Response.objects.create(questionnaire=world["q"], owes=owes())
    for role in ("rops", "rkres"):
        client.force_login(world["people"][role])
        assert client.get(reverse("selfevaluation_response", args=[draft.pk])).status_code == 404


def test_only_rops_may_edit_questionnaire_by_permission(world):
    model = "selfevaluation.change_questionnaire"
    people = world["people"]
    assert people["rops"].has_perm(model)
    assert not people["owes_a"].has_perm(model)
    assert not people["rkres"].has_perm(model)


def post_answers(client, made: Questionnaire, data: dict, submit: bool):
    fields = {f"question_{q.pk}": v for q, v in zip(made.questions.all(), data, strict=False)}
    fields["submit" if submit else "save"] = "1"
    return client.post(reverse("selfevaluation_answer", args=[made.year]), fields)


def test_draft_then_submit_then_locked(client):
    owes_a = owes()
    client.force_login(person("owes", owes_a))
    made = questionnaire()
    # a draft may be partial
    assert post_answers(client, made, ["3", "", ""], submit=False).status_code == 302
    response = Response.objects.get(questionnaire=made, owes=owes_a)
    assert response.status == Response.Status.DRAFT
    assert [a.scale for a in response.answers.all()] == [3, None, None]
    # submitting with a required answer missing saves nothing
    page = post_answers(client, made, ["4", "", "Opis"], submit=True)
    assert page.status_code == 200
    assert "Odpowiedz na to pytanie przed wysłaniem." in page.content.decode()
    response.refresh_from_db()
    assert response.status == Response.Status.DRAFT
    assert [a.scale for a in response.answers.order_by("question__sort_order")] == [3, None, None]
    # complete: submitted, with who and when
    post_answers(client, made, ["4", "2", "Opis"], submit=True)
    response.refresh_from_db()
    assert response.status == Response.Status.SUBMITTED and response.submitted_at
    assert response.submitted_by.organisation == owes_a
    # locked: a later post changes nothing
    post_answers(client, made, ["1", "1", "Zmiana"], submit=False)
    values = list(response.answers.order_by("question__sort_order").values_list("scale", "text"))
    assert values == [(4, ""), (2, ""), (None, "Opis")]


@pytest.mark.parametrize("bad", ["7", "0", "abc", "<b>"])
def test_bad_scale_value_saves_nothing(client, bad):
    owes_a = owes()
    client.force_login(person("owes", owes_a))
    made = questionnaire()
    page = post_answers(client, made, [bad, "3", "Tekst"], submit=False)
    assert page.status_code == 200
    assert "Nic nie zapisano" in page.content.decode()
    assert not Response.objects.filter(questionnaire=made).exists()
    assert not Answer.objects.filter(question__questionnaire=made).exists()


@pytest.mark.parametrize(
    ("day", "at", "is_open"),
    [
        # opens on 10 March, closes on 20 March (Warsaw dates)
        (date(2031, 3, 9), time(23, 59), False),
        (date(2031, 3, 10), time(0, 1), True),  # 9 March, 23:01 UTC
        (date(2031, 3, 20), time(23, 59), True),
        (date(2031, 3, 21), time(0, 1), False),  # still 20 March in UTC
    ],
)
def test_answering_window_in_warsaw_dates(client, day, at, is_open):
    owes_a = owes()
    user = person("owes", owes_a)
    made = questionnaire(opens_on=date(2031, 3, 10), closes_on=date(2031, 3, 20))
    with clock(day, at):
        client.force_login(user)
        post_answers(client, made, ["3", "3", "Tekst"], submit=False)
    assert Response.objects.filter(questionnaire=made).exists() == is_open


def test_summary_equals_independent_computation():
    made = questionnaire(kinds="sst")
    data = {
        owes(): [5, 2, "Sukces A"],
        owes(): [3, None, "Sukces B"],
        owes(): [4, 2, ""],
        owes(): [1, 5, None],
    }
    for organisation, values in data.items():
        submitted(made, organisation, values)
    # a draft never counts
    draft = Response.objects.create(questionnaire=made, owes=owes())
    Answer.objects.create(response=draft, question=made.questions.first(), scale=1)

    items, count = summary(made)
    assert count == 4
    for position, item in enumerate(items):
        values = [v[position] for v in data.values()]
        if item.question.kind == Question.Kind.SCALE:
            numbers = [v for v in values if isinstance(v, int)]
            assert item.n == len(numbers)
            assert item.mean == pytest.approx(statistics.mean(numbers))
            assert (item.minimum, item.maximum) == (min(numbers), max(numbers))
            assert item.distribution == {k: numbers.count(k) for k in range(1, 6)}
        else:
            expected = sorted(
                (o.name, v) for o, v in zip(data, values, strict=True) if isinstance(v, str) and v
            )
            assert sorted(item.texts) == expected


def test_summary_and_csv_query_budget(client, django_assert_max_num_queries):
    """A fixed number of queries, however many OWES answered (measured, then six more)."""
    made = questionnaire()
    client.force_login(person("rops"))
    summary_url = reverse("selfevaluation_summary", args=[made.year])
    csv_url = reverse("selfevaluation_csv", args=[made.year])
    submitted(made, owes(), [3, 4, "Tekst"])
    with django_assert_max_num_queries(20) as summary_queries:
        assert client.get(summary_url).status_code == 200
    with django_assert_max_num_queries(10) as csv_queries:
        assert client.get(csv_url).status_code == 200
    for _i in range(6):
        submitted(made, owes(), [3, 4, "Tekst"])
    with django_assert_max_num_queries(len(summary_queries.captured_queries)):
        assert client.get(summary_url).status_code == 200
    with django_assert_max_num_queries(len(csv_queries.captured_queries)):
        assert client.get(csv_url).status_code == 200


def test_csv_is_formula_safe_and_lists_submitted_only(client):
    made = questionnaire()
    hostile = owes()
    hostile.name = '=HYPERLINK("http://zlo")'
    hostile.save()
    submitted(made, hostile, [5, 4, "@SUM(A1)"])
    Response.objects.create(questionnaire=made, owes=owes())  # a draft: not exported
    client.force_login(person("rops"))
    body = client.get(reverse("selfevaluation_csv", args=[made.year])).content.decode()
    rows = list(csv.reader(io.StringIO(body)))
    assert rows[0][2:] == ["Pytanie 1", "Pytanie 2", "Pytanie 3"]
    assert len(rows) == 2
    assert rows[1][0].startswith("'=") and rows[1][4] == "'@SUM(A1)"
    assert rows[1][2:4] == ["5", "4"]


def edit_post_data(made: Questionnaire, **changes) -> dict:
    """The snippet edit form's POST for `made` as stored, with per-question changes
    ({index: {"kind": ..., "DELETE": "1"}})."""
    questions = list(made.questions.all())
    data = {
        "year": made.year,
        "title": made.title,
        "intro": made.intro,
        "opens_on": made.opens_on.isoformat(),
        "closes_on": made.closes_on.isoformat(),
        "questions-TOTAL_FORMS": len(questions),
        "questions-INITIAL_FORMS": len(questions),
        "questions-MIN_NUM_FORMS": 1,
        "questions-MAX_NUM_FORMS": 1000,
    }
    for i, question in enumerate(questions):
        row = {
            "id": question.pk,
            "ORDER": i + 1,
            "text": question.text,
            "help_text": question.help_text,
            "kind": question.kind,
            "required": "on" if question.required else "",
            **changes.get(str(i), {}),
        }
        data.update({f"questions-{i}-{k}": v for k, v in row.items() if v != ""})
    return data


@pytest.mark.parametrize("has_submission", [False, True])
@pytest.mark.parametrize("change", ["delete", "kind", "reword"])
def test_questions_guarded_once_answers_are_submitted(client, has_submission, change):
    made = questionnaire()
    if has_submission:
        submitted(made, owes(), [3, 3, "Tekst"])
    client.force_login(person("rops"))
    first = made.questions.first()
    changes = {
        "delete": {"DELETE": "1"},
        "kind": {"kind": Question.Kind.TEXT},
        "reword": {"text": "Nowe brzmienie"},
    }[change]
    url = reverse("wagtailsnippets_selfevaluation_questionnaire:edit", args=[made.pk])
    page = client.post(url, edit_post_data(made, **{"0": changes}))
    first_now = Question.objects.filter(pk=first.pk).first()
    refused = has_submission and change != "reword"
    if refused:
        assert page.status_code == 200
        assert "OWES przesłały już odpowiedzi" in page.content.decode()
        assert first_now is not None and first_now.kind == Question.Kind.SCALE
    else:
        assert page.status_code == 302, page.content.decode()[:3000]
        if change == "delete":
            assert first_now is None
        elif change == "kind":
            assert first_now.kind == Question.Kind.TEXT
        else:
            assert first_now.text == "Nowe brzmienie"


def test_demo_is_idempotent(demo):
    from portal.demo.selfevaluation import load_selfevaluation

    load_selfevaluation(lambda message: None)
    snapshot = (
        list(Questionnaire.objects.values_list("year", "title", "opens_on", "closes_on")),
        list(Response.objects.values_list("pk", "status", "updated_at")),
        list(Answer.objects.values_list("pk", "scale", "text")),
    )
    load_selfevaluation(lambda message: None)
    assert snapshot == (
        list(Questionnaire.objects.values_list("year", "title", "opens_on", "closes_on")),
        list(Response.objects.values_list("pk", "status", "updated_at")),
        list(Answer.objects.values_list("pk", "scale", "text")),
    )
    demo_2026 = Questionnaire.objects.get(year=2026)
    assert demo_2026.is_open(date(2026, 12, 31)) and not demo_2026.is_open(date(2027, 1, 1))
    statuses = sorted(demo_2026.responses.values_list("status", flat=True))
    assert statuses == ["draft", "submitted", "submitted"]
    assert Questionnaire.objects.get(year=2025).responses.filter(status="submitted").count() == 3
    assert 6 <= demo_2026.questions.count() <= 8


def test_questionnaire_with_answers_cannot_be_deleted(client):
    made = questionnaire()
    submitted(made, owes(), [3, 3, "Tekst"])
    client.force_login(person("rops"))
    delete = "wagtailsnippets_selfevaluation_questionnaire:delete"
    url = reverse(delete, args=[made.pk])
    assert "nie można go usunąć" in client.get(url).content.decode()
    page = client.post(url, follow=True)
    assert "nie można go usunąć" in page.content.decode()
    assert Questionnaire.objects.filter(pk=made.pk).exists()
    # without answers it may go
    unanswered = questionnaire()
    client.post(reverse(delete, args=[unanswered.pk]))
    assert not Questionnaire.objects.filter(pk=unanswered.pk).exists()
