"""Saving an OWES's answers and reading them back: the one place that enforces the rules
(answering window, lock after submit, one response per OWES) and builds the summary."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.exports import SafeWriter
from portal.organisations.models import Organisation

from .models import SCALE_MAX, SCALE_MIN, Answer, Question, Questionnaire, Response


class AnsweringRefused(Exception):
    """The answers cannot be saved (closed window, already submitted); the message says why."""


def save_answers(
    questionnaire: Questionnaire,
    owes: Organisation,
    user: Any,
    values: dict[int, tuple[int | None, str]],
    submit: bool,
    today: date | None = None,
) -> Response:
    """Store the answers as a draft, or submit them (then they are locked). All or nothing."""
    today = today or timezone.localdate()
    if not questionnaire.is_open(today):
        raise AnsweringRefused(_("This questionnaire is not open for answers today."))
    with transaction.atomic():
        response, _created = Response.objects.select_for_update().get_or_create(
            questionnaire=questionnaire, owes=owes
        )
        if response.is_submitted:
            raise AnsweringRefused(_("These answers have been submitted and can no longer change."))
        existing = {answer.question_id: answer for answer in response.answers.all()}
        for question_id, (scale, text) in values.items():
            answer = existing.get(question_id)
            if answer is None:
                Answer.objects.create(
                    response=response, question_id=question_id, scale=scale, text=text
                )
            elif (answer.scale, answer.text) != (scale, text):
                answer.scale, answer.text = scale, text
                answer.save(update_fields=["scale", "text"])
        if submit:
            response.status = Response.Status.SUBMITTED
            response.submitted_at = timezone.now()
            response.submitted_by = user
        response.save()
    return response


def answers_by_question(response: Response) -> dict[int, Answer]:
    return {answer.question_id: answer for answer in response.answers.all()}


@dataclass
class QuestionSummary:
    """What the OWES said to one question, over submitted responses only."""

    question: Question
    n: int = 0
    mean: float | None = None
    minimum: int | None = None
    maximum: int | None = None
    distribution: dict[int, int] = field(default_factory=dict)
    texts: list[tuple[str, str]] = field(default_factory=list)  # (OWES name, answer)

    @property
    def distribution_rows(self) -> list[tuple[int, int]]:
        return sorted(self.distribution.items())


def summary(questionnaire: Questionnaire) -> tuple[list[QuestionSummary], int]:
    """Per question: n, mean, min, max and the 1–5 distribution of scale answers, the text
    answers per OWES; and how many responses were submitted. Two queries whatever the size."""
    questions = list(questionnaire.questions.all())
    submitted = Response.objects.filter(
        questionnaire=questionnaire, status=Response.Status.SUBMITTED
    )
    answers = (
        Answer.objects.filter(response__in=submitted)
        .select_related("response__owes")
        .order_by("response__owes__name", "pk")
    )
    scales: dict[int, list[int]] = {question.pk: [] for question in questions}
    texts: dict[int, list[tuple[str, str]]] = {question.pk: [] for question in questions}
    owes_ids: set[int] = set()
    for answer in answers:
        owes_ids.add(answer.response.owes_id)
        if answer.question_id not in scales:
            continue
        if answer.scale is not None:
            scales[answer.question_id].append(answer.scale)
        elif answer.text.strip():
            texts[answer.question_id].append((answer.response.owes.name, answer.text))
    result = []
    for question in questions:
        item = QuestionSummary(question)
        if question.is_scale:
            values = scales[question.pk]
            item.n = len(values)
            item.distribution = {v: values.count(v) for v in range(SCALE_MIN, SCALE_MAX + 1)}
            if values:
                item.mean = sum(values) / len(values)
                item.minimum, item.maximum = min(values), max(values)
        else:
            item.texts = texts[question.pk]
            item.n = len(item.texts)
        result.append(item)
    return result, submitted.count()


def answers_csv(questionnaire: Questionnaire) -> str:
    """Submitted answers, one row per OWES and one column per question (formula-safe)."""
    questions = list(questionnaire.questions.all())
    responses = (
        Response.objects.filter(questionnaire=questionnaire, status=Response.Status.SUBMITTED)
        .select_related("owes")
        .prefetch_related("answers")
        .order_by("owes__name")
    )
    buffer = io.StringIO()
    writer = SafeWriter(csv.writer(buffer))
    writer.writerow([_("OWES"), _("Submitted at"), *[question.text for question in questions]])
    for response in responses:
        answers = answers_by_question(response)
        cells: list[Any] = [
            response.owes.name,
            timezone.localtime(response.submitted_at).strftime("%Y-%m-%d %H:%M")
            if response.submitted_at
            else "",
        ]
        for question in questions:
            answer = answers.get(question.pk)
            if answer is None:
                cells.append("")
            elif question.is_scale:
                cells.append("" if answer.scale is None else answer.scale)
            else:
                cells.append(answer.text)
        writer.writerow(cells)
    return buffer.getvalue()
