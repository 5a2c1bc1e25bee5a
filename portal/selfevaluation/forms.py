"""Forms: the ROPS's questionnaire editor (guarding answered questions) and an OWES's answers."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.forms import WagtailAdminModelForm

if TYPE_CHECKING:
    from .models import Question

SCALE_CHOICES = [
    (1, gettext_lazy("1 = very poor")),
    (2, "2"),
    (3, "3"),
    (4, "4"),
    (5, gettext_lazy("5 = very good")),
]


class QuestionnaireAdminForm(WagtailAdminModelForm):
    """Once any OWES has submitted, a question may be reworded but not removed or changed in
    kind: the submitted answers (and the summary built from them) would lose their meaning."""

    def clean(self) -> dict:
        cleaned = super().clean()
        instance = self.instance
        if not instance.pk or not instance.has_submissions():
            return cleaned
        formset = self.formsets.get("questions")
        if formset is None or not formset.is_bound:
            return cleaned
        formset.full_clean()  # the questions' forms are cleaned after this form otherwise
        problems: list[str] = []
        for form in formset.forms:
            question = form.instance
            if not question.pk:
                continue
            if formset.can_delete and formset._should_delete_form(form):
                problems.append(
                    _(
                        "The question “%(question)s” cannot be removed: OWES have already "
                        "submitted answers to this questionnaire."
                    )
                    % {"question": question.text}
                )
            elif "kind" in form.changed_data:
                problems.append(
                    _(
                        "The kind of the question “%(question)s” cannot be changed: OWES have "
                        "already submitted answers to this questionnaire."
                    )
                    % {"question": question.text}
                )
        if problems:
            raise ValidationError(problems)
        return cleaned


class AnswersForm(forms.Form):
    """One field per question: radio buttons 1–5 or a text area. Nothing is required here:
    a draft may be partial; `missing_required` is checked on submit only."""

    def __init__(self, *args, questions: list[Question], initial_answers: dict, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.questions = questions
        for question in questions:
            answer = initial_answers.get(question.pk)
            name = self.field_name(question)
            if question.is_scale:
                self.fields[name] = forms.TypedChoiceField(
                    label=question.text,
                    help_text=question.help_text,
                    choices=SCALE_CHOICES,
                    coerce=int,
                    empty_value=None,
                    required=False,
                    widget=forms.RadioSelect,
                    initial=answer.scale if answer else None,
                )
            else:
                self.fields[name] = forms.CharField(
                    label=question.text,
                    help_text=question.help_text,
                    required=False,
                    max_length=5000,
                    widget=forms.Textarea(attrs={"rows": 4}),
                    initial=answer.text if answer else "",
                )
            self.fields[name].question = question

    @staticmethod
    def field_name(question: Question) -> str:
        return f"question_{question.pk}"

    def values(self) -> dict[int, tuple[int | None, str]]:
        """Question id → (scale value, text), from cleaned data."""
        result = {}
        for question in self.questions:
            value = self.cleaned_data.get(self.field_name(question))
            if question.is_scale:
                result[question.pk] = (value, "")
            else:
                result[question.pk] = (None, (value or "").strip())
        return result

    def check_required(self) -> bool:
        """On submit: every required question answered; errors put on the fields."""
        ok = True
        for question, (scale, text) in zip(self.questions, self.values().values(), strict=True):
            if question.required and scale is None and not text:
                self.add_error(
                    self.field_name(question), _("Answer this question before submitting.")
                )
                ok = False
        return ok
