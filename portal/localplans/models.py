"""The region's gminas (TERYT) and the status of each gmina's local social economy plan."""

from __future__ import annotations

import re
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

from portal.organisations.models import Organisation, Powiat

from .data import POWIAT_TERYT

TERYT_RE = re.compile(r"^\d{7}$")
FIRST_YEAR, LAST_YEAR = 2000, 2100  # a plan's period: anything outside is a typing error
DEFAULT_TARGET = 8


class Gmina(models.Model):
    """A gmina of the TERC register: code WWPPGGT (voivodeship, powiat, gmina, type digit)."""

    class Kind(models.TextChoices):
        URBAN = "1", _("urban gmina")
        RURAL = "2", _("rural gmina")
        URBAN_RURAL = "3", _("urban-rural gmina")

    teryt = models.CharField(
        _("TERYT code"),
        max_length=7,
        unique=True,
        validators=[RegexValidator(TERYT_RE, _("A TERYT gmina code has exactly 7 digits."))],
        help_text=_("Seven digits of the TERC register: voivodeship, powiat, gmina, type."),
    )
    name = models.CharField(_("name"), max_length=120)
    kind = models.CharField(_("kind"), max_length=1, choices=Kind.choices)
    powiat = models.ForeignKey(
        Powiat, on_delete=models.PROTECT, related_name="gminas", verbose_name=_("powiat")
    )

    panels = [FieldPanel("teryt"), FieldPanel("name"), FieldPanel("kind"), FieldPanel("powiat")]

    class Meta:
        ordering = ["teryt"]
        verbose_name = _("gmina")
        verbose_name_plural = _("gminas")

    def __str__(self) -> str:
        return f"{self.name} ({self.teryt})"

    def clean(self) -> None:
        """The code must agree with the powiat (first four digits) and the kind (last digit)."""
        super().clean()
        if not self.teryt or not TERYT_RE.match(self.teryt):
            return  # the field's own validator reports it
        errors: dict[str, list[Any]] = {}
        if self.powiat_id is not None:
            powiat_code = POWIAT_TERYT.get(self.powiat.code)
            if powiat_code is None:
                errors.setdefault("powiat", []).append(
                    _("No TERYT code is known for the powiat %(powiat)s.")
                    % {"powiat": self.powiat.code}
                )
            elif self.teryt[:4] != powiat_code:
                errors.setdefault("teryt", []).append(
                    _("The first four digits must be the powiat's TERYT code %(code)s.")
                    % {"code": powiat_code}
                )
        if self.kind and self.teryt[6] != self.kind:
            errors.setdefault("teryt", []).append(
                _("The last digit must be the gmina's type (%(kind)s).") % {"kind": self.kind}
            )
        if errors:
            raise ValidationError(errors)


class PlanStatus(models.TextChoices):
    NONE = "none", _("no plan")
    IN_PREPARATION = "in_preparation", _("in preparation")
    ADOPTED = "adopted", _("adopted")


def _year_validators() -> list:
    return [MinValueValidator(FIRST_YEAR), MaxValueValidator(LAST_YEAR)]


class LocalPlan(models.Model):
    """A gmina's local social economy plan; a gmina without one counts as having none."""

    gmina = models.OneToOneField(
        Gmina, on_delete=models.CASCADE, related_name="local_plan", verbose_name=_("gmina")
    )
    status = models.CharField(
        _("status"), max_length=16, choices=PlanStatus.choices, default=PlanStatus.NONE
    )
    resolution_number = models.CharField(
        _("resolution number"), max_length=60, blank=True, help_text=_("e.g. XII/85/2024")
    )
    resolution_date = models.DateField(_("resolution date"), null=True, blank=True)
    period_start = models.PositiveSmallIntegerField(
        _("first year"), null=True, blank=True, validators=_year_validators()
    )
    period_end = models.PositiveSmallIntegerField(
        _("last year"), null=True, blank=True, validators=_year_validators()
    )
    document = models.ForeignKey(
        "wagtaildocs.Document",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("document"),
    )
    supporting_owes = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="supported_local_plans",
        limit_choices_to={"kind": Organisation.Kind.OWES},
        verbose_name=_("supporting OWES"),
    )
    notes = models.TextField(_("notes"), blank=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)

    panels = [
        FieldPanel("gmina"),
        FieldPanel("status"),
        FieldPanel("resolution_number"),
        FieldPanel("resolution_date"),
        FieldPanel("period_start"),
        FieldPanel("period_end"),
        FieldPanel("document"),
        FieldPanel("supporting_owes"),
        FieldPanel("notes"),
    ]

    class Meta:
        ordering = ["gmina__teryt"]
        verbose_name = _("local social economy plan")
        verbose_name_plural = _("local social economy plans")

    def __str__(self) -> str:
        return f"{self.gmina.name}: {self.get_status_display()}"

    @property
    def period(self) -> str:
        if self.period_start and self.period_end:
            return f"{self.period_start}–{self.period_end}"
        return ""

    def clean(self) -> None:
        """An adopted plan has a resolution and a period; a plan not adopted has neither."""
        super().clean()
        errors: dict[str, Any] = {}
        if self.supporting_owes_id and self.supporting_owes.kind != Organisation.Kind.OWES:
            errors["supporting_owes"] = _("Choose an OWES.")
        adopted_fields = ("resolution_number", "resolution_date", "period_start", "period_end")
        if self.status == PlanStatus.ADOPTED:
            required = _("Required for an adopted plan.")
            for name in adopted_fields:
                if getattr(self, name) in (None, ""):
                    errors[name] = required
            start, end = self.period_start, self.period_end
            if start and end and start > end:
                errors["period_end"] = _("The last year cannot be before the first year.")
            if start and self.resolution_date and start > self.resolution_date.year + 5:
                errors["period_start"] = _(
                    "The period starts more than five years after the resolution."
                )
            if end and start and end - start > 20:
                errors["period_end"] = _("A plan's period cannot be longer than 20 years.")
        else:
            for name in adopted_fields:
                if getattr(self, name) not in (None, ""):
                    errors[name] = _("Only an adopted plan has a resolution and a period.")
        if errors:
            raise ValidationError(errors)


@register_setting(icon="list-ul")
class LocalPlanSettings(BaseGenericSetting):
    """The regional target: how many gminas should have an adopted plan (set by the ROPS)."""

    target_gminas = models.PositiveSmallIntegerField(
        _("target: gminas with an adopted plan"),
        default=DEFAULT_TARGET,
        validators=[MinValueValidator(1), MaxValueValidator(10000)],
    )

    panels = [FieldPanel("target_gminas")]

    class Meta:
        verbose_name = _("local plans target")

    @classmethod
    def current_target(cls) -> int:
        """The target without writing (`load()` would create the row on a GET)."""
        value = cls.objects.values_list("target_gminas", flat=True).first()
        return DEFAULT_TARGET if value is None else value
