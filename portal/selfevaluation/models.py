"""The ROPS's yearly self-evaluation questionnaire and each OWES's answers.

The ROPS edits a `Questionnaire` (a snippet with its `Question`s inline); each OWES fills in one
`Response` per questionnaire between its opening and closing dates (Warsaw dates), saving drafts
and submitting once. Submitted answers are locked and feed the summary read by the ROPS and the
RKRES members.
"""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.models import Orderable

from portal.organisations.models import Organisation

from .forms import QuestionnaireAdminForm

SCALE_MIN = 1
SCALE_MAX = 5


class Questionnaire(ClusterableModel):
    """One year's questionnaire: what the ROPS asks every OWES and when they may answer."""

    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    title = models.CharField(_("title"), max_length=200)
    intro = models.TextField(_("introduction"), blank=True)
    opens_on = models.DateField(_("opens on"))
    closes_on = models.DateField(
        _("closes on"), help_text=_("The last day (Warsaw time) on which an OWES may answer.")
    )

    panels = [
        FieldRowPanel([FieldPanel("year"), FieldPanel("opens_on"), FieldPanel("closes_on")]),
        FieldPanel("title"),
        FieldPanel("intro"),
        InlinePanel("questions", heading=_("Questions"), label=_("Question"), min_num=1),
    ]
    base_form_class = QuestionnaireAdminForm

    class Meta:
        ordering = ["-year"]
        verbose_name = _("self-evaluation questionnaire")
        verbose_name_plural = _("self-evaluation questionnaires")

    def __str__(self) -> str:
        return f"{self.year}: {self.title}"

    def clean(self) -> None:
        super().clean()
        if self.opens_on and self.closes_on and self.closes_on < self.opens_on:
            raise ValidationError(
                {"closes_on": _("The questionnaire must close on or after the day it opens.")}
            )

    def is_open(self, today: date | None = None) -> bool:
        """Whether an OWES may answer on `today` (a Warsaw date; both ends included)."""
        today = today or timezone.localdate()
        return self.opens_on <= today <= self.closes_on

    def has_submissions(self) -> bool:
        return self.responses.filter(status=Response.Status.SUBMITTED).exists()


class Question(Orderable):
    """A question: a 1–5 scale or free text; required ones must be answered to submit."""

    class Kind(models.TextChoices):
        SCALE = "scale", _("Scale 1–5")
        TEXT = "text", _("Text")

    questionnaire = ParentalKey(Questionnaire, on_delete=models.CASCADE, related_name="questions")
    text = models.CharField(_("question"), max_length=500)
    help_text = models.CharField(_("help text"), max_length=500, blank=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.SCALE)
    required = models.BooleanField(_("required"), default=True)

    panels = [
        FieldPanel("text"),
        FieldPanel("help_text"),
        FieldPanel("kind"),
        FieldPanel("required"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self) -> str:
        return self.text

    @property
    def is_scale(self) -> bool:
        return self.kind == self.Kind.SCALE


class Response(models.Model):
    """One OWES's answers to one questionnaire: a draft until submitted, then locked."""

    class Status(models.TextChoices):
        DRAFT = "draft", pgettext_lazy("self-evaluation status", "draft")
        SUBMITTED = "submitted", pgettext_lazy("self-evaluation status", "submitted")

    questionnaire = models.ForeignKey(
        Questionnaire,
        verbose_name=_("questionnaire"),
        on_delete=models.PROTECT,
        related_name="responses",
    )
    owes = models.ForeignKey(
        Organisation,
        verbose_name=_("OWES"),
        on_delete=models.PROTECT,
        related_name="self_evaluations",
        limit_choices_to={"kind": Organisation.Kind.OWES},
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["questionnaire", "owes__name"]
        verbose_name = _("self-evaluation response")
        verbose_name_plural = _("self-evaluation responses")
        constraints = [
            models.UniqueConstraint(
                fields=["questionnaire", "owes"], name="selfevaluation_one_response_per_owes"
            )
        ]

    def __str__(self) -> str:
        return f"{self.questionnaire.year} – {self.owes}"

    @property
    def is_submitted(self) -> bool:
        return self.status == self.Status.SUBMITTED


class Answer(models.Model):
    """The answer to one question: a scale value (1–5) or text, by the kind of question."""

    response = models.ForeignKey(
        Response, verbose_name=_("response"), on_delete=models.CASCADE, related_name="answers"
    )
    question = models.ForeignKey(
        Question, verbose_name=_("question"), on_delete=models.CASCADE, related_name="answers"
    )
    scale = models.PositiveSmallIntegerField(
        _("value"),
        null=True,
        blank=True,
        validators=[MinValueValidator(SCALE_MIN), MaxValueValidator(SCALE_MAX)],
    )
    text = models.TextField(_("answer"), blank=True)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(
                fields=["response", "question"], name="selfevaluation_one_answer_per_question"
            ),
            models.CheckConstraint(
                condition=models.Q(scale__isnull=True)
                | models.Q(scale__gte=SCALE_MIN, scale__lte=SCALE_MAX),
                name="selfevaluation_answer_scale_1_to_5",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.question}: {self.scale if self.scale is not None else self.text}"

    @property
    def is_empty(self) -> bool:
        return self.scale is None and not self.text.strip()
