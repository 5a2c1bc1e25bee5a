"""The public question form of a notice page."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from portal.honeypot import HoneypotForm

from .models import NoticeQuestion

MIN_QUESTION_LENGTH = 10


class QuestionForm(HoneypotForm, forms.ModelForm):
    """A question anyone may ask while the notice is open; shown only with its answer and never
    with its asker. The e-mail is optional: only to be told when the answer is out."""

    class Meta:
        model = NoticeQuestion
        fields = ["question", "asker_email"]
        widgets = {
            "question": forms.Textarea(attrs={"rows": 5, "maxlength": 3000}),
            "asker_email": forms.EmailInput(attrs={"autocomplete": "email"}),
        }
        labels = {
            "question": _("Your question"),
            "asker_email": _("Your e-mail (optional, to be told when the answer is published)"),
        }
        error_messages = {
            "question": {"required": _("Write your question.")},
            "asker_email": {"invalid": _("Enter a valid e-mail address or leave it empty.")},
        }

    def clean_question(self) -> str:
        question = " ".join(self.cleaned_data["question"].split(" ")).strip()
        if len(question) < MIN_QUESTION_LENGTH:
            raise forms.ValidationError(
                _("The question is too short: write at least %(min)d characters."),
                params={"min": MIN_QUESTION_LENGTH},
            )
        return question
