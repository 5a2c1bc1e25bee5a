"""The OWES's quarterly report: a value per indicator, a status, and its history of transitions."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .indicators import Indicator


class ReportStatus(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("report status", "draft")
    SUBMITTED = "submitted", pgettext_lazy("report status", "submitted")
    RETURNED = "returned", pgettext_lazy("report status", "returned for correction")
    ACCEPTED = "accepted", pgettext_lazy("report status", "accepted")


class ReportLocked(ValidationError):
    """An accepted report is final: nothing in it may change."""


class Report(models.Model):
    """One OWES's report for one quarter of one year."""

    owes = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("OWES"),
        on_delete=models.PROTECT,
        related_name="monitoring_reports",
        limit_choices_to={"kind": "owes"},
    )
    year = models.PositiveSmallIntegerField(_("year"))
    quarter = models.PositiveSmallIntegerField(
        _("quarter"), validators=[MinValueValidator(1), MaxValueValidator(4)]
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=ReportStatus.choices,
        default=ReportStatus.DRAFT,
        db_index=True,
    )
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    comment = models.TextField(_("ROPS comment"), blank=True)
    created = models.DateTimeField(_("created"), auto_now_add=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("quarterly report")
        verbose_name_plural = _("quarterly reports")
        ordering = ["-year", "-quarter", "owes__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["owes", "year", "quarter"], name="monitoring_report_unique"
            ),
            models.CheckConstraint(
                condition=models.Q(quarter__gte=1, quarter__lte=4),
                name="monitoring_report_quarter_1_4",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.owes} – {self.year} Q{self.quarter}"

    @property
    def is_locked(self) -> bool:
        return self.status == ReportStatus.ACCEPTED

    @property
    def is_editable(self) -> bool:
        """The OWES may change a draft or a returned report; a submitted one waits for the ROPS."""
        return self.status in (ReportStatus.DRAFT, ReportStatus.RETURNED)

    @property
    def period_label(self) -> str:
        return f"{self.year} Q{self.quarter}"


class ReportValue(models.Model):
    """One indicator's figure in one report, beside what the portal computed when it was filled."""

    report = models.ForeignKey(
        Report, verbose_name=_("report"), on_delete=models.CASCADE, related_name="values"
    )
    indicator = models.ForeignKey(
        Indicator, verbose_name=_("indicator"), on_delete=models.PROTECT, related_name="values"
    )
    value = models.DecimalField(_("value"), max_digits=12, decimal_places=2, null=True, blank=True)
    portal_value = models.DecimalField(
        _("value computed by the portal"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("report value")
        verbose_name_plural = _("report values")
        ordering = ["indicator__sort_order", "indicator__code"]
        constraints = [
            models.UniqueConstraint(fields=["report", "indicator"], name="monitoring_value_unique")
        ]

    def __str__(self) -> str:
        return f"{self.indicator}: {self.value}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        """The last guard: an accepted report's figures never change, whoever calls save()."""
        status = Report.objects.filter(pk=self.report_id).values_list("status", flat=True).first()
        if status == ReportStatus.ACCEPTED:
            raise ReportLocked(_("This report has been accepted and can no longer be changed."))
        super().save(*args, **kwargs)


class ReportEvent(models.Model):
    """One step in a report's life, with the values as they stood then."""

    class Action(models.TextChoices):
        CREATED = "created", pgettext_lazy("report history", "created")
        SAVED = "saved", pgettext_lazy("report history", "saved")
        SUBMITTED = "submitted", pgettext_lazy("report history", "submitted")
        RETURNED = "returned", pgettext_lazy("report history", "returned")
        ACCEPTED = "accepted", pgettext_lazy("report history", "accepted")
        IMPORTED = "imported", pgettext_lazy("report history", "imported")

    report = models.ForeignKey(
        Report, verbose_name=_("report"), on_delete=models.CASCADE, related_name="history"
    )
    at = models.DateTimeField(_("at"), auto_now_add=True, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    action = models.CharField(_("action"), max_length=10, choices=Action.choices)
    comment = models.TextField(_("comment"), blank=True)
    values = models.JSONField(_("values"), default=dict, blank=True)

    class Meta:
        verbose_name = _("report history entry")
        verbose_name_plural = _("report history")
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.report} {self.action}"
