"""Indicators the OWES report on each quarter, and the ROPS's yearly targets for each OWES."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel


class IndicatorSource(models.TextChoices):
    """Where a quarter's figure comes from: typed in by the OWES or computed from the portal."""

    ENTERED = "entered", _("entered by the OWES")
    NEW_PES = "new_pes", _("PES founded in the OWES's powiats")
    CERTIFICATES = "certificates", _("Social procurement certificates issued")
    EVENT_REGISTRATIONS = "event_registrations", _("confirmed registrations at the OWES's events")
    ADVICE_HOURS = "advice_hours", _("advice hours recorded")


class Indicator(models.Model):
    """One figure of the quarterly report; computed ones are pre-filled, the OWES confirms them."""

    code = models.SlugField(_("code"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=255)
    unit = models.CharField(_("unit"), max_length=40, help_text=_('e.g. "osoby", "godziny", "PES"'))
    definition = models.TextField(_("definition"), blank=True)
    source = models.CharField(
        _("source"), max_length=24, choices=IndicatorSource.choices, default=IndicatorSource.ENTERED
    )
    sort_order = models.PositiveSmallIntegerField(_("display order"), default=0)
    active = models.BooleanField(
        _("active"), default=True, help_text=_("Only active indicators appear in new reports.")
    )

    panels = [
        FieldPanel("code"),
        FieldPanel("name"),
        FieldPanel("unit"),
        FieldPanel("definition"),
        FieldPanel("source"),
        FieldPanel("sort_order"),
        FieldPanel("active"),
    ]

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["sort_order", "code"]

    def __str__(self) -> str:
        return self.name

    @property
    def is_computed(self) -> bool:
        return self.source != IndicatorSource.ENTERED


class IndicatorTarget(models.Model):
    """What one OWES should achieve in one year; progress compares it with accepted reports."""

    indicator = models.ForeignKey(
        Indicator, verbose_name=_("indicator"), on_delete=models.CASCADE, related_name="targets"
    )
    owes = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("OWES"),
        on_delete=models.CASCADE,
        related_name="indicator_targets",
        limit_choices_to={"kind": "owes"},
    )
    year = models.PositiveSmallIntegerField(_("year"))
    value = models.DecimalField(_("target value"), max_digits=12, decimal_places=2)

    panels = [FieldPanel("indicator"), FieldPanel("owes"), FieldPanel("year"), FieldPanel("value")]

    class Meta:
        verbose_name = _("yearly target")
        verbose_name_plural = _("yearly targets")
        ordering = ["-year", "owes__name", "indicator__sort_order"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "owes", "year"], name="monitoring_target_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.indicator} – {self.owes} – {self.year}"
